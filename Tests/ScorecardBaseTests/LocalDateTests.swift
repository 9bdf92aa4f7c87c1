import Testing
@testable import ScorecardBase

/// Dates as people type them and spreadsheets export them (issue 13).
@Suite struct LocalDateTests {
    @Test(arguments: [
        "2025-07-09", "2025-7-9", "2025-07-9", "2025/7/9", "2025/07/09", "2025.7.9", "2025.07.09",
        "2025年7月9日", "2025年07月09日",
    ])
    func commonChineseFormsAreTheSameDay(text: String) {
        #expect(LocalDate(text) == LocalDate(year: 2025, month: 7, day: 9), "\(text)")
    }

    @Test(arguments: [
        "2025-7/9", "2025.7-9", "2025年7月9", "2025年7-9日", "25-7-9", "2025-007-09", "2025-2-30", "2025-13-1",
        "2025.7", "2025年7月", "２０２５-7-9", "2025-7-9 ", "", "7/9/2025",
    ])
    func otherTextIsNotADate(text: String) {
        #expect(LocalDate(text) == nil, "\(text)")
    }

    @Test func excelSerialNumbersCountAsExcelDoes() {
        #expect(LocalDate(excelSerial: 45847) == LocalDate(year: 2025, month: 7, day: 9))
        #expect(LocalDate(excelSerial: 61) == LocalDate(year: 1900, month: 3, day: 1))
        #expect(LocalDate(excelSerial: 45658) == LocalDate(year: 2025, month: 1, day: 1))
        #expect(LocalDate(excelSerial: 2_958_465) == LocalDate(year: 9999, month: 12, day: 31))
        // Day 60 is Excel's 1900-02-29, which never was; before it the count is off by one.
        #expect(LocalDate(excelSerial: 60) == nil)
        #expect(LocalDate(excelSerial: 2_958_466) == nil)
    }
}
