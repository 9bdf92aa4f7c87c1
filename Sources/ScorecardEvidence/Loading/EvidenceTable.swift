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

/// One row of evidence. Texts are read eagerly; places are worked out only when asked for (an
/// error, an explanation), since counting columns in every cell of a large file is real work.
public struct EvidenceRow: Sendable {
    public var texts: [String]
    /// Where the row starts.
    public var location: SourceLocation
    private var locator: Locator

    private enum Locator: Sendable {
        case fixed([SourceLocation])
        case csv(CSVRawRecord)
    }

    public init(cells: [EvidenceCell], location: SourceLocation) {
        self.texts = cells.map(\.text)
        self.location = location
        self.locator = .fixed(cells.map(\.location))
    }

    init(csv raw: CSVRawRecord) {
        self.texts = raw.indices.map { raw.string(at: $0) }
        self.location = SourceLocation(file: raw.file, line: raw.line, column: 1)
        self.locator = .csv(raw)
    }

    public var count: Int { texts.count }

    public func text(at index: Int) -> String? { texts.indices.contains(index) ? texts[index] : nil }

    /// The place of cell `index`; the row's start when there is no such cell.
    public func location(at index: Int) -> SourceLocation {
        guard texts.indices.contains(index) else { return location }
        switch locator {
        case .fixed(let locations): return index < locations.count ? locations[index] : location
        case .csv(let raw): return raw.location(at: index)
        }
    }

    public func cell(at index: Int) -> EvidenceCell? {
        text(at: index).map { EvidenceCell(text: $0, location: location(at: index)) }
    }
}
