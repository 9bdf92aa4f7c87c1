/// Terminal cells a text takes, written independently of the tool's own `TerminalWidth` so the
/// tests check its alignment rather than repeat it: East Asian Wide and Fullwidth characters
/// (CJK ideographs, fullwidth punctuation such as （），：) take two cells, everything else one.
/// Enough for the Chinese, ASCII and punctuation the reports contain.
enum DisplayWidth {
    static func of(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.value {
        case 0x1100...0x115F, // Hangul Jamo initials
            0x2E80...0x303E, // CJK radicals, symbols and punctuation (、。「」)
            0x3041...0x33FF, // kana, Bopomofo, CJK compatibility
            0x3400...0x4DBF, // CJK Extension A
            0x4E00...0x9FFF, // CJK unified ideographs
            0xA000...0xA4CF, // Yi
            0xAC00...0xD7A3, // Hangul syllables
            0xF900...0xFAFF, // CJK compatibility ideographs
            0xFE30...0xFE4F, // CJK compatibility forms
            0xFF00...0xFF60, // fullwidth forms
            0xFFE0...0xFFE6,
            0x20000...0x3FFFD: // CJK Extensions B and later
            return 2
        default:
            return 1
        }
    }

    static func of(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }

    /// The line as terminal cells: a wide character fills its cell and the next one (nil).
    static func cells(_ text: some StringProtocol) -> [Unicode.Scalar?] {
        var cells: [Unicode.Scalar?] = []
        for scalar in text.unicodeScalars {
            cells.append(scalar)
            if of(scalar) == 2 { cells.append(nil) }
        }
        return cells
    }
}
