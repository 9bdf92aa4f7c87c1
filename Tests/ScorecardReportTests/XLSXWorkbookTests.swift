import ScorecardBase
@testable import ScorecardReport
import Testing

@Suite struct XLSXWorkbookTests {
    static func part(_ name: String, of workbook: XLSXWorkbook) throws -> String {
        let reader = try ZipReader(bytes: workbook.bytes())
        let bytes = try #require(try reader.contents(of: name))
        return String(decoding: bytes, as: UTF8.self)
    }

    static let sample = XLSXWorkbook(sheets: [
        .init(
            name: "考核结果", header: ["工号", "姓名", "总分"],
            rows: [
                [.text("010"), .text("A&B <王>"), .number(ExactDecimal(coefficient: 9340, scale: 2), places: 2)],
                [.text("10247"), .text(" 许文辉"), .empty],
            ], formats: [.text]),
        .init(name: "按单位", header: ["单位", "人数", "平均分"], rows: [[.text("综采一队"), .integer(4), .number(ExactDecimal(87), places: 3)]]),
    ])

    @Test func everyPartAWorkbookNeedsIsThere() throws {
        let reader = try ZipReader(bytes: Self.sample.bytes())
        #expect(
            reader.entries.map(\.name) == [
                "[Content_Types].xml", "_rels/.rels", "docProps/app.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                "xl/styles.xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml",
            ])
        let workbook = try Self.part("xl/workbook.xml", of: Self.sample)
        #expect(workbook.contains("<sheet name=\"考核结果\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"按单位\" sheetId=\"2\" r:id=\"rId2\"/>"))
    }

    @Test func theHeaderRowIsFrozenAndBold() throws {
        let sheet = try Self.part("xl/worksheets/sheet1.xml", of: Self.sample)
        #expect(sheet.contains("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"))
        #expect(sheet.contains("<c r=\"A1\" t=\"inlineStr\" s=\"\(XLSXWorkbook.Styles.header)\"><is><t>工号</t></is></c>"))
        let styles = try Self.part("xl/styles.xml", of: Self.sample)
        #expect(styles.contains("<font><b/>"))
    }

    @Test func numbersAreNumbersWithTheirPlacesAndTextIsText() throws {
        let sheet = try Self.part("xl/worksheets/sheet1.xml", of: Self.sample)
        let styles = XLSXWorkbook.Styles(places: [2, 3])
        #expect(sheet.contains("<c r=\"C2\" s=\"\(styles.number(places: 2))\"><v>93.40</v></c>"))
        // The id column is text-formatted, so 010 keeps its zero in Excel.
        #expect(sheet.contains("<c r=\"A2\" t=\"inlineStr\" s=\"\(XLSXWorkbook.Styles.text)\"><is><t>010</t></is></c>"))
        #expect(sheet.contains("<col min=\"1\" max=\"1\" width=\"7\" customWidth=\"1\" style=\"3\"/>"))
        let second = try Self.part("xl/worksheets/sheet2.xml", of: Self.sample)
        #expect(second.contains("<c r=\"B2\" s=\"\(XLSXWorkbook.Styles.integer)\"><v>4</v></c>"))
        #expect(second.contains("<v>87.000</v>"))
        let stylesXML = try Self.part("xl/styles.xml", of: Self.sample)
        #expect(stylesXML.contains("<numFmt numFmtId=\"164\" formatCode=\"0.000\"/>"))
    }

    @Test func namesAreEscapedAndKeepTheirSpaces() throws {
        let sheet = try Self.part("xl/worksheets/sheet1.xml", of: Self.sample)
        #expect(sheet.contains("<t>A&amp;B &lt;王&gt;</t>"))
        #expect(sheet.contains("<t xml:space=\"preserve\"> 许文辉</t>"))
    }

    @Test func columnNames() {
        #expect([0, 25, 26, 51, 52, 701, 702].map(XLSXWorkbook.columnName) == ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"])
    }

    @Test func sheetNamesKeepToExcelsRules() {
        #expect(XLSXWorkbook.sheetName("2025/Q4:结果[草稿]") == "2025_Q4_结果_草稿_")
        #expect(XLSXWorkbook.sheetName(String(repeating: "考", count: 40)).count == 31)
    }

    @Test func theSameWorkbookMakesTheSameBytes() {
        #expect(Self.sample.bytes() == Self.sample.bytes())
    }
}
