import ScorecardBase
import ScorecardEvidence
import ScorecardRules

/// One officer's year: every quarter they were assessed in, how those combine, where they
/// stand and why, and what they were paid.
public struct AnnualOfficerResult: Sendable {
    /// A quarter the officer has a record in, with the version of the rules it was scored under.
    public struct QuarterLine: Sendable, Hashable {
        public var quarter: Quarter
        public var version: String
        /// nil when the quarter's result could not be computed.
        public var total: ExactDecimal?
        public var rewardTotal: ExactDecimal?
    }

    /// As recorded in the year's latest quarter (unit, shift, manager, dates in office).
    public var officer: Officer
    public var quarters: [QuarterLine]
    /// Sum of the quarter totals; nil when a quarter could not be computed.
    public var quarterSum: ExactDecimal?
    /// The figure ranked on (`aggregate`, scaled when the rules say so); nil when not ranked.
    public var annualTotal: ExactDecimal?
    /// How a partial year was scaled, e.g. `176.40 × 4 ÷ 2 = 352.80`; nil when not scaled.
    public var scaling: String?
    /// 1-based; officers tied on every tie-breaker share a rank. nil when not ranked.
    public var rank: Int?
    /// Why the officer is not ranked (e.g. 不满四个季度); nil when ranked.
    public var exclusion: String?
    /// How a tie on the annual total was settled, naming the tie-breaker.
    public var tieNote: String?
    public var excellent: Bool
    /// Why the officer is, or is not, excellent: the limit that cut, or the limits met.
    public var excellentReason: String?
    public var yearEndReward: ExactDecimal
    /// Sum of the quarterly rewards actually paid this year.
    public var quarterlyRewards: ExactDecimal
    public var adoptedSuggestions: Int

    /// nil when the sum goes past what a decimal holds (reported: `AnnualResult.failures`).
    public var rewardTotal: ExactDecimal? { checkedSum(quarterlyRewards, yearEndReward) }
    /// The total of the officer's latest quarter in the year.
    public var latestQuarterTotal: ExactDecimal? { quarters.last?.total }
    public var lowestQuarterTotal: ExactDecimal? {
        let totals = quarters.compactMap(\.total)
        return totals.count == quarters.count ? totals.min() : nil
    }
}

/// Totals for a unit or a manager over the year.
public struct AnnualGroupTotal: Sendable, Hashable {
    /// The manager's role (科区书记, 班组长…); nil for a unit.
    public var role: String?
    public var key: String
    /// Officers with a record in the year.
    public var officers: Int
    /// The ranked officers: their count and the sum of their annual totals.
    public var ranked: GroupTotal
    public var excellent: Int
    public var quarterlyRewards: ExactDecimal
    public var yearEndRewards: ExactDecimal

    /// nil when the sum goes past what a decimal holds (reported: `AnnualResult.failures`).
    public var rewards: ExactDecimal? { checkedSum(quarterlyRewards, yearEndRewards) }
}

/// Money charged to one fund over the year.
public struct AnnualFundTotal: Sendable, Hashable {
    public var id: String
    public var name: String
    public var clause: String?
    public var quarterly: ExactDecimal
    public var yearEnd: ExactDecimal

    /// nil when the sum goes past what a decimal holds (reported: `AnnualResult.failures`).
    public var total: ExactDecimal? { checkedSum(quarterly, yearEnd) }
}

/// The year-end assessment (clause 2.4): the ranking, the excellent officers, the year-end
/// reward, and the year's totals per unit, per manager and per fund.
public struct AnnualResult: Sendable {
    public var year: Int
    /// Each quarter of the year with evidence and the version of the rules it was scored under.
    public var quarters: [(quarter: Quarter, version: String)]
    /// The version whose `annual` rules were applied: the one the year's last quarter used.
    public var annualVersion: String
    public var rules: AnnualRules
    /// Ranked officers in rank order, then the others in roster order.
    public var officers: [AnnualOfficerResult]
    public var rankedCount: Int
    /// How many may be excellent at most, with the words saying why; nil when only
    /// `min_total` limits it.
    public var excellentLimit: (count: Int, why: String)?
    public var byUnit: [AnnualGroupTotal]
    public var byManager: [AnnualGroupTotal]
    public var byFund: [AnnualFundTotal]
    /// Said once for the whole year (a missing quarter, a tie at the cut).
    public var notes: [String]
    /// Sums past what an exact decimal holds (`eval.overflow`): a year with any is not published.
    /// Part of the year's outcome shown to the user, so kept here as data rather than in a sink.
    public var failures: [Diagnostic] = []

    public var excellentOfficers: [AnnualOfficerResult] { officers.filter(\.excellent) }
    /// The year's sums over the funds; nil when one goes past what a decimal holds (reported in `failures`).
    public var quarterlyRewardTotal: ExactDecimal? { checkedSum(byFund.map(\.quarterly)) }
    public var yearEndRewardTotal: ExactDecimal? { checkedSum(byFund.map(\.yearEnd)) }
    public var rewardTotal: ExactDecimal? { checkedSum(byFund.map(\.total)) }
    /// Officers whose result for some quarter could not be computed.
    public var incompleteOfficers: [AnnualOfficerResult] { officers.filter { $0.quarterSum == nil } }
}

/// A sum the result shows but does not keep; nil when it goes past what a decimal holds. The
/// annual evaluator works each out once (`checkTotals`) and reports an overflow
/// (`eval.overflow`, the year not published), so a nil here has always been said.
func checkedSum(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal? {
    do { return try a.adding(b) } catch { return nil }
}

/// `values` added up; nil when one is nil or the sum goes past what a decimal holds.
func checkedSum(_ values: [ExactDecimal?]) -> ExactDecimal? {
    var sum = ExactDecimal.zero
    for value in values {
        guard let value, let added = checkedSum(sum, value) else { return nil }
        sum = added
    }
    return sum
}
