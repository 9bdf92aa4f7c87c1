import Foundation
import Testing

/// `scorecard template`: a quarter's blank evidence that the evidence reader takes back.
@Suite struct TemplateTests {
    @Test func theWorkbookIsReadBackAsTheQuartersEvidence() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try FileManager.default.createDirectory(at: workspace.url("seeds/2026-Q1"), withIntermediateDirectories: true)
        let made = try workspace.run(["template", "--quarter", "2026-Q1", "-o", "seeds/2026-Q1/scores.xlsx"])
        try #require(made.status == 0, "\(made.stderr)")
        #expect(made.stderr == "已写入“seeds/2026-Q1/scores.xlsx”。\n")
        // Blank: every assessed score of every officer serving is missing, at its cell; no column is unknown.
        let run = try workspace.run(["check", "--quarter", "2026-Q1", "--format", "json"])
        #expect(run.status == 1)
        #expect(!run.stdout.contains("evidence.unknown-column"))
        #expect(!run.stdout.contains("evidence.missing-column"))
        #expect(!run.stdout.contains("evidence.missing-record"), "a row for everyone serving")
        let missing = run.stdout.components(separatedBy: "\"code\": \"evidence.missing-value\"").count - 1
        #expect(missing == 20 * 17, "20 officers serve in 2026-Q1 (as in 2025-Q4), each with 17 assessed items")
        #expect(run.stdout.contains("\"sheet\": \"考核记录\",\n      \"cell\": \"C2\""))
        #expect(!run.stdout.contains("\"sheet\": \"采纳建议\""), "an empty list sheet is no problem")
    }

    @Test func theCSVHasTheHeadersTheReaderTakes() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try workspace.run(["template", "--quarter", "2025-Q4", "--format", "csv"])
        try #require(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("\u{FEFF}工号,姓名,i01,i02,"))
        #expect(run.stdout.contains(",应报信息次数,按时准确上报次数,"))
        #expect(run.stderr.contains("明细另建 suggestions.csv，表头：工号,采纳日期,采纳层级,建议内容"))
        #expect(run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 21, "a header and 20 officers")
        try run.stdoutData.write(to: workspace.url("seeds/2025-Q4/scores.csv"))
        let check = try workspace.run(["check", "--quarter", "2025-Q4", "--format", "json"])
        #expect(!check.stdout.contains("evidence.unknown-column"))
        #expect(!check.stdout.contains("evidence.missing-record"))
        #expect(check.stdout.contains("evidence.missing-value"))
    }

    @Test func aWorkbookIsNotWrittenToATerminalButToAFileOrAPipe() throws {
        let run = try CLI.run(["template", "--quarter", "2026-Q1"])
        #expect(run.status == 0, "standard output is a file here, not a terminal")
        #expect(run.stdoutData.starts(with: Data([0x50, 0x4B, 0x03, 0x04])))
    }

    @Test func aQuarterIsRequiredAndChecked() throws {
        #expect(try CLI.run(["template"]).status == 2)
        let run = try CLI.run(["template", "--quarter", "2026-5"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("“2026-5”不是季度"))
    }
}
