import Foundation
import Testing

/// `--partial` results say in themselves that they are partial (issue 13), in every format, so
/// that `> 结果.csv` keeps it; results that are not partial are the same bytes as ever.
@Suite("partial results")
struct PartialResultsTests {
    /// 2025-Q1 with 10231's i02 marked out of 5 as 7.0: 10231 is left out of a partial run.
    static func brokenQ1() throws -> Workspace {
        let ws = try Workspace()
        try ws.replace("seeds/2025-Q1/scores.csv", "\n10231,5.0,5.0,", with: "\n10231,5.0,7.0,")
        return ws
    }

    static let notice = "部分结果（--partial），不是本季度的最终结果：证据有问题的 1 名联系员未计入本表和各项合计：10231 田晓东"

    @Test func textSaysPartialUnderTheTitleAndAfterTheTotals() throws {
        let ws = try Self.brokenQ1()
        defer { ws.remove() }
        let run = try ws.run(["evaluate", "--quarter", "2025-Q1", "--partial"])
        #expect(run.status == 1)
        let lines = run.stdoutLines
        #expect(lines[2].hasPrefix("共 19 名联系员"))
        #expect(lines[3] == Self.notice, "\(run.stdout)")
        #expect(lines.contains("以上各项合计不含未计入的 1 名联系员（--partial）。"))
        #expect(!lines.contains { $0.hasPrefix("10231 ") })
    }

    @Test func jsonHasAPartialMemberNamingWhoIsLeftOut() throws {
        let ws = try Self.brokenQ1()
        defer { ws.remove() }
        let run = try ws.run(["evaluate", "--quarter", "2025-Q1", "--partial", "--format", "json"])
        #expect(run.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        let partial = try #require(object["partial"] as? [String: Any], "\(run.stdout)")
        let excluded = try #require(partial["excluded"] as? [[String: Any]])
        #expect(excluded.count == 1)
        #expect(excluded.first?["officer"] as? String == "10231")
        #expect(excluded.first?["name"] as? String == "田晓东")
        #expect(partial["note"] as? String == Self.notice)
        #expect((object["officers"] as? [Any])?.count == 19)
    }

    @Test func csvEndsWithACommentRow() throws {
        let ws = try Self.brokenQ1()
        defer { ws.remove() }
        let run = try ws.run(["evaluate", "--quarter", "2025-Q1", "--partial", "--format", "csv"])
        #expect(run.status == 1)
        let lines = run.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 1 + 19 + 1)
        #expect(lines.last == "# " + Self.notice)
    }

    /// The same command on sound evidence: nothing is partial, nothing is said.
    @Test(arguments: ["text", "json", "csv"])
    func soundEvidenceUnderPartialIsTheUsualOutput(format: String) throws {
        let partial = try CLI.cached(["evaluate", "--quarter", "2025-Q1", "--partial", "--format", format])
        let plain = try CLI.cached(["evaluate", "--quarter", "2025-Q1", "--format", format])
        #expect(partial.status == 0)
        #expect(partial.stdoutData == plain.stdoutData)
        #expect(!partial.stdout.contains("部分结果"))
    }

    /// No folder for the quarter: --partial cannot help, so it is not suggested; given, it
    /// writes no empty table and still exits 1.
    @Test func aMissingQuarterFolderDoesNotSuggestPartial() throws {
        let run = try CLI.cached(["evaluate", "--quarter", "2026-Q1"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("evidence.no-quarter"))
        #expect(!run.stderr.contains("--partial"), "\(run.stderr)")
        let partial = try CLI.cached(["evaluate", "--quarter", "2026-Q1", "--partial"])
        #expect(partial.status == 1)
        #expect(partial.stdoutData.isEmpty, "\(partial.stdout)")
    }

    @Test func rowProblemsStillSuggestPartial() throws {
        let ws = try Self.brokenQ1()
        defer { ws.remove() }
        let run = try ws.run(["evaluate", "--quarter", "2025-Q1"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("或用 --partial 先算出记录无误的联系员"))
    }
}
