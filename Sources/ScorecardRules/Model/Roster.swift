import ScorecardBase

/// How officers are chosen and managed (clauses 2.2.2 and 3).
public struct RosterRules: Sendable, Hashable {
    public var clause: String?
    /// What one responsibility area is (the policy: a shift, 班次).
    public var area: String
    public var officersPerArea: Int
    public var selection: [SelectionMethod]
    public var training: TrainingRule?
    public var reporting: ReportingRule?
    public var location: SourceLocation
}

public struct SelectionMethod: Sendable, Hashable {
    public var method: String
    public var clause: String?
    public var requiresReason: Bool
    public var location: SourceLocation
}

public struct TrainingRule: Sendable, Hashable {
    public var required: Bool
    public var clause: String?
    public var location: SourceLocation
}

public struct ReportingRule: Sendable, Hashable {
    public var clause: String?
    public var managers: [String]
    public var location: SourceLocation
}
