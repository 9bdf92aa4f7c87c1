/// How many terminal cells text takes, so Chinese text lines up with carets and table columns.
///
/// East Asian Width W and F are two cells; combining marks, format characters and controls take
/// none; everything else one. Ambiguous-width characters count as one, as in a UTF-8 locale's
/// default terminal setting.
package enum TerminalWidth {
    package static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value >= 0x20 ? 1 : 0 }
        if value < 0xA0 { return 0 }
        if value == 0xAD { return 1 } // soft hyphen: shown as a hyphen by most terminals
        // CJK unified ideographs and Hangul syllables, most of a Chinese report: letters (no
        // mark among them) inside the wide ranges, so wide without the property tables.
        if (0x4E00...0x9FFF).contains(value) || (0xAC00...0xD7A3).contains(value) { return 2 }
        if isZeroWidth(scalar) { return 0 }
        if value < 0x1100 { return 1 }
        if WideRanges.contains(value) { return 2 }
        if value >= 0x1F000 && scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    package static func width(of text: some StringProtocol) -> Int {
        var total = 0
        for scalar in text.unicodeScalars { total += width(of: scalar) }
        return total
    }

    private static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        // Hangul medial vowels and final consonants join the preceding initial consonant.
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return true
        default: return false
        }
    }
}
