import ScorecardBase
import ScorecardExpression
import ScorecardYAML

/// Typed reading of scalars: the schema decides the type, never YAML's implicit typing.
public enum ScalarReading {
    public static func text(_ node: YAMLNode, _ what: @autoclosure () -> String, sink: inout DiagnosticSink) -> String? {
        guard let scalar = node.scalar else {
            sink.append(RulesMessages.expectedText(spaced(what()), found: node.kindDescription, at: node.location))
            return nil
        }
        let value = scalar.value.trimmingSpaces
        if value.isEmpty || scalar.isNull {
            sink.append(RulesMessages.emptyValue(spaced(what()), at: node.location))
            return nil
        }
        return value
    }

    /// Ids are used in expressions and CSV headers: a letter or `_` first, then letters, digits, `_`.
    public static func identifier(_ node: YAMLNode, _ what: @autoclosure () -> String, sink: inout DiagnosticSink) -> String? {
        guard let value = text(node, what(), sink: &sink) else { return nil }
        guard isIdentifier(value) else {
            let fullWidth = value.unicodeScalars.first { isFullWidthForm($0) }
            sink.append(RulesMessages.badID(what(), value, fullWidth: fullWidth, at: valueLocation(node)))
            return nil
        }
        if reservedWords.contains(value) {
            sink.append(RulesMessages.reservedID(what(), value, at: valueLocation(node)))
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
        // An ASCII letter is settled without the Unicode property tables (the same answer).
        func isStart(_ s: Unicode.Scalar) -> Bool {
            if s.isASCII { return s == "_" || (s.value | 0x20 >= 0x61 && s.value | 0x20 <= 0x7A) }
            return s.properties.isAlphabetic && !isFullWidthForm(s)
        }
        guard let first = text.unicodeScalars.first, isStart(first) else { return false }
        return text.unicodeScalars.allSatisfy { isStart($0) || ("0"..."9").contains($0) }
    }

    /// The full-width forms of ASCII (U+FF01–U+FF5E) that Chinese input methods type.
    static func isFullWidthForm(_ s: Unicode.Scalar) -> Bool { (0xFF01...0xFF5E).contains(s.value) }

    public static func decimal(_ node: YAMLNode, _ what: @autoclosure () -> String, sink: inout DiagnosticSink) -> ExactDecimal? {
        guard let value = text(node, what(), sink: &sink) else { return nil }
        guard let number = ExactDecimal(value) else {
            sink.append(RulesMessages.expectedNumber(spaced(what()), value, at: valueLocation(node)))
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
            sink.append(RulesMessages.expectedInteger(spaced(what()), value, at: valueLocation(node)))
            return nil
        }
        if let range, !range.contains(number) {
            sink.append(RulesMessages.outOfRange(spaced(what()), number, range: range, at: valueLocation(node)))
            return nil
        }
        return number
    }

    public static func date(_ node: YAMLNode, _ what: @autoclosure () -> String, sink: inout DiagnosticSink) -> LocalDate? {
        guard let value = text(node, what(), sink: &sink) else { return nil }
        guard let date = LocalDate(value) else {
            sink.append(RulesMessages.expectedDate(spaced(what()), value, at: valueLocation(node)))
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
        sink.append(RulesMessages.expectedBoolean(spaced(what()), value, at: valueLocation(node)))
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
        sink.append(RulesMessages.unknownWord(spaced(what()), value, words: words, at: valueLocation(node)))
        return nil
    }

    public static func textList(_ node: YAMLNode, _ what: @autoclosure () -> String, sink: inout DiagnosticSink) -> [String]? {
        guard let items = node.sequence else {
            sink.append(RulesMessages.expectedTextList(spaced(what()), found: node.kindDescription, at: node.location))
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
