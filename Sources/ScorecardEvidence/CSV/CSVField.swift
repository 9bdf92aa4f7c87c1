import ScorecardBase

/// One cell of a CSV record as text, with where it was written.
public struct CSVField: Sendable, Hashable {
    /// The value, quotes removed and `""` turned into `"`; spaces are kept as written.
    public var text: String
    /// Where the field starts in the file: its first character, which for a quoted field is the
    /// opening quote. `length` covers the field as written on that line, so a caret underlines it.
    public var location: SourceLocation

    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }

    public var line: Int { location.line }
    public var column: Int { location.column }

    /// The value without leading and trailing spaces, tabs and ideographic spaces (U+3000),
    /// which Chinese input methods leave behind easily and nobody means.
    public var trimmed: String { CSVField.trim(text) }

    public static func trim(_ text: some StringProtocol) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }),
            let last = scalars.lastIndex(where: { !isBlank($0) })
        else { return "" }
        var kept = String.UnicodeScalarView()
        kept.append(contentsOf: scalars[first...last])
        return String(kept)
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{3000}" || scalar == "\u{A0}"
    }
}
