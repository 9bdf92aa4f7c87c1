import Testing
import ScorecardBase
@testable import ScorecardReport

/// What the CSV reports write, cell by cell: RFC 4180 with CRLF row ends, a cell quoted only
/// when it holds a comma, a quote or a line break, and quotes inside doubled.
@Suite struct CSVWriterTests {
    private func written(_ rows: [[String]], bom: Bool = false) -> String {
        var writer = CSVWriter(bom: bom)
        for row in rows { writer.row(row) }
        return writer.text
    }

    /// The streaming quarter writer's row buffer, which must write the same cells.
    private func streamed(_ cells: [String]) -> String {
        var row = CSVRowBytes()
        row.start()
        for cell in cells { row.cell(cell) }
        row.end()
        return String(decoding: row.bytes, as: UTF8.self)
    }

    @Test func cellsAreSeparatedByCommasAndRowsEndInCRLF() {
        #expect(written([["工号", "姓名"], ["10231", "田晓东"]]) == "工号,姓名\r\n10231,田晓东\r\n")
        #expect(written([["", "", ""]]) == ",,\r\n")
        #expect(written([[]]) == "\r\n")
        #expect(written([]) == "")
    }

    @Test(arguments: [
        ("a,b", "\"a,b\""),
        ("他说\"好\"", "\"他说\"\"好\"\"\""),
        ("\"", "\"\"\"\""),
        ("第一行\n第二行", "\"第一行\n第二行\""),
        ("回车\r", "\"回车\r\""),
        ("，全角逗号不用引号", "，全角逗号不用引号"),
    ])
    func aCellWithACommaQuoteOrLineBreakIsQuotedWithQuotesDoubled(cell: String, expected: String) {
        #expect(written([[cell]]) == expected + "\r\n")
        #expect(streamed([cell]) == expected + "\r\n")
    }

    @Test(arguments: [" 前后有空格 ", "\t制表符\t", "  ", "张三 (ID 1001)"])
    func spacesAndTabsAreKeptAndNeedNoQuotes(cell: String) {
        #expect(written([[cell, "x"]]) == cell + ",x\r\n")
        #expect(streamed([cell, "x"]) == cell + ",x\r\n")
    }

    /// The writer does not guard against formula injection: a cell starting with `=`, `+`, `-`
    /// or `@` is written as it is, so a spreadsheet may read it as a formula. The cells are the
    /// mine's own names and figures, and negative numbers must stay numbers.
    @Test(arguments: ["=1+2", "+86", "-0.5", "@SUM(A1)", "=HYPERLINK(\"x\")"])
    func aCellThatLooksLikeAFormulaIsWrittenAsItIs(cell: String) {
        let expected = cell.contains("\"") ? "\"" + cell.replacingAll("\"", with: "\"\"") + "\"" : cell
        #expect(written([[cell]]) == expected + "\r\n")
    }

    @Test func theByteOrderMarkComesOnceBeforeTheFirstRow() {
        #expect(written([["a"], ["b"]], bom: true) == "\u{FEFF}a\r\nb\r\n")
        #expect(Array(written([], bom: true).utf8) == [0xEF, 0xBB, 0xBF])
    }

    /// A CR LF pair is one Character in Swift, equal neither to "\r" nor to "\n", and so is a
    /// comma or a quote followed by a combining mark: the writer decided by Character and wrote
    /// such a cell bare, and a reader ended the row there.
    @Test(arguments: ["一\r\n二", ",\u{301}", "\"\u{301}", "a,\u{20DD}b"])
    func aCRLFPairOrASpecialFollowedByACombiningMarkIsQuoted(cell: String) {
        #expect(written([[cell]]).hasPrefix("\""))
    }

    /// A quote followed by a combining mark is one Character, not `"`: it is doubled all the same.
    @Test func aQuoteFollowedByACombiningMarkIsDoubled() {
        #expect(written([["a\"\u{301}b"]]) == "\"a\"\"\u{301}b\"\r\n")
    }

    /// A fixed-point cell is written as the same decimal at its places would be.
    @Test func fixedPointCellsAreWrittenAsTheirDecimals() {
        let values: [Int64] = [0, 1, -1, 5, -5, 9, 10, 99, 100, 101, 12_345, -12_345, 1_000_000, Int64.max, Int64.min + 1, Int64.min]
        for places in [0, 1, 2, 4, 18, 19] {
            for value in values {
                var fixed = CSVRowBytes()
                fixed.cell(fixed: value, places: places)
                var decimal = CSVRowBytes()
                decimal.cell(ExactDecimal(coefficient: Int128(value), scale: places), scale: places)
                #expect(fixed.bytes == decimal.bytes, "\(value) at \(places) places")
            }
        }
    }
}
