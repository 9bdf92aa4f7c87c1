import ScorecardBase
import ScorecardExpression

/// One officer's recorded evidence for a quarter, laid out in the policy's record slots.
public struct OfficerRecord: Sendable {
    public var officer: Officer
    /// Values by slot (`RecordLayout`); item-score, total and grade slots start `missing`.
    public var slots: [Value]
    /// Where each value came from, worked out on demand.
    private var places: FieldPlaces
    /// Where the officer's row starts (file and line).
    public var location: SourceLocation

    public init(officer: Officer, slots: [Value], row: EvidenceRow, fieldColumns: [Int?]) {
        self.officer = officer
        self.slots = slots
        self.places = FieldPlaces(row: row, columns: fieldColumns)
        self.location = row.location
    }

    /// A record built in code (tests, other front ends), with no source to point into.
    public init(officer: Officer, slots: [Value], location: SourceLocation) {
        self.officer = officer
        self.slots = slots
        self.places = .none
        self.location = location
    }

    /// Where each evidence field was read, by field index (nil for a default). Works each one
    /// out, so prefer `fieldLocation(_:)` for a single field.
    public var fieldLocations: [SourceLocation?] { places.columns.indices.map(fieldLocation) }

    /// Where evidence field `index` was read; nil when it was left empty and took its default.
    public func fieldLocation(_ index: Int) -> SourceLocation? { places.location(index) }

    /// Whether the table the record was read from has no column at all for evidence field
    /// `index` (so every row took its default). False for records built in code.
    public func tableLacksColumn(_ index: Int) -> Bool {
        places.row != nil && index < places.columns.count && places.columns[index] == nil
    }
}

/// A quarter's evidence, ready to evaluate.
public struct QuarterEvidence: Sendable {
    public var quarter: Quarter
    public var records: [OfficerRecord]
    /// The evidence files read, in the order read.
    public var files: [String]

    public init(quarter: Quarter, records: [OfficerRecord], files: [String]) {
        self.quarter = quarter
        self.records = records
        self.files = files
    }
}
