import ScorecardBase

/// A CSV file as evidence rows: the header first, then one row per record, streamed.
struct CSVRowSource: EvidenceRowSource, ~Copyable {
    private var reader: CSVReader
    let header: [EvidenceCell]
    private var dropped: [DroppedRow] = []

    /// Opens the file and reads its header; nil (with the problem recorded) when it cannot.
    static func open(_ path: String, limits: InputLimits = .default, problems: inout [Diagnostic]) -> CSVRowSource? {
        let reader: CSVReader
        do {
            reader = try CSVReader(path: path, limits: limits)
        } catch {
            problems.append(error.diagnostic)
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
            problems.append(error.diagnostic)
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
        switch reader.nextRaw() {
        case nil:
            problems.append(.error(
                "evidence.empty-file", "文件“\(path)”是空的，没有表头", hint: "第一行应当是表头，如 officer,i01,…",
                at: SourceLocation(file: path, line: 1, column: 1)))
            return nil
        case .failure(let error):
            problems.append(error.diagnostic)
            return nil
        case .success(let raw):
            let places = raw.locations()
            header = raw.indices.map { EvidenceCell(text: raw.string(at: $0), location: places[$0]) }
        }
        self.reader = reader
    }

    mutating func nextRow(problems: inout [Diagnostic]) -> EvidenceRow? {
        while let next = reader.nextRaw() {
            switch next {
            case .failure(let error):
                problems.append(error.diagnostic)
                if let partial = reader.failedRecord { dropped.append(DroppedRow(row: EvidenceRow(csv: partial), problem: error.diagnostic)) }
            case .success(let raw):
                if raw.count > header.count {
                    problems.append(.error(
                        "evidence.extra-cells", "这一行有 \(raw.count) 格，比表头多 \(raw.count - header.count) 格",
                        hint: "检查是否多了逗号；含逗号的内容要用英文双引号括起来", at: raw.location(at: header.count)))
                }
                return EvidenceRow(csv: raw)
            }
        }
        return nil
    }

    mutating func takeDroppedRows() -> [DroppedRow] {
        defer { dropped = [] }
        return dropped
    }
}
