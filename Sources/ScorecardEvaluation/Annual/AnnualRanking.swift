import ScorecardBase
import ScorecardRules

/// Orders officers on one figure (the annual total, or for vacancies perhaps the latest
/// quarter's), higher first, then on the declared tie-breakers in the order written.
struct AnnualRanking: Sendable {
    var tieBreakers: [AnnualRules.TieBreaker]
    var scorePlaces: Int
    var moneyPlaces: Int

    /// Negative when `a` goes first, positive when `b` does, zero when tied on everything;
    /// with the tie-breaker that decided (nil when the figure itself did, or nothing did).
    func compare(
        _ a: AnnualOfficerResult, _ b: AnnualOfficerResult, on figure: (AnnualOfficerResult) -> ExactDecimal?
    ) -> (order: Int, decidedBy: AnnualRules.TieBreaker?) {
        let first = descending(figure(a), figure(b))
        if first != 0 { return (first, nil) }
        for breaker in tieBreakers {
            let order = compare(a, b, by: breaker)
            if order != 0 { return (order, breaker) }
        }
        return (0, nil)
    }

    private func compare(_ a: AnnualOfficerResult, _ b: AnnualOfficerResult, by breaker: AnnualRules.TieBreaker) -> Int {
        switch breaker {
        case .latestQuarterTotal: descending(a.latestQuarterTotal, b.latestQuarterTotal)
        case .lowestQuarterTotal: descending(a.lowestQuarterTotal, b.lowestQuarterTotal)
        case .adoptedSuggestions: descending(ExactDecimal(a.adoptedSuggestions), ExactDecimal(b.adoptedSuggestions))
        case .rewardTotal: descending(a.quarterlyRewards, b.quarterlyRewards)
        case .officerID: ascendingID(a.officer.id, b.officer.id)
        }
    }

    /// Higher first; a missing value goes last.
    private func descending(_ a: ExactDecimal?, _ b: ExactDecimal?) -> Int {
        switch (a, b) {
        case let (a?, b?): a == b ? 0 : (a > b ? -1 : 1)
        case (nil, nil): 0
        case (nil, _): 1
        case (_, nil): -1
        }
    }

    /// Smaller id first; all-digit ids compare as numbers (`999` before `1000`).
    private func ascendingID(_ a: String, _ b: String) -> Int {
        if a == b { return 0 }
        let numeric = a.allSatisfy(\.isASCIIDigit) && b.allSatisfy(\.isASCIIDigit)
        if numeric, a.count != b.count { return a.count < b.count ? -1 : 1 }
        return a < b ? -1 : 1
    }

    /// An officer's value for a tie-breaker, for saying how a tie was settled.
    func value(of officer: AnnualOfficerResult, for breaker: AnnualRules.TieBreaker) -> String {
        switch breaker {
        case .latestQuarterTotal: officer.latestQuarterTotal.map { $0.formatted(scale: scorePlaces) } ?? "—"
        case .lowestQuarterTotal: officer.lowestQuarterTotal.map { $0.formatted(scale: scorePlaces) } ?? "—"
        case .adoptedSuggestions: "\(officer.adoptedSuggestions) 条"
        case .rewardTotal: officer.quarterlyRewards.formatted(scale: moneyPlaces)
        case .officerID: officer.officer.id
        }
    }

    /// Sorts `officers` (ties on everything keep their given order) and numbers them: officers
    /// tied on everything share a rank. Each officer tied on the figure with the one before it
    /// gets a note naming what separated them.
    func ranked(
        _ officers: [AnnualOfficerResult], on figure: (AnnualOfficerResult) -> ExactDecimal?, figureName: String
    ) -> [AnnualOfficerResult] {
        // Positions are sorted, not the results (each a dozen references to retain on every
        // move), and the figure is read once per officer.
        let figures = officers.map(figure)
        let order = officers.indices.sorted { lhs, rhs in
            let first = descending(figures[lhs], figures[rhs])
            if first != 0 { return first < 0 }
            for breaker in tieBreakers {
                let order = compare(officers[lhs], officers[rhs], by: breaker)
                if order != 0 { return order < 0 }
            }
            return lhs < rhs
        }
        var result: [AnnualOfficerResult] = []
        result.reserveCapacity(officers.count)
        var before: Int?
        for (index, position) in order.enumerated() {
            var officer = officers[position]
            officer.rank = index + 1
            if let before {
                let previous = officers[before]
                let previousRank = result[result.count - 1].rank
                if descending(figures[before], figures[position]) == 0 {
                    let (order, breaker) = compare(previous, officer, on: figure)
                    if order == 0 { officer.rank = previousRank }
                    let who = "第 \(previousRank ?? 0) 名 \(previous.officer.name)（\(previous.officer.id)）"
                    let shared = figures[position].map { $0.formatted(scale: scorePlaces) } ?? "—"
                    if let breaker {
                        officer.tieNote =
                            "与\(who)\(figureName)同为 \(shared)，按“\(breaker.title)”排在其后"
                            + "（\(value(of: officer, for: breaker)) 对 \(value(of: previous, for: breaker))）"
                    } else {
                        officer.tieNote = "与\(who)\(figureName)同为 \(shared)，各比较项也都相同，名次并列"
                    }
                }
            }
            before = position
            result.append(officer)
        }
        return result
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}

extension AnnualRules.TieBreaker {
    /// The words for a tie-breaker, as a policy officer reads them.
    public var title: String {
        switch self {
        case .latestQuarterTotal: "最近一个季度的总分"
        case .lowestQuarterTotal: "全年最低一个季度的总分"
        case .adoptedSuggestions: "全年被采纳的建议条数"
        case .rewardTotal: "全年所得季度奖励"
        case .officerID: "工号（小者在前）"
        }
    }
}
