import PropertyBased
import ScorecardReport
import Testing

/// The terminal cells a text takes (tables and carets line up by it), on strings mixed from every
/// kind of character the reports meet, against widths read off the Unicode blocks they come from.
@Suite struct DisplayWidthPropertyTests {
    /// A block (or the part of one) whose every scalar takes the same number of cells, per
    /// Unicode's East Asian Width (UAX #11) and general categories, as terminals show them.
    struct Block: Sendable {
        var name: String
        var scalars: ClosedRange<UInt32>
        var cells: Int
    }

    static let blocks: [Block] = [
        Block(name: "ASCII printable", scalars: 0x20...0x7E, cells: 1),
        Block(name: "C0 controls", scalars: 0x00...0x1F, cells: 0),
        Block(name: "DEL and C1 controls", scalars: 0x7F...0x9F, cells: 0),
        Block(name: "Latin-1 letters and signs", scalars: 0xA0...0xFF, cells: 1),
        Block(name: "Latin Extended-A", scalars: 0x100...0x17F, cells: 1),
        Block(name: "Cyrillic", scalars: 0x400...0x45F, cells: 1),
        Block(name: "combining diacritical marks", scalars: 0x300...0x36F, cells: 0),
        Block(name: "Hangul Jamo leading consonants", scalars: 0x1100...0x115F, cells: 2),
        Block(name: "Hangul Jamo vowels and trailing consonants", scalars: 0x1160...0x11FF, cells: 0),
        Block(name: "zero-width space, joiners, direction marks", scalars: 0x200B...0x200F, cells: 0),
        Block(name: "word joiner and invisible operators", scalars: 0x2060...0x2064, cells: 0),
        Block(name: "general punctuation (dashes, quotes, …)", scalars: 0x2010...0x2027, cells: 1),
        Block(name: "combining marks for symbols", scalars: 0x20D0...0x20F0, cells: 0),
        Block(name: "CJK symbols and punctuation (、。「」)", scalars: 0x3000...0x3029, cells: 2),
        Block(name: "ideographic tone marks (combining)", scalars: 0x302A...0x302D, cells: 0),
        Block(name: "hiragana", scalars: 0x3041...0x3096, cells: 2),
        Block(name: "katakana", scalars: 0x30A1...0x30FA, cells: 2),
        Block(name: "CJK Extension A", scalars: 0x3400...0x4DBF, cells: 2),
        Block(name: "CJK unified ideographs", scalars: 0x4E00...0x9FFF, cells: 2),
        Block(name: "Hangul syllables", scalars: 0xAC00...0xD7A3, cells: 2),
        Block(name: "CJK compatibility ideographs", scalars: 0xF900...0xFA6D, cells: 2),
        Block(name: "variation selectors", scalars: 0xFE00...0xFE0F, cells: 0),
        Block(name: "byte order mark", scalars: 0xFEFF...0xFEFF, cells: 0),
        Block(name: "fullwidth forms (，：（）！Ａ１)", scalars: 0xFF01...0xFF60, cells: 2),
        Block(name: "halfwidth katakana", scalars: 0xFF61...0xFF9F, cells: 1),
        Block(name: "fullwidth signs (￠￡￥)", scalars: 0xFFE0...0xFFE6, cells: 2),
        Block(name: "emoticons", scalars: 0x1F600...0x1F64F, cells: 2),
        Block(name: "CJK Extension B", scalars: 0x20000...0x2A6DF, cells: 2),
    ]

    /// One scalar of each block in turn, tagged with its block.
    static let scalar = zip(Gen.int(in: 0...(blocks.count - 1)), Gen<UInt64>.value(in: 0...UInt64.max)).map { index, bits in
        (block: index, scalar: ScorecardPropertyTests.scalar(in: blocks[index].scalars, bits))
    }

    @Test func aTextTakesTheCellsItsCharactersBlocksSay() {
        checkProperty(500, seed: 21, input: Self.scalar.array(of: 0...24)) { drawn in
            let text = String(String.UnicodeScalarView(drawn.map(\.scalar)))
            let expected = drawn.reduce(0) { $0 + Self.blocks[$1.block].cells }
            let width = TerminalWidth.width(of: text)
            if width != expected,
                let odd = drawn.first(where: { TerminalWidth.width(of: String($0.scalar)) != Self.blocks[$0.block].cells })
            {
                let block = Self.blocks[odd.block]
                throw PropertyViolation(
                    description: """
                        width \(width), expected \(expected): U+\(String(odd.scalar.value, radix: 16, uppercase: true)) \
                        (\(block.name)) takes \(TerminalWidth.width(of: String(odd.scalar))), not \(block.cells)
                        """)
            }
            try holds(width == expected, "width \(width), expected \(expected)")
        }
    }

    /// Any scalars at all, valid or not yet assigned: the width of two texts side by side is the
    /// sum of theirs, however the second begins (a mark, a joiner, a selector).
    @Test func widthsAddUpWhateverTheNeighbours() {
        let anyScalar = Gen<UInt32>.value(in: 0...0x10FFFF).map { Unicode.Scalar($0) ?? "\u{FFFD}" }
        let text = anyScalar.array(of: 0...12).map { String(String.UnicodeScalarView($0)) }
        checkProperty(500, seed: 22, input: zip(text, text)) { first, second in
            let apart = TerminalWidth.width(of: first) + TerminalWidth.width(of: second)
            try holds(
                TerminalWidth.width(of: first + second) == apart, "together \(TerminalWidth.width(of: first + second)), apart \(apart)")
        }
    }
}
