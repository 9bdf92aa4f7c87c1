/// How much of any one input is read before it is refused: a hostile or broken file (a
/// `/dev/zero` saved as a rule file, an unclosed quote early in a large CSV file, a 50 MB cell)
/// must end in a located error, not in memory or output without end. The defaults are far above
/// anything a mine writes; each can be raised with an environment variable (docs/limits.md),
/// which the command line reads and hands down as this value.
public struct InputLimits: Sendable, Hashable {
    /// One YAML file: a rule file, or an evidence.yaml.
    public var yamlFileBytes: Int
    /// One CSV cell, as UTF-8 (quotes included).
    public var fieldBytes: Int
    /// One CSV record (a row, with any line breaks inside quoted cells), as UTF-8.
    public var recordBytes: Int
    /// Cells in one row, of a CSV file or a workbook's sheet.
    public var cellsPerRow: Int
    /// One .xlsx workbook, and each part of it once decompressed.
    public var workbookBytes: Int

    public init(
        yamlFileBytes: Int = 16 << 20, fieldBytes: Int = 128 << 10, recordBytes: Int = 1 << 20,
        cellsPerRow: Int = 16_384, workbookBytes: Int = 256 << 20
    ) {
        self.yamlFileBytes = yamlFileBytes
        self.fieldBytes = fieldBytes
        self.recordBytes = recordBytes
        self.cellsPerRow = cellsPerRow
        self.workbookBytes = workbookBytes
    }

    public static let `default` = InputLimits()

    /// One limit: its environment variable, what it bounds in a policy officer's words, and
    /// whether it counts bytes (else cells).
    public struct Setting: Sendable {
        public var variable: String
        public var subject: String
        public var countsBytes: Bool
        public var keyPath: WritableKeyPath<InputLimits, Int> & Sendable
    }

    public static let yamlFile = Setting(
        variable: "SCORECARD_MAX_YAML_BYTES", subject: "一个 YAML 文件（规则文件或 evidence.yaml）的大小", countsBytes: true, keyPath: \.yamlFileBytes)
    public static let field = Setting(variable: "SCORECARD_MAX_FIELD_BYTES", subject: "一格的长度", countsBytes: true, keyPath: \.fieldBytes)
    public static let record = Setting(variable: "SCORECARD_MAX_RECORD_BYTES", subject: "一行的长度", countsBytes: true, keyPath: \.recordBytes)
    public static let cells = Setting(variable: "SCORECARD_MAX_CELLS", subject: "一行的格数", countsBytes: false, keyPath: \.cellsPerRow)
    public static let workbook = Setting(
        variable: "SCORECARD_MAX_WORKBOOK_BYTES", subject: "一个 .xlsx 工作簿（及其中每一部分解压后）的大小", countsBytes: true, keyPath: \.workbookBytes)

    public static let settings = [yamlFile, field, record, cells, workbook]

    /// The limits with each setting found by `lookup` (an environment variable's value, or
    /// nil) applied; a value that is not a positive whole number (`64M`, `1048576`) is an error
    /// naming the variable.
    public static func from(environment lookup: (String) -> String?) throws(Diagnostic) -> InputLimits {
        var limits = InputLimits.default
        for setting in settings {
            guard let text = lookup(setting.variable) else { continue }
            guard let value = parseSize(text, bytes: setting.countsBytes) else {
                throw InputMessages.badLimit(setting.variable, value: text, countsBytes: setting.countsBytes)
            }
            limits[keyPath: setting.keyPath] = value
        }
        return limits
    }

    /// `1048576`, and for sizes also `1024K`, `64M`, `2G` (binary multiples, either case).
    static func parseSize(_ text: String, bytes: Bool) -> Int? {
        var digits = Substring(text)
        var multiplier = 1
        if bytes, let last = digits.last {
            switch last {
            case "K", "k": multiplier = 1 << 10
            case "M", "m": multiplier = 1 << 20
            case "G", "g": multiplier = 1 << 30
            default: break
            }
            if multiplier > 1 { digits = digits.dropLast() }
        }
        guard !digits.isEmpty, digits.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let number = Int(digits), number > 0 else {
            return nil
        }
        let (product, overflow) = number.multipliedReportingOverflow(by: multiplier)
        return overflow ? nil : product
    }

    /// A limit as it is written in the variable: `128K`, `16384`.
    public static func short(_ value: Int, bytes: Bool) -> String {
        guard bytes else { return String(value) }
        for (suffix, shift) in [("G", 30), ("M", 20), ("K", 10)] where value >= 1 << shift && value % (1 << shift) == 0 {
            return "\(value >> shift)\(suffix)"
        }
        return String(value)
    }

    /// A limit for messages: `131072 字节（128K）`, `16384 格`.
    public static func describe(_ value: Int, bytes: Bool) -> String {
        guard bytes else { return "\(value) 格" }
        for (suffix, shift) in [("G", 30), ("M", 20), ("K", 10)] where value >= 1 << shift && value % (1 << shift) == 0 {
            return "\(value) 字节（\(value >> shift)\(suffix)）"
        }
        return "\(value) 字节"
    }

    /// What a refusal's hint says: which variable raises the limit, and its current value.
    public static func raiseHint(_ setting: Setting, current: Int) -> String {
        let example = setting.countsBytes ? suggestedSize(above: current) : String(current * 10)
        return "如确实需要，可在运行前设置环境变量 \(setting.variable) 提高上限（现为 \(short(current, bytes: setting.countsBytes))），"
            + "如 \(setting.variable)=\(example) scorecard check；见 docs/limits.md"
    }

    private static func suggestedSize(above value: Int) -> String {
        let larger = value.multipliedReportingOverflow(by: 8)
        let target = larger.overflow ? value : larger.partialValue
        for (suffix, shift) in [("G", 30), ("M", 20), ("K", 10)] where target >= 1 << shift {
            return "\((target + (1 << shift) - 1) >> shift)\(suffix)"
        }
        return String(target)
    }
}

extension InputLimits {
    /// The refusal of a file larger than `limit` bytes (worded in `InputMessages`), located where
    /// the limit is passed (`prefix` holds at least the bytes before it).
    public static func fileTooLarge(_ file: String, prefix: some Collection<UInt8>, limit: Int, setting: Setting, what: String)
        -> Diagnostic
    {
        InputMessages.fileTooLarge(file, prefix: prefix, limit: limit, setting: setting, what: what)
    }

    /// Line and column (in Unicode scalars) of byte `offset` of UTF-8 text, lines ending at LF,
    /// CR or CRLF.
    public static func location(ofByte offset: Int, in bytes: some Collection<UInt8>, file: String) -> SourceLocation {
        var line = 1, column = 1
        var previous: UInt8 = 0
        for byte in bytes.prefix(offset) {
            if byte == 0x0A {
                if previous != 0x0D { line += 1 }
                column = 1
            } else if byte == 0x0D {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            previous = byte
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
