import ScorecardBase
import ScorecardExpression

/// One officer's recorded evidence for a quarter, laid out in the policy's record slots.
public struct OfficerRecord: Sendable {
    public var officer: Officer
    /// Values by slot (`RecordLayout`); item-score, total and grade slots start `missing`.
    public var slots: [Value]
    /// Where the officer's row was read (file and line), for messages and explanations.
    public var location: SourceLocation
    /// Where each field's value was read, by field slot; nil when the value is a default.
    public var fieldLocations: [SourceLocation?]

    public init(officer: Officer, slots: [Value], location: SourceLocation, fieldLocations: [SourceLocation?]) {
        self.officer = officer
        self.slots = slots
        self.location = location
        self.fieldLocations = fieldLocations
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
