import ScorecardBase
import ScorecardRules

/// What changing the rules does to one quarter's real results: both versions evaluated on the
/// same records, compared officer by officer, grade by grade and fund by fund. Only officers
/// with a result under both versions are compared, so every delta is the rules' doing and
/// never a difference in who was counted.
public struct PolicyImpact: Sendable {
    public var quarter: Quarter
    public var old: PolicyMetadata
    public var new: PolicyMetadata
    /// Officers with a complete result under both versions.
    public var officersCompared: Int
    /// Officers whose total, grade or reward changed, largest change first (`OfficerChange.largestFirst`).
    public var changes: [OfficerChange]
    /// Compared officers whose total, grade and reward are all the same.
    public var unchangedCount: Int
    /// Each from → to pair that happened, in band order of `from`, then of `to`.
    public var gradeMovements: [GradeMovement]
    /// Officers per grade, best first (the new version's bands, then any only the old one has).
    public var gradeCounts: [GradeCountChange]
    /// In the order the new version declares its funds, then any only the old one has.
    public var funds: [FundChange]
    public var rewardTotal: DecimalChange
    public var notes: [ImpactNote]
    /// Places to print: the larger of the two versions', so neither side's figures are cut.
    public var scorePlaces: Int
    public var moneyPlaces: Int
    public var currency: String

    public func metadata(_ side: ImpactSide) -> PolicyMetadata { side == .old ? old : new }

    /// Officers who changed grade, by direction.
    public func gradeChanges(_ direction: GradeDirection) -> Int {
        gradeMovements.filter { $0.direction == direction }.reduce(0) { $0 + $1.count }
    }
}
