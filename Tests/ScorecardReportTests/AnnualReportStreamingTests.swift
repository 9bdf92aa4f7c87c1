import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardEvaluation
@testable import ScorecardReport

/// The year's CSV, JSON, HTML and text are written as they are made (a row, an officer, about
/// 64 KiB of the page, a line at a time): a year of a million officers is never one string. Checked on the demo year with its officers
/// repeated until the output is many pieces long: each piece boundary must lose nothing and
/// repeat nothing.
@Suite struct AnnualReportStreamingTests {
    private static let copies = 200

    private func demoYear() throws -> AnnualReport {
        let workspace = Workspace(rulesPath: packagePath("rules"), evidencePath: packagePath("seeds"))
        var problems = DiagnosticSink()
        let run = try workspace.runYear(2025, sink: &problems)
        #expect(!problems.hasErrors)
        let evaluator = try #require(AnnualEvaluator(policy: run.yearEndPolicy))
        let result = evaluator.evaluate(year: 2025, quarters: try #require(run.annualQuarters))
        return AnnualReport(policy: run.yearEndPolicy, result: result)
    }

    private func repeated(_ report: AnnualReport) -> AnnualReport {
        var result = report.result
        result.officers = Array(repeating: result.officers, count: Self.copies).flatMap { $0 }
        return AnnualReport(policy: report.policy, result: result)
    }

    @Test func theCSVOfALargeYearIsItsHeaderThenEveryOfficersRowOnceInOrder() throws {
        let report = try demoYear()
        let one = report.renderCSV(headers: .zh)
        let headerEnd = try #require(one.utf8.firstIndex(of: 0x0A))
        let header = String(one.utf8[...headerEnd])!
        let body = String(one.utf8[one.utf8.index(after: headerEnd)...])!
        let output = PieceOutput()
        repeated(report).writeCSV(to: output, headers: .zh)
        #expect(output.writes.count > 3, "written in \(output.writes.count) piece(s)")
        #expect(output.text == header + String(repeating: body, count: Self.copies))
    }

    @Test func theJSONOfALargeYearListsEveryOfficerOnceInOrderAroundTheSameYearFigures() throws {
        let report = try demoYear()
        let one = report.renderJSON()
        let open = "\"officers\": [\n", close = "\n  ],\n  \"units\""
        let start = try #require(one.firstRange(of: open)).upperBound
        let end = try #require(one.firstRange(of: close)).lowerBound
        let entries = String(one[start..<end])
        let output = PieceOutput()
        repeated(report).writeJSON(to: output)
        #expect(output.writes.count > 3, "written in \(output.writes.count) piece(s)")
        let expected = one[..<start] + Array(repeating: entries, count: Self.copies).joined(separator: ",\n") + one[end...]
        #expect(output.text == expected)
    }

    @Test func theHTMLOfALargeYearArrivesInPiecesAndHasARowPerOfficer() throws {
        let report = repeated(try demoYear())
        let output = PieceOutput()
        report.writeHTML(to: output)
        #expect(output.writes.count > 3, "written in \(output.writes.count) piece(s)")
        let page = output.text
        #expect(page.hasPrefix("<!DOCTYPE html>") && page.hasSuffix("</html>\n"))
        let ranking = try #require(page.firstRange(of: "<table class=\"ranking sortable\">"))
        let tableEnd = try #require(page[ranking.upperBound...].firstRange(of: "</table>"))
        let rows = page[ranking.upperBound..<tableEnd.lowerBound].ranges(of: "<tr>").count
        #expect(rows == 1 + report.result.officers.count, "a header row and a row per officer")
    }

    @Test func theTextOfALargeYearArrivesInPiecesWithEveryOfficersLineOncePerOfficer() throws {
        let report = try demoYear()
        let one = report.renderText().split(separator: "\n", omittingEmptySubsequences: false)
        let output = PieceOutput()
        repeated(report).writeText(to: output)
        #expect(output.writes.count > 3, "written in \(output.writes.count) piece(s)")
        let lines = output.text.split(separator: "\n", omittingEmptySubsequences: false)
        var counts: [Substring: Int] = [:]
        for line in lines { counts[line, default: 0] += 1 }
        // Each officer's ranking line and tie note: as often as the officer now appears.
        for officer in report.result.officers {
            let row = try #require(one.first { $0.contains(officer.officer.id) && $0.contains(officer.officer.name) })
            #expect(counts[row] == Self.copies * one.filter { $0 == row }.count, "\(row)")
        }
        #expect(lines.first == one.first)
        #expect(Array(lines.suffix(3)) == Array(one.suffix(3)))
    }
}
