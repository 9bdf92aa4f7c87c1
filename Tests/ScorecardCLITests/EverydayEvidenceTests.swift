import Foundation
import Testing

/// The mistakes a policy officer makes with a quarter's sheet (issue 13), on a copy of the demo:
/// each is said once, in words that say what happened and what to do.
@Suite("everyday evidence mistakes")
struct EverydayEvidenceTests {
    static let scores = "seeds/2025-Q1/scores.csv"

    /// A misspelt header: the column is unknown (with the right suggestion), and the record
    /// check that reads the field it should have been is reported once, not once per row.
    @Test func aMisspeltHeaderIsOneProblemAndTheCheckReadingItIsSaidOnce() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try ws.replace(Self.scores, "i20,reports_due,", with: "i20,应报信息数,")
        let run = try ws.run(["check", "--quarter", "2025-Q1"])
        #expect(run.status == 1)
        let blocks = DiagnosticBlock.parse(run.stderr)
        #expect(blocks.map(\.code).sorted() == ["evidence.check-absent-column", "evidence.unknown-column"], "\(run.stderr)")
        #expect(blocks.first { $0.code == "evidence.unknown-column" }?.hint == "是否想写“应报信息次数”？")
        let check = try #require(blocks.first { $0.code == "evidence.check-absent-column" })
        #expect(check.message.contains("reports_due"))
        #expect(check.message.contains("reports_not_more_than_due"))
        #expect(!check.message.contains("联系员 1"), "names no officer: \(check.message)")
        #expect("\(check.file):\(check.line)" == "\(Self.scores):1")
        #expect(run.stderr.contains("2 个错误"))
    }

    @Test func blankRowsExcelLeavesAtTheEndAreSkippedWithOneWarning() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let text = try ws.text(Self.scores)
        try ws.write(Self.scores, text + String(repeating: ",,,,,,,,,,,,,,,,,,,,,,,,\n", count: 3))
        let lines = try ws.text("seeds/2025-Q1/suggestions.csv").components(separatedBy: "\n").count
        try ws.write("seeds/2025-Q1/suggestions.csv", try ws.text("seeds/2025-Q1/suggestions.csv") + ", ,,\n")
        let run = try ws.run(["evaluate", "--quarter", "2025-Q1", "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        let blocks = DiagnosticBlock.parse(run.stderr)
        #expect(
            blocks.map { "\($0.severity) \($0.code) \($0.file):\($0.line)" } == [
                "警告 evidence.blank-rows \(Self.scores):22",
                "警告 evidence.blank-rows seeds/2025-Q1/suggestions.csv:\(lines)",
            ], "\(run.stderr)")
        #expect(blocks[0].message.contains("3 行空行"))
        let clean = try CLI.cached(["evaluate", "--quarter", "2025-Q1", "--format", "csv"])
        #expect(run.stdoutData == clean.stdoutData, "the same results as without the blank rows")
    }

    /// The roster keeps `010533`; the quarter's sheet went through Excel, which made it 10533.
    @Test func anIdThatLostItsLeadingZeroSaysExcelDroppedItAndHowToKeepIt() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try ws.replace("seeds/officers.csv", "\n10533,", with: "\n010533,")
        let run = try ws.run(["check", "--quarter", "2025-Q1"])
        #expect(run.status == 1)
        let unknown = try #require(DiagnosticBlock.parse(run.stderr).first { $0.code == "evidence.unknown-officer" }, "\(run.stderr)")
        let hint = try #require(unknown.hint)
        #expect(hint.contains("010533"), "\(hint)")
        #expect(hint.contains("Excel 把开头的 0 去掉了"), "\(hint)")
        #expect(hint.contains("文本"), "\(hint)")
    }
}
