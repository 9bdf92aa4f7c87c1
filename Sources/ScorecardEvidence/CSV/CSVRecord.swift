import ScorecardBase

/// One CSV record with its fields as strings: the convenient form, built from `CSVRawRecord`.
public struct CSVRecord: Sendable, Hashable {
    public var fields: [CSVField]
    /// Physical line where the record starts (a quoted field may carry it over several lines).
    public var line: Int
    /// 1-based index among the file's records; the header row is record 1.
    public var number: Int
    public var file: String

    public init(fields: [CSVField], line: Int, number: Int, file: String) {
        self.fields = fields
        self.line = line
        self.number = number
        self.file = file
    }

    public var count: Int { fields.count }
    public var texts: [String] { fields.map(\.text) }

    /// Nil when the record is shorter than `index + 1` fields, which rows often are.
    public subscript(_ index: Int) -> CSVField? {
        fields.indices.contains(index) ? fields[index] : nil
    }

    /// Where the record starts, for problems about the whole row.
    public var location: SourceLocation { SourceLocation(file: file, line: line, column: 1) }
}
