import ScorecardBase
import ScorecardExpression

/// Money paid to an officer for the quarter, charged to a fund (clause 2.3.1).
public struct RewardRule: Sendable {
    public var id: String
    public var title: String
    public var clause: String?
    public var fund: String
    /// Where the fund was named, for a reference to an undeclared fund.
    public var fundLocation: SourceLocation
    public var basis: RewardBasis
    /// Paid only when this holds (e.g. `total >= 60`).
    public var condition: RuleExpression?
    /// At most this much per officer per quarter.
    public var cap: ExactDecimal?
    public var location: SourceLocation
}

public enum RewardBasis: Sendable {
    /// A rate for each record of a list, chosen by the value of one of its fields
    /// (30 元 per suggestion adopted by the mine, 5 元 per one adopted by the district team).
    case perRecord(list: String, by: String, rates: [RewardRate])
    /// A fixed amount by the quarter's grade: the tiers of clause 2.3.1.
    case byGrade([RewardRate])
    /// Any money expression over the record.
    case formula(RuleExpression)
}

public struct RewardRate: Sendable, Hashable {
    /// The level (e.g. 矿) or grade (e.g. 优秀) the rate applies to.
    public var key: String
    public var amount: ExactDecimal
    public var location: SourceLocation
}
