import ScorecardBase
import ScorecardExpression
import ScorecardYAML

/// Typed reading of scalars: the schema decides the type, never YAML's implicit typing.
public enum ScalarReading {
    public static func text(_ node: YAMLNode, _ what: @autoclosure () -> String, sink: inout DiagnosticSink) -> String? {
        guard let scalar = node.scalar else {
            sink.error(
                RulesCode.expectedText, "\(spaced(what()))应当是一段文字，这里却是\(node.kindDescription)",
                hint: "把文字写在冒号后的同一行；文字里有冒号等符号时加引号", at: node.location)
            return nil
        }
        let value = scalar.value.trimmingSpaces
        if value.isEmpty || scalar.isNull {
            sink.error(RulesCode.emptyValue, "\(spaced(what()))不能为空", hint: "在冒号后写上内容", at: node.location)
            return nil
        }
        return value
    }

    /// Ids are used in expressions and CSV headers: a letter or `_` first, then letters, digits, `_`.
    public static func identifier(_ node: YAMLNode, _ what: @autoclosure () -> String, sink: inout DiagnosticSink) -> String? {
        guard let value = text(node, what(), sink: &sink) else { return nil }
        guard isIdentifier(value) else {
            let fullWidth = value.unicodeScalars.first { isFullWidthForm($0) }
            sink.error(
                RulesCode.badId, "\(what())“\(value)”不能用作编号",
                hint: fullWidth.map { "“\(Character($0))”是全角字符，请切换到英文输入法重新输入" }
                    ?? "编号只能由字母、数字和下划线组成，且不能以数字开头，如 reports_due、i07",
                at: valueLocation(node))
            return nil
        }
        if reservedWords.contains(value) {
            sink.error(RulesCode.reservedId, "\(what())“\(value)”是表达式的保留字，不能用作编号", hint: "换一个名字，如 \(value)_1", at: valueLocation(node))
            return nil
        }
        return value
    }

    static let reservedWords: Set<String> = [
        "and", "or", "not", "if", "then", "else", "true", "false", "score", "total", "grade",
    ]

    /// The expression language's own rule for names, so every id can be written in a formula:
    /// `_` or a letter of any script first (三 in 三违次数 is a letter, not a digit), then
    /// letters, `_` or ASCII digits. Full-width Latin (ｉ07 from a Chinese input method) is not a name.
    static func isIdentifier(_ text: String) -> Bool {
        func isStart(_ s: Unicode.Scalar) -> Bool { s == "_" || (s.properties.isAlphabetic && !isFullWidthForm(s)) }
        guard let first = text.unicodeScalars.first, isStart(first) else { return false }
        return text.unicodeScalars.allSatisfy { isStart($0) || ("0"..."9").contains($0) }
    }

    /// The full-width forms of ASCII (U+FF01–U+FF5E) that Chinese input methods type.
    static func isFullWidthForm(_ s: Unicode.Scalar) -> Bool { (0xFF01...0xFF5E).contains(s.value) }

    public static func decimal(_ node: YAMLNode, _ what: @autoclosure () -> String, sink: inout DiagnosticSink) -> ExactDecimal? {
        guard let value = text(node, what(), sink: &sink) else { return nil }
        guard let number = ExactDecimal(value) else {
            sink.error(
                RulesCode.expectedNumber, "\(spaced(what()))应当是一个数，这里写的是“\(value)”",
                hint: FieldValueParsing.fullWidthHint(value) ?? "写成 5、30 或 2.5 这样的数字，不要带单位、逗号或科学计数法",
                at: valueLocation(node))
            return nil
        }
        return number
    }

