import ScorecardBase

/// One cell of recorded evidence with the place it was read, whatever the file format.
public struct EvidenceCell: Sendable {
    public var text: String
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// A header and rows, as read from a CSV file or built from a YAML evidence file, so that
/// binding to the policy's fields is written once for every format.
public protocol EvidenceRowSource: ~Copyable {
    /// Column titles with their places.
    var header: [EvidenceCell] { get }
    /// The next row, or nil at the end. Problems in the file's syntax are added to `problems`
    /// and the reader moves on to the next row when it can.
    mutating func nextRow(problems: inout [Diagnostic]) -> EvidenceRow?
}

public struct EvidenceRow: Sendable {
    public var cells: [EvidenceCell]
    /// Where the row starts.
    public var location: SourceLocation

    public init(cells: [EvidenceCell], location: SourceLocation) {
        self.cells = cells
        self.location = location
    }
}
