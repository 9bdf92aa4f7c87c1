import ScorecardBase

/// The year-end assessment (clause 2.4): how quarters combine and who is named excellent.
public struct AnnualRules: Sendable, Hashable {
    public enum Aggregate: String, Sendable, Hashable, CaseIterable {
        case sum, average
    }

    /// What happens to an officer with fewer quarters than required.
    public enum PartialYear: String, Sendable, Hashable, CaseIterable {
        /// Left out of the ranking.
        case exclude
        /// The total is scaled up to a full year.
        case scale
        /// Ranked on what they have.
        case include
    }

    public enum TieBreaker: String, Sendable, Hashable, CaseIterable {
        case latestQuarterTotal = "latest_quarter_total"
        case adoptedSuggestions = "adopted_suggestions"
        case lowestQuarterTotal = "lowest_quarter_total"
        case rewardTotal = "reward_total"
        case officerID = "officer_id"
    }

    public var clause: String?
    public var aggregate: Aggregate
    public var quartersRequired: Int
    public var partialYear: PartialYear
    public var tieBreakers: [TieBreaker]
    public var excellent: ExcellentRule
    public var reward: AnnualReward?
    public var location: SourceLocation
}

/// Who is excellent: at most `count`, at most `share` of those ranked, at least `minTotal`;
/// every limit given applies.
public struct ExcellentRule: Sendable, Hashable {
    public var count: Int?
    public var share: ExactDecimal?
    public var minTotal: ExactDecimal?
    public var location: SourceLocation
}

public struct AnnualReward: Sendable, Hashable {
    public var title: String
    public var amount: ExactDecimal
    public var fund: String
    public var location: SourceLocation
}

/// Vacant full-time posts go first to liaison officers (clause 2.3.2), in this order.
public struct VacancyRules: Sendable, Hashable {
    public enum Order: String, Sendable, Hashable, CaseIterable {
        case latestAnnualTotal = "latest_annual_total"
        case latestQuarterTotal = "latest_quarter_total"
    }

    public var clause: String?
    public var orderBy: Order
    public var location: SourceLocation
}
