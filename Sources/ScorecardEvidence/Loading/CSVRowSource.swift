import ScorecardBase

/// A CSV file as evidence rows: the header first, then one row per record, streamed.
struct CSVRowSource: EvidenceRowSource, ~Copyable {
    private var reader: CSVReader
    let header: [EvidenceCell]
    /// Rows with nothing in any cell (`,,,,`, which Excel leaves below a table): skipped, and
    /// said once at the end of the file.
    private var blankRows = 0
    private var firstBlankRow: SourceLocation?
    private var dropped: [DroppedRow] = []

    /// Opens the file and reads its header; nil (with the problem recorded) when it cannot.
    static func open(_ path: String, limits: InputLimits = .default, problems: inout DiagnosticSink) -> CSVRowSource? {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, limits: limits)
        } catch {
            problems.append(error)
            return nil
        }
        return CSVRowSource(reader: reader, path: path, problems: &problems)
    }

    /// One part of a file whose header was read already: records from `part.range`, numbered
    /// from `part.line`.
    static func part(
        _ path: String, header: [EvidenceCell], part: CSVSplit.Part, limits: InputLimits = .default, problems: inout DiagnosticSink
    ) -> CSVRowSource? {
        do {
            let reader = try CSVReader(path: path, displayName: path, range: part.range, line: part.line, limits: limits)
            return CSVRowSource(reader: reader, header: header)
        } catch {
            problems.append(error)
            return nil
        }
    }

    private init(reader: consuming CSVReader, header: [EvidenceCell]) {
        self.reader = reader
        self.header = header
    }

    /// The first record is the header; when it cannot be read the file is not read on, since
    /// taking the first row of values for the header would only add problems that are not there.
    private init?(reader: consuming CSVReader, path: String, problems: inout DiagnosticSink) {
        let first: CSVRawRecord?
        do {
            first = try reader.nextRaw()
        } catch {
            problems.append(error)
            return nil
        }
        guard let raw = first else {
            problems.append(EvidenceMessages.emptyCSV(path))
            return nil
        }
        let places = raw.locations()
        header = raw.indices.map { EvidenceCell(text: raw.string(at: $0), location: places[$0]) }
        self.reader = reader
    }

    var decodedOffsetShift: Int? { reader.encoding == .utf8 ? (reader.hadBOM ? 3 : 0) : nil }

    mutating func nextRow(problems: inout DiagnosticSink) -> EvidenceRow? {
        while true {
            let next: CSVRawRecord?
            do {
                next = try reader.nextRaw()
            } catch {
                problems.append(error)
                if let partial = reader.failedRecord { dropped.append(DroppedRow(row: EvidenceRow(csv: partial), problem: error)) }
                continue
            }
            guard let raw = next else { break }
            if Self.isBlank(raw) {
                blankRows += 1
                if firstBlankRow == nil { firstBlankRow = SourceLocation(file: raw.file, line: raw.line, column: 1) }
                continue
            }
            if raw.count > header.count {
                problems.append(EvidenceMessages.extraCSVCells(raw.count, header: header.count, at: raw.location(at: header.count)))
            }
            return EvidenceRow(csv: raw)
        }
        if let firstBlankRow {
            problems.append(EvidenceMessages.blankRows(blankRows, first: firstBlankRow))
            self.firstBlankRow = nil
        }
        return nil
    }

    /// Whether every cell of the row is empty or spaces; decided from the first cell for nearly
    /// every row, which has something in it.
    private static func isBlank(_ raw: CSVRawRecord) -> Bool {
        for index in raw.indices {
            let empty = raw.withUTF8(at: index) { bytes in bytes.allSatisfy { $0 == 0x20 || $0 == 0x09 } }
            if !empty { return false }
        }
        return true
    }

    mutating func takeDroppedRows() -> [DroppedRow] {
        defer { dropped = [] }
        return dropped
    }
}
