/// Values echoed in messages, shortened when long: a 50 MB cell must come back as one short
/// line, not as 50 MB of messages.
public enum MessageText {
    /// Values of more scalars than this are shortened.
    public static let longValue = 64
    /// How many scalars of a shortened value are kept.
    public static let keptScalars = 32

    /// `“值”`, or for a long value `“开头…”（共 52428800 个字符）`; control characters are
    /// shown as `\u0000`, never raw.
    public static func quoted(_ text: some StringProtocol) -> String {
        guard let (start, count) = cut(text) else { return "“\(visible(text))”" }
        return "“\(visible(start))…”（共 \(count) 个字符）"
    }

    /// The value as it is, or for a long value `开头…（共 52428800 个字符）`; control characters
    /// shown as `\u0000`.
    public static func shortened(_ text: some StringProtocol) -> String {
        guard let (start, count) = cut(text) else { return visible(text) }
        return "\(visible(start))…（共 \(count) 个字符）"
    }

    /// `U+0000`.
    public static func codePoint(_ value: UInt32) -> String {
        let hex = String(value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The text with C0 and C1 control characters and DEL written as `\u0000`.
    static func visible(_ text: some StringProtocol) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return String(text) }
        var shown = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                let hex = String(scalar.value, radix: 16)
                shown += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    /// A list of values for a message: each quoted, joined with `、`, at most `limit` of them
    /// and then how many there are in all (`“a”、“b”、“c” 等 99998 个`).
    public static func quotedList(_ texts: some Collection<some StringProtocol>, limit: Int = 8, unit: String = "个") -> String {
        let shown = texts.prefix(limit).map { quoted($0) }.joined(separator: "、")
        return texts.count > limit ? "\(shown) 等 \(texts.count) \(unit)" : shown
    }

    /// The first scalars of a long value and its length in scalars; nil for a short one.
    private static func cut(_ text: some StringProtocol) -> (String, Int)? {
        let scalars = text.unicodeScalars
        // Short values, nearly all of them, are told apart without counting to the end.
        guard
            scalars.index(scalars.startIndex, offsetBy: longValue, limitedBy: scalars.endIndex)
                .map({ $0 != scalars.endIndex }) ?? false
        else { return nil }
        var start = String.UnicodeScalarView()
        start.append(contentsOf: scalars.prefix(keptScalars))
        return (String(start), scalars.count)
    }
}
