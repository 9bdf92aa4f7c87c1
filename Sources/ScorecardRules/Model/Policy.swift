import ScorecardBase

/// The whole policy as loaded from a rule folder: what the evaluator runs and what `diff` compares.
///
/// Every element keeps the place it was written and the clause of the policy text it encodes,
/// so any number the engine produces can be traced back to a line of YAML and a clause.
public struct Policy: Sendable {
    public var metadata: PolicyMetadata
    public var scoring: ScoringSettings
    public var money: MoneySettings
    public var funds: [Fund]
    public var grades: GradeScale?
    public var evidence: EvidenceSchema
    public var items: [Item]
    public var rewards: [RewardRule]
    public var eligibility: Eligibility?
    public var roster: RosterRules?
    public var annual: AnnualRules?
    public var vacancy: VacancyRules?
    /// The slot layout of an officer's quarterly record, shared by every compiled expression.
    public var layout: RecordLayout
    /// The rule files the policy was read from, in the order they were read.
    public var files: [String]

    /// Items in an order where every item comes after the items whose scores it reads.
    public var evaluationOrder: [Int]

    public func item(withID id: String) -> Item? { items.first { $0.id == id } }
    public func fund(withID id: String) -> Fund? { funds.first { $0.id == id } }
}

public struct PolicyMetadata: Sendable, Hashable {
    public var id: String
    public var name: String
    public var version: String
    public var effective: LocalDate
    public var source: PolicySource?
    public var description: String?
    public var location: SourceLocation
}

public struct PolicySource: Sendable, Hashable {
    public var title: String
    public var published: LocalDate?
    public var publisher: String?
    public var location: SourceLocation
}

/// How item scores are kept: the declared total, decimal places and rounding.
public struct ScoringSettings: Sendable, Hashable {
    public var total: ExactDecimal
    public var precision: Int
    public var rounding: RoundingMode
    public var clause: String?
    public var location: SourceLocation
}

/// How money is kept: to the fen by default, with declared rounding.
public struct MoneySettings: Sendable, Hashable {
    public var currency: String
    public var precision: Int
    public var rounding: RoundingMode
    public var location: SourceLocation?

    public static func `default`() -> MoneySettings {
        MoneySettings(currency: "元", precision: 2, rounding: .halfUp, location: nil)
    }
}

/// A budget that rewards are paid from (e.g. 党建经费, clause 2.3.1).
public struct Fund: Sendable, Hashable {
    public var id: String
    public var name: String
    public var clause: String?
    public var location: SourceLocation
}
