import PropertyBased
import ScorecardBase
import ScorecardEvidence
import ScorecardReport
import Testing

/// What the report writer puts in a CSV file, the evidence reader reads back cell for cell:
/// Chinese, quotes, commas, line breaks of every kind, spaces at either end, with or without the
/// byte order mark Excel needs.
@Suite struct CSVRoundTripPropertyTests {
    /// A piece of a cell: mostly plain text, often one of the characters that need quoting.
    /// C0 and C1 control characters other than tab, CR and LF are left out: the reader refuses
    /// them on purpose (docs/limits.md, section 4).
    /// With `joining`, also the pieces that join what comes before them into one Character: a
    /// CR LF pair, and combining marks (which join a comma or quote before them).
    static func piece(joining: Bool) -> Generator<String, some SendableSequenceType> {
        var choices: [(weight: Int, draw: @Sendable (UInt64) -> String)] = [
            (6, { String(scalar(in: 0x20...0x7E, $0)) }), // printable ASCII, space included
            (6, { String(scalar(in: 0x4E00...0x9FFF, $0)) }), // CJK unified ideographs
            (2, { ["，", "。", "“", "”", "（", "）", "：", "、"][Int($0 % 8)] }),
            (2, { _ in "," }),
            (2, { _ in "\"" }),
            (1, { _ in "\n" }),
            (1, { _ in "\r" }),
            (1, { _ in "\t" }),
            (1, { _ in " " }),
            (1, { String(scalar(in: 0x1F600...0x1F64F, $0)) }), // emoji
            (1, { String(scalar(in: 0x20000...0x2A6DF, $0)) }), // CJK Extension B: four UTF-8 bytes
        ]
        if joining {
            choices.append((1, { _ in "\r\n" }))
            choices.append((2, { String(scalar(in: 0x300...0x36F, $0)) }))
        }
        return pick(choices)
    }

    static func rows(joining: Bool) -> Generator<(rows: [[String]], bom: Bool), some SendableSequenceType> {
        // Without `joining`, a CR drawn just before an LF would make the pair all the same.
        let cell = piece(joining: joining).array(of: 0...6).map { $0.joined() }
            .filter { joining || !containsCRLF($0) }
        // A row of one empty cell is a blank line, which the reader skips by design.
        let row = cell.array(of: 1...5).filter { $0 != [""] }
        return zip(row.array(of: 1...4), Gen.bool).map { (rows: $0, bom: $1) }
    }

    @Test func cellsReadBackAsWritten() {
        checkProperty(seed: 11, input: Self.rows(joining: false)) { input in
            try holds(readBack(input.rows, bom: input.bom), "the cells read back differently")
        }
    }

    /// A CR LF pair is one Character (neither "\r" nor "\n"), and so is a comma or a quote
    /// followed by a combining mark: the writer once decided by Character, wrote such cells
    /// bare, and they read back split or changed.
    @Test func cellsWithACRLFPairOrACombiningMarkReadBackAsWritten() {
        checkProperty(seed: 12, input: Self.rows(joining: true)) { input in
            try holds(readBack(input.rows, bom: input.bom), "the cells read back differently")
        }
    }

    /// Writes `rows`, reads them back, and says whether they came back whole and without problems.
    private func readBack(_ rows: [[String]], bom: Bool) -> Bool {
        var writer = CSVWriter(bom: bom)
        for row in rows { writer.row(row) }
        var reader = CSVReader(bytes: Array(writer.text.utf8), file: "round-trip.csv")
        var problems = DiagnosticSink()
        let records = reader.readAll(sink: &problems)
        return problems.isEmpty && records.map(\.texts) == rows && reader.hadBOM == bom
    }
}

/// Whether the text holds a CR directly followed by an LF.
private func containsCRLF(_ text: String) -> Bool {
    var previous: UInt8 = 0
    for byte in text.utf8 {
        if previous == 0x0D && byte == 0x0A { return true }
        previous = byte
    }
    return false
}
