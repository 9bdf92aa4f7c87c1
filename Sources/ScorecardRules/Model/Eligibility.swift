import ScorecardBase
import ScorecardExpression

/// Who may become a liaison officer (clause 2.2.1): criteria over a candidate's record.
public struct Eligibility: Sendable {
    public enum Requirement: String, Sendable, Hashable, CaseIterable {
        case all, any
    }

    public var clause: String?
    public var requirement: Requirement
    public var candidateFields: [EvidenceField]
    public var criteria: [Criterion]
    public var location: SourceLocation
}

public struct Criterion: Sendable {
    public var id: String
    public var title: String
    public var clause: String?
    public var requirement: RuleExpression
    public var location: SourceLocation
}
