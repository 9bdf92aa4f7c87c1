import ScorecardBase
import ScorecardEvidence

/// One officer whose total, grade or reward differs between the two versions.
public struct OfficerChange: Sendable {
    public var officer: Officer
    public var total: DecimalChange
    public var grade: GradeChange
    public var reward: DecimalChange

    /// Largest change first: the size of the money change (what the fund pays and what an
    /// officer notices first), then of the total (which drives the grade and the year's
    /// ranking), then the bands moved (a grade that changed with the same total: the bands
    /// moved), then the officer id, so equal changes always come out in the same order.
    /// Signs do not count: a cut of 30 元 matters as much as a rise of 30 元.
    public static func largestFirst(_ a: OfficerChange, _ b: OfficerChange) -> Bool {
        if a.reward.size != b.reward.size { return a.reward.size > b.reward.size }
        if a.total.size != b.total.size { return a.total.size > b.total.size }
        let aSteps = a.grade.steps ?? (a.grade.changed ? 1 : 0)
        let bSteps = b.grade.steps ?? (b.grade.changed ? 1 : 0)
        if aSteps != bSteps { return aSteps > bSteps }
        return a.officer.id < b.officer.id
    }
}
