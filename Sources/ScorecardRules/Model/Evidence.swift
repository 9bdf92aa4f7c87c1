import ScorecardBase
import ScorecardExpression

/// What an officer's quarterly record holds, as declared by the rules.
public struct EvidenceSchema: Sendable {
    /// Declared fields (e.g. `reports_due`). Assessed items add one decimal field each, by item id.
    public var fields: [EvidenceField]
    /// Itemised records (e.g. the adopted suggestions of the quarter), one row each.
    public var lists: [EvidenceList]
    /// Cross-field checks on every record (e.g. on-time reports never exceed reports due).
    public var checks: [EvidenceCheck]

    public func field(withID id: String) -> EvidenceField? { fields.first { $0.id == id } }
    public func list(withID id: String) -> EvidenceList? { lists.first { $0.id == id } }
}

/// The kind of value a field holds; `choice` is text limited to declared words.
public enum FieldType: Sendable, Hashable {
    case integer
    case decimal
    case text
    case boolean
    case date
    case choice([String])

    public var expressionType: ValueType {
        switch self {
        case .integer: .integer
        case .decimal: .decimal
        case .text, .choice: .string
        case .boolean: .boolean
        case .date: .date
        }
    }

    /// The words a choice field can hold; nil for every other type.
    public var choices: [String]? {
        if case .choice(let words) = self { return words }
        return nil
    }

    /// The word rule files use for the type.
    public var keyword: String {
        switch self {
        case .integer: "integer"
        case .decimal: "decimal"
        case .text: "text"
        case .boolean: "boolean"
        case .date: "date"
        case .choice: "choice"
        }
    }
}

public struct EvidenceField: Sendable, Hashable {
    public var id: String
    /// The Chinese label; CSV headers may use it instead of the id.
    public var name: String?
    public var type: FieldType
    public var min: ExactDecimal?
    public var max: ExactDecimal?
    /// Used when a record leaves the field empty; without one an empty cell is an error.
    public var defaultValue: Value?
    public var description: String?
    public var clause: String?
    /// Dates only: the date must fall inside the quarter assessed.
    public var withinQuarter: Bool
    /// Set for the fields that assessed items add: the item's id.
    public var assessedItem: String?
    public var location: SourceLocation

    public init(
        id: String, name: String? = nil, type: FieldType, min: ExactDecimal? = nil, max: ExactDecimal? = nil,
        defaultValue: Value? = nil, description: String? = nil, clause: String? = nil,
        withinQuarter: Bool = false, assessedItem: String? = nil, location: SourceLocation
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.min = min
        self.max = max
        self.defaultValue = defaultValue
        self.description = description
        self.clause = clause
        self.withinQuarter = withinQuarter
        self.assessedItem = assessedItem
        self.location = location
    }

    /// What people call the field: its Chinese label when it has one.
    public var displayName: String { name ?? id }
}

public struct EvidenceList: Sendable, Hashable {
    public var id: String
    public var name: String?
    public var description: String?
    public var clause: String?
    public var fields: [EvidenceField]
    public var location: SourceLocation

    public var recordType: RecordType {
        RecordType(name: id, fields: fields.map { RecordType.Field($0.id, $0.type.expressionType, choices: $0.type.choices) })
    }
}

public struct EvidenceCheck: Sendable {
    public var id: String
    public var requirement: RuleExpression
    public var message: String
    public var clause: String?
    public var location: SourceLocation
}
