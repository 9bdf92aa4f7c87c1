import ScorecardBase
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// How one item's score came about: enough to explain it line by line.
public struct ItemResult: Sendable {
    public enum Basis: Sendable, Hashable {
        /// The assessor's score as recorded.
        case assessed(ExactDecimal)
        /// The formula's exact value before rounding.
        case computed(ExactDecimal)
        /// Condition number `index` (from 0) held and set the score.
        case condition(index: Int, reason: String?)
    }

    public var itemID: String
    /// Rounded to the policy's precision; nil when the item could not be evaluated.
    public var score: ExactDecimal?
    public var basis: Basis?
}

/// One reward line for the quarter, charged to a fund.
public struct RewardResult: Sendable {
    public var rewardID: String
    public var fund: String
    /// Rounded to the money precision.
    public var amount: ExactDecimal
    /// Per-record rewards: how many records at each rate (e.g. 矿 × 2, 区队 × 3).
    public var breakdown: [(key: String, count: Int, rate: ExactDecimal)]
    /// Why nothing was paid, when a condition did not hold.
    public var withheld: Bool
    /// Whether the reward was cut to its cap.
    public var capped: Bool
}

/// One officer's quarter: item scores, total, grade and rewards, or the failures that stopped it.
public struct OfficerResult: Sendable {
    public var officer: Officer
    public var items: [ItemResult]
    public var total: ExactDecimal?
    public var grade: String?
    public var rewards: [RewardResult]
    public var rewardTotal: ExactDecimal?
    /// Record checks that failed (e.g. more on-time reports than reports due).
    public var findings: [Diagnostic]
    /// Evaluation failures (division by zero, a missing value): the officer's result is incomplete.
    /// Findings and failures are part of the result shown to the user, so kept as data.
    public var failures: [Diagnostic]
    public var recordLocation: SourceLocation

    public var isComplete: Bool { failures.isEmpty && total != nil }
}

/// A group's totals: per unit, per manager or per fund.
public struct GroupTotal: Sendable, Hashable {
    public var key: String
    public var officers: Int
    public var scoreSum: ExactDecimal
    public var reward: ExactDecimal

    public init(key: String, officers: Int, scoreSum: ExactDecimal, reward: ExactDecimal) {
        self.key = key
        self.officers = officers
        self.scoreSum = scoreSum
        self.reward = reward
    }

    /// The mean total at the scoring precision, for reading across units of different size; nil
    /// for a group without officers. Worked out at four more places than shown, which can go
    /// past what a decimal holds for a sum near its limit: that throws, for the caller to decide.
    public func averageScore(precision: Int, rounding: RoundingMode) throws(DecimalError) -> ExactDecimal? {
        guard officers > 0 else { return nil }
        return try scoreSum.dividing(by: ExactDecimal(officers), scale: precision + 4).rounded(scale: precision, rounding)
    }
}

/// A whole quarter's results, in the order of the record table, with their totals: the
/// collected form, for a quarter of a mine's size.
public struct QuarterResult: Sendable {
    public var quarter: Quarter
    public var policyName: String
    public var policyVersion: String
    public var officers: [OfficerResult]
    public var summary: QuarterSummary

    public init(quarter: Quarter, policy: Policy, officers: [OfficerResult], summary: QuarterSummary) {
        self.quarter = quarter
        self.policyName = policy.metadata.name
        self.policyVersion = policy.metadata.version
        self.officers = officers
        self.summary = summary
    }

    /// In the order units first appear.
    public var byUnit: [GroupTotal] { summary.byUnit }
    /// In the order managers first appear.
    public var byManager: [ManagerTotal] { summary.byManager }
    /// In the order funds are declared.
    public var byFund: [(fund: Fund, amount: ExactDecimal)] { summary.byFund }
    /// In band order, best first; officers without a grade are not counted.
    public var gradeCounts: [(grade: String, count: Int)] { summary.gradeCounts }
    public var rewardTotal: ExactDecimal { summary.rewardTotal }

    public var failures: [Diagnostic] { officers.flatMap(\.failures) }
    public var findings: [Diagnostic] { officers.flatMap(\.findings) }
}