    public static func integer(
        _ node: YAMLNode, _ what: @autoclosure () -> String, range: ClosedRange<Int>? = nil, sink: inout DiagnosticSink
    ) -> Int? {
        guard let value = text(node, what(), sink: &sink) else { return nil }
        guard
            value.allSatisfy({ $0.isASCII && $0.isNumber })
                || (value.first == "-" && value.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) && value.count > 1),
            let number = Int(value)
        else {
            sink.error(
                RulesCode.expectedInteger, "\(spaced(what()))应当是一个整数，这里写的是“\(value)”",
                hint: FieldValueParsing.fullWidthHint(value) ?? "写成 0、1、4 这样的整数", at: valueLocation(node))
            return nil
        }
        if let range, !range.contains(number) {
            sink.error(
                RulesCode.outOfRange, "\(spaced(what()))应当在 \(range.lowerBound) 到 \(range.upperBound) 之间，这里是 \(number)",
                hint: "改为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数", at: valueLocation(node))
            return nil
        }
        return number
    }

    public static func date(_ node: YAMLNode, _ what: @autoclosure () -> String, sink: inout DiagnosticSink) -> LocalDate? {
        guard let value = text(node, what(), sink: &sink) else { return nil }
        guard let date = LocalDate(value) else {
            sink.error(
                RulesCode.expectedDate, "\(spaced(what()))应当是一个日期，这里写的是“\(value)”",
                hint: "按“年-月-日”写，如 2021-09-27（也可写 2021/9/27、2021.9.27 或 2021年9月27日）", at: valueLocation(node))
            return nil
        }
        return date
    }

    /// A yes/no setting: `true`/`false`, `yes`/`no` (any case) and `是`/`否`. The schema says the
    /// key is yes/no, so `no` here means no; YAML 1.1's `on`/`off`/`y`/`n` are refused rather
    /// than guessed, and a text key keeps `no` as the word.
    public static func boolean(_ node: YAMLNode, _ what: @autoclosure () -> String, sink: inout DiagnosticSink) -> Bool? {
        guard let value = text(node, what(), sink: &sink) else { return nil }
        if let answer = FieldValueParsing.yesOrNo(value, evidenceMarks: false) { return answer }
        sink.error(
            RulesCode.expectedBoolean, "\(spaced(what()))应当是 true 或 false，这里写的是“\(value)”",
            hint: "写 true（是）或 false（否）；也可写 yes/no 或 是/否", at: valueLocation(node))
        return nil
    }

    /// One of a fixed set of words, with a suggestion for near misses.
    public static func keyword<T: RawRepresentable & CaseIterable>(
        _ node: YAMLNode, _ what: @autoclosure () -> String, as type: T.Type, sink: inout DiagnosticSink
    ) -> T?
    where T.RawValue == String {
        guard let value = text(node, what(), sink: &sink) else { return nil }
        if let result = T(rawValue: value) { return result }
        let words = T.allCases.map(\.rawValue)
        let suggestion = NameSuggestion.closest(to: value, among: words)
        let place = valueLocation(node)
        sink.append(
            Diagnostic.error(
                RulesCode.unknownWord, "\(spaced(what()))不能是“\(value)”",
                hint: "可选：\(words.joined(separator: "、"))",
                at: place
            ).suggesting(suggestion, replacing: place, keepingHint: true))
        return nil
    }

    public static func textList(_ node: YAMLNode, _ what: @autoclosure () -> String, sink: inout DiagnosticSink) -> [String]? {
        guard let items = node.sequence else {
            sink.error(
                RulesCode.expectedList, "\(spaced(what()))应当是一个列表，这里却是\(node.kindDescription)", hint: "写成 [甲, 乙] 或逐行以“- ”开头",
                at: node.location)
            return nil
        }
        return items.compactMap { text($0, what(), sink: &sink) }
    }

    /// A clause reference such as `2.3.1` or `考核标准7`. Numbers like 2.4 are kept as written.
    public static func clause(_ reader: MappingReader, sink: inout DiagnosticSink) -> String? {
        reader.optional("clause").flatMap { text($0, "条款（clause）", sink: &sink) }
    }
}

extension String {
    var trimmingSpaces: String {
        // Nearly every value is already trimmed: an ASCII letter or digit, or a CJK character, at both ends.
        if let first = utf8.first, Self.isPlainEnd(first), endsPlain { return self }
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }

    /// The last character is an ASCII letter or digit, or a CJK character.
    private var endsPlain: Bool {
        let bytes = utf8
        guard let last = bytes.last else { return false }
        if last < 0x80 { return Self.isPlainEnd(last) }
        guard bytes.count >= 3 else { return false }
        let lead = bytes[bytes.index(bytes.endIndex, offsetBy: -3)]
        return (0xE4...0xE9).contains(lead)
    }

    /// A UTF-8 byte that is neither whitespace nor part of one: an ASCII letter or digit, or
    /// the lead byte of a CJK character (U+4E00–U+9FFF, never whitespace).
    private static func isPlainEnd(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0xE4...0xE9).contains(byte)
    }
}
