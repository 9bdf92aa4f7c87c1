import ScorecardBase
import ScorecardEvidence
import ScorecardRules

/// Liaison officers in the order they are considered for vacant full-time political-work
/// posts (clause 2.3.2): only those still serving at the end of the year.
public struct VacancyList: Sendable {
    public struct Candidate: Sendable {
        /// 1-based place in the list.
        public var position: Int
        public var officer: AnnualOfficerResult
        /// Why the candidate stands where they do when it is not plain from the figure.
        public var note: String?
    }

    public var year: Int
    public var rules: VacancyRules
    /// The version whose `vacancy` rules were applied (the year-end version).
    public var version: String
    /// The last day of the year: only officers serving on it are in the pool.
    public var asOf: LocalDate
    public var candidates: [Candidate]
    /// Officers with a record in the year who had left by its end: not in the pool.
    public var left: [Officer]

    /// The figure the list is ordered on: the annual total, or the latest quarter's total.
    public func figure(of officer: AnnualOfficerResult) -> ExactDecimal? {
        rules.orderBy == .latestAnnualTotal ? officer.annualTotal : officer.latestQuarterTotal
    }

    /// Orders the year's officers per `rules.orderBy`; ties are settled by the annual
    /// tie-breakers. By annual total, officers without one (not ranked, e.g. a partial year)
    /// follow those with one, in order of their latest quarter's total.
    public init(annual: AnnualResult, rules: VacancyRules, policy: Policy) {
        self.year = annual.year
        self.rules = rules
        self.version = policy.metadata.version
        let asOf =
            LocalDate(year: annual.year, month: 12, day: 31) ?? annual.quarters.last.map(\.quarter.lastDay) ?? policy.metadata.effective
        self.asOf = asOf
        let serving = annual.officers.filter { officer in officer.officer.until.map { $0 >= asOf } ?? true }
        left = annual.officers.filter { officer in officer.officer.until.map { $0 < asOf } ?? false }.map(\.officer)
        let ranking = AnnualRanking(
            tieBreakers: annual.rules.tieBreakers, scorePlaces: policy.scoring.precision, moneyPlaces: policy.money.precision)
        // Ordering sets its own places and tie notes; the candidates keep their annual rank.
        var ordered: [(officer: AnnualOfficerResult, note: String?)]
        switch rules.orderBy {
        case .latestAnnualTotal:
            ordered = serving.filter { $0.annualTotal != nil }.sorted { ($0.rank ?? 0) < ($1.rank ?? 0) }.map { ($0, $0.tieNote) }
            let unranked = ranking.ranked(serving.filter { $0.annualTotal == nil }, on: \.latestQuarterTotal, figureName: "最近一个季度的总分")
            ordered += unranked.map { officer in
                let why = "无年度成绩（\(officer.exclusion ?? "未参加评选")），排在有年度成绩者之后，按最近一个季度的总分排序"
                return (officer, [why, officer.tieNote].compactMap { $0 }.joined(separator: "；"))
            }
        case .latestQuarterTotal:
            ordered = ranking.ranked(serving, on: \.latestQuarterTotal, figureName: "最近一个季度的总分").map { ($0, $0.tieNote) }
        }
        let annualStanding = Dictionary(annual.officers.map { ($0.officer.id, $0) }, uniquingKeysWith: { first, _ in first })
        candidates = ordered.enumerated().map { index, entry in
            Candidate(position: index + 1, officer: annualStanding[entry.officer.officer.id] ?? entry.officer, note: entry.note)
        }
    }
}
