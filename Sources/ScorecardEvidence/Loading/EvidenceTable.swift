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
    mutating func nextRow(problems: inout DiagnosticSink) -> EvidenceRow?
    /// For a UTF-8 file, how far a row's decoded offset is from its file offset (a byte order
    /// mark's length), so that a row can be read again where it was; nil otherwise.
    var decodedOffsetShift: Int? { get }
    /// The rows `nextRow` passed over because they could not be read (a bad byte, a control
    /// character, a limit passed), as far as they were read, each with the problem reported for
    /// it: whose row it was can often still be told. Each is handed out once.
    mutating func takeDroppedRows() -> [DroppedRow]
}

extension EvidenceRowSource where Self: ~Copyable {
    public var decodedOffsetShift: Int? { nil }
    public mutating func takeDroppedRows() -> [DroppedRow] { [] }
}

/// A row left out because it could not be read, and the problem reported for it.
public struct DroppedRow: Sendable {
    public var row: EvidenceRow
    public var problem: Diagnostic
}

/// One row of evidence. A CSV row keeps its bytes and makes a `String` for a cell only when
/// asked (most numeric cells never need one); places are worked out only when asked for (an
/// error, an explanation), since counting columns in every cell of a large file is real work.
public struct EvidenceRow: Sendable {
    /// Where the row starts.
    public var location: SourceLocation
    private var storage: Storage

    private enum Storage: Sendable {
        case fixed(texts: [String], locations: [SourceLocation])
        case csv(CSVRawRecord)
    }

    public init(cells: [EvidenceCell], location: SourceLocation) {
        self.location = location
        self.storage = .fixed(texts: cells.map(\.text), locations: cells.map(\.location))
    }

    init(csv raw: CSVRawRecord) {
        self.location = SourceLocation(file: raw.file, line: raw.line, column: 1)
        self.storage = .csv(raw)
    }

    /// Every cell's text, in order.
    public var texts: [String] {
        switch storage {
        case .fixed(let texts, _): texts
        case .csv(let raw): raw.indices.map { raw.string(at: $0) }
        }
    }

    public var count: Int {
        switch storage {
        case .fixed(let texts, _): texts.count
        case .csv(let raw): raw.count
        }
    }

    public func text(at index: Int) -> String? {
        switch storage {
        case .fixed(let texts, _): texts.indices.contains(index) ? texts[index] : nil
        case .csv(let raw): raw.indices.contains(index) ? raw.string(at: index) : nil
        }
    }

    /// Where the row starts in its decoded file, for a CSV row (see `CSVRawRecord.offset`).
    var decodedOffset: Int? { csvRecord?.offset }

    /// The CSV record behind the row, for reading a cell's bytes without making a `String`.
    var csvRecord: CSVRawRecord? {
        if case .csv(let raw) = storage { return raw }
        return nil
    }

    /// The place of cell `index`; the row's start when there is no such cell.
    public func location(at index: Int) -> SourceLocation {
        switch storage {
        case .fixed(let texts, let locations):
            guard texts.indices.contains(index) else { return location }
            return index < locations.count ? locations[index] : location
        case .csv(let raw):
            guard raw.indices.contains(index) else { return location }
            return raw.location(at: index)
        }
    }

    public func cell(at index: Int) -> EvidenceCell? {
        text(at: index).map { EvidenceCell(text: $0, location: location(at: index)) }
    }

    /// The problem of the first control character in a cell held as text (a workbook's, a YAML
    /// file's), which is refused as in a CSV file (where the reader finds it); nil when none.
    func controlCharacterProblem() -> Diagnostic? {
        guard case .fixed(let texts, _) = storage else { return nil }
        for (index, text) in texts.enumerated() {
            guard let scalar = text.unicodeScalars.first(where: CSVMessages.isControl) else { continue }
            var place = location(at: index)
            if place.sheet == nil, let offset = text.unicodeScalars.firstIndex(of: scalar) {
                // In a YAML file the cell is a scalar; point into it when it is written plainly.
                place.column += text.unicodeScalars.distance(from: text.unicodeScalars.startIndex, to: offset)
                place.length = 1
            }
            return CSVMessages.controlCharacter(scalar.value, at: place)
        }
        return nil
    }
}

/// Rows held as text, with those holding a control character refused (reported, and handed
/// out as dropped rows) as the CSV reader refuses them.
struct ControlCharacterFilter {
    private(set) var dropped: [DroppedRow] = []

    /// Whether the row may be read; if not, its problem is added.
    mutating func admits(_ row: EvidenceRow, problems: inout DiagnosticSink) -> Bool {
        guard let problem = row.controlCharacterProblem() else { return true }
        problems.append(problem)
        dropped.append(DroppedRow(row: row, problem: problem))
        return false
    }

    mutating func take() -> [DroppedRow] {
        defer { dropped = [] }
        return dropped
    }
}
