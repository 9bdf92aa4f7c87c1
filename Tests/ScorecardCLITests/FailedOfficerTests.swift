import Foundation
import Testing

/// An officer whose result cannot be computed is reported, the others are still written, and
/// the exit code is 1.
@Suite("an officer whose result cannot be computed")
struct FailedOfficerTests {
    /// i07 without its guard against no reports due, and 田晓东 with no reports due in 2025-Q1:
    /// a division by zero for him alone.
    static func workspace() throws -> Workspace {
        let ws = try Workspace()
        try ws.replace(
            "rules/items.yaml", "formula: if reports_due == 0 then 5 else 5 * reports_on_time / reports_due",
            with: "formula: 5 * reports_on_time / reports_due")
        let file = "seeds/2025-Q1/scores.csv"
        let row = try #require(try ws.text(file).components(separatedBy: "\n").first { $0.hasPrefix("10231,") })
        var cells = row.components(separatedBy: ",")
        try #require(cells.count == 25)
        cells[18] = "0" // reports_due
        cells[19] = "0" // reports_on_time
        try ws.replace(file, row + "\n", with: cells.joined(separator: ",") + "\n")
        return ws
    }

    @Test func textReportStillListsEveryoneAndSaysWhy() throws {
        let ws = try Self.workspace()
        defer { ws.remove() }
        let run = try ws.run(["evaluate", "--quarter", "2025-Q1"])
        #expect(run.status == 1)
        let table = try #require(PrintedTable.all(in: run.stdout).first { $0.title.hasPrefix("各项得分") })
        #expect(table.rows.count == 20)
        let row = try #require(table.rows.first { $0.hasPrefix("10231") })
        #expect(table.cell(10, of: row) == "—")
        #expect(table.cell(24, of: row) == "—")
        #expect(table.cell(25, of: row) == "未算出")
        #expect(Set(table.lines.map { DisplayWidth.of($0) }).count == 1)
        #expect(run.stdout.contains("有 1 名联系员的结果未能算出，原因见下。"))
        let blocks = DiagnosticBlock.parse(run.stderr)
        #expect(blocks.count == 1)
        let block = try #require(blocks.first)
        #expect(block.file == "rules/items.yaml")
        #expect(block.code.hasSuffix("division-by-zero"))
        #expect(block.message.contains("10231"))
        #expect(block.caretPlacement(of: "reports_due").map { $0.caret == $0.token } == true)
    }

    @Test func jsonAndCSVMarkTheMissingResult() throws {
        let ws = try Self.workspace()
        defer { ws.remove() }
        let json = try ws.run(["evaluate", "--quarter", "2025-Q1", "--format", "json"])
        #expect(json.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let officers = try #require(document["officers"] as? [[String: Any]])
        #expect(officers.count == 20)
        let tian = try #require(officers.first { $0["officer"] as? String == "10231" })
        #expect(tian["total"] is NSNull)
        #expect(tian["grade"] is NSNull)
        let failures = try #require(tian["failures"] as? [[String: Any]])
        #expect(failures.count == 1)
        #expect((failures.first?["code"] as? String)?.hasSuffix("division-by-zero") == true)
        #expect(failures.first?["file"] as? String == "rules/items.yaml")
        #expect(officers.filter { ($0["failures"] as? [Any])?.isEmpty == false }.count == 1)

        let csv = try ws.run(["evaluate", "--quarter", "2025-Q1", "--format", "csv"])
        #expect(csv.status == 1)
        let row = try #require(
            String(decoding: csv.stdoutData.dropFirst(3), as: UTF8.self)
                .components(separatedBy: "\r\n").first { $0.hasPrefix("10231,") })
        let cells = row.components(separatedBy: ",")
        #expect(cells.count == 28)
        #expect(cells[10] == "" && cells[24] == "" && cells[25] == "")
    }

    @Test func explainSaysWhy() throws {
        let ws = try Self.workspace()
        defer { ws.remove() }
        let run = try ws.run(["explain", "10231", "--quarter", "2025-Q1"])
        #expect(run.status == 1)
        #expect(run.stdoutLines.contains { $0.hasPrefix("i07  未算出 / 5") })
        #expect(run.stdoutLines.contains("总分 未算出 / 100"))
        #expect(DiagnosticBlock.parse(run.stderr).count == 1)
        // Another officer's explanation is unaffected.
        #expect(try ws.run(["explain", "10247", "--quarter", "2025-Q1"]).status == 0)
    }
}
