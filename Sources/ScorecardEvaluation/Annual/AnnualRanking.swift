import ScorecardBase
import ScorecardRules

/// Orders officers on one figure (the annual total, or for vacancies perhaps the latest
/// quarter's), higher first, then on the declared tie-breakers in the order written.
struct AnnualRanking: Sendable {
    var tieBreakers: [AnnualRules.TieBreaker]
    var scorePlaces: Int
    var moneyPlaces: Int

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

    /// A tie-breaker's value for every officer, read once before sorting: the sort then
    /// compares numbers in arrays, never copying an officer's result.
    private enum BreakerKeys {
        case figures([ExactDecimal?])
        case counts([Int])
        case ids([String])

        /// The values of the first `count` officers.
        init(_ breaker: AnnualRules.TieBreaker, of officers: [AnnualOfficerResult], count: Int) {
            switch breaker {
            case .latestQuarterTotal: self = .figures((0..<count).map { officers[$0].latestQuarterTotal })
            case .lowestQuarterTotal: self = .figures((0..<count).map { officers[$0].lowestQuarterTotal })
            case .adoptedSuggestions: self = .counts((0..<count).map { officers[$0].adoptedSuggestions })
            case .rewardTotal: self = .figures((0..<count).map { officers[$0].quarterlyRewards })
            case .officerID: self = .ids((0..<count).map { officers[$0].officer.id })
            }
        }
    }

    /// Negative when the officer at `lhs` goes first on this tie-breaker, positive when the one
    /// at `rhs` does, zero when they are tied on it.
    private func compare(_ lhs: Int, _ rhs: Int, by keys: BreakerKeys) -> Int {
        switch keys {
        case .figures(let values): descending(values[lhs], values[rhs])
        case .counts(let values): values[lhs] == values[rhs] ? 0 : (values[lhs] > values[rhs] ? -1 : 1)
        case .ids(let values): ascendingID(values[lhs], values[rhs])
        }
    }

    /// Sorts `officers` (ties on everything keep their given order) and numbers them: officers
    /// tied on everything share a rank. Each officer tied on the figure with the one before it
    /// gets a note naming what separated them.
    func ranked(
        _ officers: [AnnualOfficerResult], on figure: (AnnualOfficerResult) -> ExactDecimal?, figureName: String
    ) -> [AnnualOfficerResult] {
        var ranked = officers
        _ = rank(&ranked, count: ranked.count, on: figure, figureName: figureName)
        return ranked
    }

    /// `ranked` done in place on the first `count` officers, the rest left as they are.
    /// Returns where each ranked officer stood before: `order[i]` is the old position of the
    /// officer now at `i`.
    func rank(
        _ officers: inout [AnnualOfficerResult], count: Int, on figure: (AnnualOfficerResult) -> ExactDecimal?, figureName: String
    ) -> [Int] {
        // Positions are sorted, not the results (each a dozen references to retain on every
        // move), on keys read once per officer; then the results are swapped into place.
        let figures = (0..<count).map { figure(officers[$0]) }
        let keys = tieBreakers.map { BreakerKeys($0, of: officers, count: count) }
        let order = (0..<count).sorted { lhs, rhs in
            let first = descending(figures[lhs], figures[rhs])
            if first != 0 { return first < 0 }
            for breaker in keys {
                let order = compare(lhs, rhs, by: breaker)
                if order != 0 { return order < 0 }
            }
            return lhs < rhs
        }
        officers.permute(by: order)
        // The figure shared by a run of ties, worded once for the run.
        var sharedText: (figure: ExactDecimal?, text: String)?
        for index in 0..<count {
            officers[index].rank = index + 1
            guard index > 0 else { continue }
            let position = order[index], before = order[index - 1]
            guard descending(figures[before], figures[position]) == 0 else { continue }
            var decidedBy: AnnualRules.TieBreaker?
            for (breaker, breakerKeys) in zip(tieBreakers, keys) where compare(before, position, by: breakerKeys) != 0 {
                decidedBy = breaker
                break
            }
            let previousRank = officers[index - 1].rank
            if decidedBy == nil { officers[index].rank = previousRank }
            if sharedText == nil || sharedText?.figure != figures[position] {
                sharedText = (figures[position], figures[position].map { $0.formatted(scale: scorePlaces) } ?? "—")
            }
            let previous = officers[index - 1].officer
            // 与第 N 名 姓名（工号）<figure>同为 <shared>，…: appended piece by piece, as nearly
            // every officer of a large year is tied with the one before.
            var note = "与第 "
            note.reserveCapacity(160)
            note += String(previousRank ?? 0)
            note += " 名 "
            note += previous.name
            note += "（"
            note += previous.id
            note += "）"
            note += figureName
            note += "同为 "
            note += sharedText?.text ?? "—"
            if let breaker = decidedBy {
                note += "，按“"
                note += breaker.title
                note += "”排在其后（"
                note += value(of: officers[index], for: breaker)
                note += " 对 "
                note += value(of: officers[index - 1], for: breaker)
                note += "）"
            } else {
                note += "，各比较项也都相同，名次并列"
            }
            officers[index].tieNote = note
        }
        return order
    }
}

extension Array {
    /// Reorders the first `order.count` elements so that the one at `i` is the one that was at
    /// `order[i]` (a permutation of `0..<order.count`), by swaps along its cycles: no element
    /// is copied.
    mutating func permute(by order: [Int]) {
        var done = [Bool](repeating: false, count: order.count)
        // Through the buffer: its swap moves the two elements' bytes, where the array's would
        // copy one out (retaining what it holds) and back.
        withUnsafeMutableBufferPointer { elements in
            for start in order.indices where !done[start] {
                var position = start
                while true {
                    done[position] = true
                    let source = order[position]
                    if source == start { break }
                    elements.swapAt(position, source)
                    position = source
                }
            }
        }
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
