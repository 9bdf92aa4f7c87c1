import Foundation
import Testing

/// `--format xlsx`, `--output` and `--headers`.
@Suite struct ExcelOutputTests {
    @Test(arguments: [["evaluate"], ["annual"]])
    func aWorkbookIsWrittenToTheNamedFile(command: [String]) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try workspace.run(command + ["--format", "xlsx", "--output", "out.xlsx"])
        try #require(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        #expect(run.stderr == "已写入“out.xlsx”。\n")
        let bytes = [UInt8](try Data(contentsOf: workspace.url("out.xlsx")))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), "a zip archive")
        // Redirected standard output gets the same bytes.
        let piped = try workspace.run(command + ["--format", "xlsx"])
        #expect([UInt8](piped.stdoutData) == bytes)
        #expect(!FileManager.default.fileExists(atPath: workspace.url(".tmp-out.xlsx").path))
    }

    @Test func csvToStandardOutputKeepsItsIds() throws {
        let run = try CLI.cached(["evaluate", "--format", "csv"])
        #expect(run.stdout.hasPrefix("\u{FEFF}officer,name,unit,area,i01,"))
    }

    @Test func csvWithChineseHeaders() throws {
        let zh = try CLI.run(["evaluate", "--format", "csv", "--headers", "zh"])
        try #require(zh.status == 0, "\(zh.stderr)")
        #expect(zh.stdout.hasPrefix("\u{FEFF}工号,姓名,单位,班次,i01,i02,"))
        #expect(zh.stdout.contains(",i20,总分,等级,奖励：建议采纳奖励,奖励合计\r\n"))
        // Only the titles differ.
        let ids = try CLI.cached(["evaluate", "--format", "csv"])
        #expect(zh.stdout.components(separatedBy: "\r\n").dropFirst() == ids.stdout.components(separatedBy: "\r\n").dropFirst())
        let annual = try CLI.run(["annual", "--format", "csv", "--headers", "zh"])
        #expect(
            annual.stdout.hasPrefix("\u{FEFF}名次,工号,姓名,单位,班次,管理者类别,汇报对象,2025-Q1,2025-Q2,2025-Q3,2025-Q4,季度合计,年度成绩,结果,季度奖励,年终奖励,奖励合计\r\n"))
    }

    @Test func aCSVFileIsForExcelAndSoChinese() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try workspace.run(["evaluate", "--format", "csv", "-o", "结果.csv"])
        try #require(run.status == 0, "\(run.stderr)")
        #expect(try Data(contentsOf: workspace.url("结果.csv")).starts(with: Data("\u{FEFF}工号,姓名,".utf8)))
        let ids = try workspace.run(["evaluate", "--format", "csv", "-o", "ids.csv", "--headers", "id"])
        #expect(ids.status == 0)
        #expect(try Data(contentsOf: workspace.url("ids.csv")) == (try CLI.cached(["evaluate", "--format", "csv"]).stdoutData))
    }

    @Test func headersAreOnlyForCSV() throws {
        let run = try CLI.run(["evaluate", "--format", "json", "--headers", "zh"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--headers 只用于 --format csv"))
    }

    @Test func nothingIsWrittenWhenTheEvidenceHasProblems() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.replace("seeds/2025-Q1/scores.csv", "10231,5.0,", with: "10231,9.0,")
        let run = try workspace.run(["evaluate", "--quarter", "2025-Q1", "--format", "xlsx", "-o", "out.xlsx"])
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: workspace.url("out.xlsx").path))
    }

    @Test func aFolderThatCannotBeWrittenIsReported() throws {
        let run = try CLI.run(["evaluate", "--format", "xlsx", "-o", "/nonexistent-folder/out.xlsx"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("错误[io.write]"))
    }
}
