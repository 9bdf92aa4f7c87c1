import Foundation
import Testing

/// Evidence read from .xlsx workbooks as people save them (Tests/Fixtures/xlsx, made by
/// openpyxl and LibreOffice from the demo's CSV files with make.py there).
@Suite struct ExcelEvidenceTests {
    static func fixture(_ name: String) -> URL {
        CLI.packageRoot.appendingPathComponent("Tests/Fixtures/xlsx").appendingPathComponent(name)
    }

    /// The workspace with 2025-Q1's CSV files replaced by one workbook.
    static func quarterFromWorkbook(_ name: String) throws -> Workspace {
        let workspace = try Workspace()
        let fm = FileManager.default
        try fm.removeItem(at: workspace.url("seeds/2025-Q1/scores.csv"))
        try fm.removeItem(at: workspace.url("seeds/2025-Q1/suggestions.csv"))
        try fm.copyItem(at: fixture(name), to: workspace.url("seeds/2025-Q1/scores.xlsx"))
        return workspace
    }

    @Test(arguments: ["2025-Q1-openpyxl.xlsx", "2025-Q1-libreoffice.xlsx"])
    func aWorkbookEvaluatesLikeTheCSV(fixture: String) throws {
        let workspace = try Self.quarterFromWorkbook(fixture)
        defer { workspace.remove() }
        let csv = try CLI.cached(["evaluate", "--quarter", "2025-Q1", "--format", "csv"])
        let text = try CLI.cached(["evaluate", "--quarter", "2025-Q1"])
        let fromWorkbook = try workspace.run(["evaluate", "--quarter", "2025-Q1", "--format", "csv"])
        try #require(fromWorkbook.status == 0, "\(fromWorkbook.stderr)")
        #expect(fromWorkbook.stdoutData == csv.stdoutData)
        #expect(try workspace.run(["evaluate", "--quarter", "2025-Q1"]).stdoutData == text.stdoutData)
        let check = try workspace.run(["check", "--quarter", "2025-Q1"])
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func explainPointsAtTheCells() throws {
        let workspace = try Self.quarterFromWorkbook("2025-Q1-openpyxl.xlsx")
        defer { workspace.remove() }
        let run = try workspace.run(["explain", "10231", "--quarter", "2025-Q1"])
        try #require(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("记录：seeds/2025-Q1/scores.xlsx:考核记录!A2"))
        #expect(run.stdout.contains("reports_due = 12（seeds/2025-Q1/scores.xlsx:考核记录!S2）"))
        #expect(run.stdout.contains("考核人打分 5（seeds/2025-Q1/scores.xlsx:考核记录!B2）"))
    }

    @Test func everyProblemIsPlacedAtItsCellWithTheCSVCodes() throws {
        let workspace = try Self.quarterFromWorkbook("2025-Q1-broken.xlsx")
        defer { workspace.remove() }
        let run = try workspace.run(["evaluate", "--quarter", "2025-Q1"])
        #expect(run.status == 1)
        #expect(run.stdout.isEmpty)
        let headers = run.stderrLines.filter { $0.contains(": 错误[") }
        #expect(
            headers == [
                "seeds/2025-Q1/scores.xlsx:考核记录!C3: 错误[evidence.bad-value]: 联系员 10247（许文辉）的“i02”：5.5 大于允许的最大值 5",
                "seeds/2025-Q1/scores.xlsx:考核记录!T4: 错误[evidence.bad-value]: 联系员 10258（董建平）的“按时准确上报次数”：“12次”不是一个数",
                "seeds/2025-Q1/scores.xlsx:考核记录!A5: 错误[evidence.unknown-officer]: 名册中没有工号为“10264”的联系员",
                "seeds/2025-Q1/scores.xlsx:考核记录!E6: 错误[evidence.missing-value]: 联系员 10312（吕永军）的“i04”没有填写",
                "seeds/2025-Q1/scores.xlsx:采纳建议!B3: 错误[evidence.date-outside-quarter]: “采纳日期”2025-04-02 不在 2025-Q1（2025-01-01 至 2025-03-31）之内",
                "seeds/2025-Q1/scores.xlsx:采纳建议!C4: 错误[evidence.bad-value]: 联系员 10418（潘海军）的“采纳层级”：“矿级”不是可选的值",
                "seeds/officers.csv:5:1: 错误[evidence.missing-record]: 联系员 10263（彭光辉，综采一队丁班）在 2025-Q1 在任，但没有考核记录",
            ])
        // The same hints as for CSV; a cell has no line of text to echo.
        #expect(run.stderr.contains("= 提示: 是否想写“10263”？"))
        #expect(run.stderr.contains("= 提示: 是否想写“矿”？可选：矿、区队"))
        #expect(!run.stderr.contains("scores.xlsx:考核记录!C3: 错误[evidence.bad-value]: 联系员 10247（许文辉）的“i02”：5.5 大于允许的最大值 5\n  |"))
        let json = try workspace.run(["check", "--quarter", "2025-Q1", "--format", "json"])
        #expect(
            json.stdout.contains(
                "\"file\": \"seeds/2025-Q1/scores.xlsx\",\n      \"line\": 3,\n      \"column\": 3,\n      \"sheet\": \"考核记录\",\n      \"cell\": \"C3\""
            ))
    }

    @Test func theRosterMayBeAWorkbook() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try FileManager.default.removeItem(at: workspace.url("seeds/officers.csv"))
        try FileManager.default.copyItem(at: Self.fixture("officers-openpyxl.xlsx"), to: workspace.url("seeds/officers.xlsx"))
        let run = try workspace.run(["evaluate", "--format", "csv"])
        try #require(run.status == 0, "\(run.stderr)")
        #expect(run.stdoutData == (try CLI.cached(["evaluate", "--format", "csv"])).stdoutData)
        let year = try workspace.run(["annual", "--format", "csv"])
        #expect(year.stdoutData == (try CLI.cached(["annual", "--format", "csv"])).stdoutData)
        #expect(try workspace.run(["check"]).status == 0)
    }

    @Test func aCSVAndAWorkbookForTheSameTableIsAProblem() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try FileManager.default.copyItem(at: Self.fixture("2025-Q1-openpyxl.xlsx"), to: workspace.url("seeds/2025-Q1/scores.xlsx"))
        let run = try workspace.run(["evaluate", "--quarter", "2025-Q1"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("错误[evidence.two-formats]: 2025-Q1 同时有 scores.xlsx 和 scores.csv，不知道以哪个为准"))
    }

    @Test func aFileThatIsNotAWorkbookIsSaidToBeOne() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try FileManager.default.moveItem(at: workspace.url("seeds/2025-Q1/scores.csv"), to: workspace.url("seeds/2025-Q1/scores.xlsx"))
        let run = try workspace.run(["evaluate", "--quarter", "2025-Q1"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("错误[evidence.xlsx-unreadable]: 无法读取工作簿“seeds/2025-Q1/scores.xlsx”："))
    }
}
