import ScorecardBase
@testable import ScorecardEvidence
import Testing

/// How cells of a workbook become the text the evidence checks read.
@Suite struct XLSXReadingTests {
    @Test(arguments: [
        ("4.5", "4.5"), ("5", "5"), ("13.0", "13"), ("4.4999999999999998", "4.5"), ("0.30000000000000004", "0.3"),
        ("1E-3", "0.001"), ("1.25E+3", "1250"), ("-0.5", "-0.5"), ("0", "0"), ("95.200000000000003", "95.2"),
        ("12.000000000000002", "12"), ("99999999999999999", "100000000000000000"),
    ])
    func numbersAreShownAsExcelShowsThem(stored: String, shown: String) {
        #expect(XLSXFile.displayNumber(stored) == shown)
    }

    @Test func notANumber() {
        #expect(XLSXFile.displayNumber("12次") == nil)
        #expect(XLSXFile.displayNumber("") == nil)
    }

    @Test(arguments: [
        ("45658", false, "2025-01-01"), ("45747", false, "2025-03-31"), ("45747.75", false, "2025-03-31"),
        ("1", false, "1900-01-01"), ("59", false, "1900-02-28"), ("61", false, "1900-03-01"),
        ("0", true, "1904-01-01"), ("44196", true, "2025-01-01"),
    ])
    func serialNumbersUnderADateFormatAreDays(serial: String, date1904: Bool, day: String) {
        #expect(XLSXFile.date(fromSerial: serial, date1904: date1904)?.description == day)
    }

    @Test func theDayThatNeverWasIsNoDay() {
        #expect(XLSXFile.date(fromSerial: "60", date1904: false) == nil)
    }

    @Test func dateFormatsAreToldFromNumberFormats() {
        for code in [
            "yyyy/m/d", "yyyy\"年\"m\"月\"d\"日\"", "[$-F800]dddd, mmmm dd, yyyy", "mm-dd-yy", "[DBNum1][$-804]yyyy\"年\"m\"月\"", "d-mmm",
        ] {
            #expect(XLSXFile.isDateFormat(code), "\(code)")
        }
        for code in ["General", "0.00", "#,##0", "0.00E+00", "\"天\"0", "[Red]0.0", "h:mm", "@"] {
            #expect(!XLSXFile.isDateFormat(code), "\(code)")
        }
        #expect(XLSXFile.builtInDateFormats.contains(14) && XLSXFile.builtInDateFormats.contains(57))
        #expect(!XLSXFile.builtInDateFormats.contains(2))
    }

    @Test func columnsFromReferences() {
        #expect(XLSXFile.column(ofReference: "A1") == 1)
        #expect(XLSXFile.column(ofReference: "T4") == 20)
        #expect(XLSXFile.column(ofReference: "AA12") == 27)
        #expect(XLSXFile.column(ofReference: "12") == nil)
    }

    @Test func relationshipTargetsBecomePathsInTheArchive() {
        #expect(XLSXFile.resolve("worksheets/sheet1.xml", base: "xl/") == "xl/worksheets/sheet1.xml")
        #expect(XLSXFile.resolve("/xl/worksheets/sheet2.xml", base: "xl/") == "xl/worksheets/sheet2.xml")
        #expect(XLSXFile.resolve("../customXml/item1.xml", base: "xl/") == "customXml/item1.xml")
    }

    @Test func xmlEntitiesAndPrefixes() throws {
        var scanner = XMLScanner(
            Array(
                "<?xml version=\"1.0\"?><!-- x --><x:c r=\"A1\" t='s'><x:t>a&amp;b &lt;&#26159;&#x5426;&gt;</x:t></x:c><![CDATA[<raw>]]>"
                    .utf8))
        var events: [String] = []
        while let event = try scanner.next() {
            switch event {
            case .start(let name, let attributes, let empty):
                events.append(
                    "<\(name) \(attributes.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))\(empty ? "/" : "")>"
                )
            case .end(let name): events.append("</\(name)>")
            case .text(let text): events.append(text)
            }
        }
        #expect(events == ["<c r=A1 t=s>", "<t >", "a&b <是否>", "</t>", "</c>", "<raw>"])
    }

    @Test func brokenXMLIsAFailureNotACrash() {
        var scanner = XMLScanner(Array("<c r=\"A1".utf8))
        #expect(throws: XMLScanner.Failure.self) { while try scanner.next() != nil {} }
        var entity = XMLScanner(Array("<t>&bogus;</t>".utf8))
        #expect(throws: XMLScanner.Failure.self) { while try entity.next() != nil {} }
    }

    @Test func aCellLocationIsNamedAsExcelNamesIt() {
        let place = SourceLocation(file: "scores.xlsx", line: 5, column: 3, sheet: "考核记录")
        #expect(place.description == "scores.xlsx:考核记录!C5")
        #expect(SourceLocation(file: "a.xlsx", line: 12, column: 27, sheet: "S").cellName == "AA12")
        #expect(SourceLocation(file: "scores.csv", line: 5, column: 3).description == "scores.csv:5:3")
    }
}
