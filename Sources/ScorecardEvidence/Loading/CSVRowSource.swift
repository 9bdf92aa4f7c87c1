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
    static func open(_ path: String, limits: InputLimits = .default, problems: inout [Diagnostic]) -> CSVRowSource? {
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
        _ path: String, header: [EvidenceCell], part: CSVSplit.Part, limits: InputLimits = .default, problems: inout [Diagnostic]
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
    private init?(reader: consuming CSVReader, path: String, problems: inout [Diagnostic]) {
        let first: CSVRawRecord?
        do {
            first = try reader.nextRaw()
        } catch {
            problems.append(error)
            return nil
        }
        guard let raw = first else {
            problems.append(
                .error(
                    EvidenceCode.emptyFile, "文件“\(path)”是空的，没有表头", hint: "第一行应当是表头，如 officer,i01,…",
                    at: SourceLocation(file: path, line: 1, column: 1)))
            return nil
        }
        let places = raw.locations()
        header = raw.indices.map { EvidenceCell(text: raw.string(at: $0), location: places[$0]) }
        self.reader = reader
    }

    var decodedOffsetShift: Int? { reader.encoding == .utf8 ? (reader.hadBOM ? 3 : 0) : nil }

    mutating func nextRow(problems: inout [Diagnostic]) -> EvidenceRow? {
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
                problems.append(
                    .error(
                        EvidenceCode.extraCells, "这一行有 \(raw.count) 格，比表头多 \(raw.count - header.count) 格",
                        hint: "检查是否多了逗号；含逗号的内容要用英文双引号括起来", at: raw.location(at: header.count)))
            }
            return EvidenceRow(csv: raw)
        }
        if let firstBlankRow {
            problems.append(
                .warning(
                    EvidenceCode.blankRows,
                    blankRows == 1 ? "跳过了 1 行空行（每格都是空的）" : "跳过了 \(blankRows) 行空行（每格都是空的），第一行在这里",
                    hint: "Excel 保存时常在表格下方留下只有逗号的行；可以不管，或在 Excel 中选中这些行删除后重新保存",
                    at: firstBlankRow))
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
