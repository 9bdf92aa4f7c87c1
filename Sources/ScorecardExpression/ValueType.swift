/// The type of a value an expression reads or produces. Checked before any record is seen,
/// so a policy officer learns about `reports_due + "矿"` when the rules load, not mid-run.
public indirect enum ValueType: Hashable, Sendable, CustomStringConvertible {
    case integer, decimal, string, boolean, date
    case list(RecordType)

    /// Chinese names, as they appear in messages to policy officers.
    public var description: String {
        switch self {
        case .integer: "整数"
        case .decimal: "小数"
        case .string: "文本"
        case .boolean: "是/否"
        case .date: "日期"
        case .list(let record): "列表（\(record.name)）"
        }
    }

    /// Integer or decimal: integers widen to decimals wherever a number is expected.
    public var isNumber: Bool { self == .integer || self == .decimal }
}

/// The shape of one element of a list (e.g. one suggestion with `adopted` and `date`).
/// Element values are stored in `fields` order.
public struct RecordType: Hashable, Sendable {
    public var name: String
    public var fields: [Field]

    public struct Field: Hashable, Sendable {
        public var name: String
        public var type: ValueType
        /// For text limited to declared words: comparing it with any other word is a mistake.
        public var choices: [String]?

        public init(_ name: String, _ type: ValueType, choices: [String]? = nil) {
            self.name = name
            self.type = type
            self.choices = choices
        }
    }

    public init(name: String, fields: [Field]) {
        self.name = name
        self.fields = fields
    }
}
