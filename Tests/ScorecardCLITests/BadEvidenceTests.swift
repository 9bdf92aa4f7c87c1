import Foundation
import Testing

@Suite("bad evidence")
struct BadEvidenceTests {
    /// 2025-Q1 (UTF-8, LF) with four problems in two files.
    static func brokenQ1() throws -> Workspace {
        let ws = try Workspace()
        let scores = "seeds/2025-Q1/scores.csv"
        var lines = try ws.text(scores).components(separatedBy: "\n")
        try #require(lines.count == 22 && lines[21].isEmpty) // header, 20 rows, final newline
        // A value out of range: i02 is marked out of 5.
        try #require(lines[1].hasPrefix("10231,5.0,5.0,"))
        lines[1] = "10231,5.0,7.0," + lines[1].dropFirst("10231,5.0,5.0,".count)
        // A duplicate row (line 22) and an officer who is not on the roster (line 23).
        lines[21] = lines[2]
        lines.append("99999" + lines[2].dropFirst(5))
        lines.append("")
        try ws.write(scores, lines.joined(separator: "\n"))
        // An adoption date outside the quarter.
        try ws.replace("seeds/2025-Q1/suggestions.csv", "10533,2025-01-03,", with: "10533,2025-04-03,")
        return ws
    }

    static let expected: [(place: String, code: String)] = [
        ("seeds/2025-Q1/scores.csv:2:11", "evidence.bad-value"),
        ("seeds/2025-Q1/scores.csv:22:1", "evidence.duplicate-record"),
        ("seeds/2025-Q1/scores.csv:23:1", "evidence.unknown-officer"),
        ("seeds/2025-Q1/suggestions.csv:3:7", "evidence.date-outside-quarter"),
    ]

    @Test(arguments: ["text", "json", "csv"])
    func evaluateListsEveryProblemAndWritesNothing(format: String) throws {
        let ws = try Self.brokenQ1()
        defer { ws.remove() }
        let run = try ws.run(["evaluate", "--quarter", "2025-Q1", "--format", format])
        #expect(run.status == 1)
        #expect(run.stdoutData.isEmpty, "stdout: \(run.stdout)")
        let blocks = DiagnosticBlock.parse(run.stderr)
        #expect(blocks.count == Self.expected.count, "\(run.stderr)")
        for (place, code) in Self.expected {
            let block = blocks.first { "\($0.file):\($0.line):\($0.column)" == place && $0.code == code }
            #expect(block != nil, "\(code) at \(place) missing from:\n\(run.stderr)")
            #expect(block?.echo != nil, "\(place): no source line")
            #expect(block?.hint?.isEmpty == false, "\(place): no hint")
        }
        #expect(run.stderr.contains("4 个错误"))
        #expect(run.stderr.contains("未输出结果"))
    }

    @Test func theDuplicateNamesTheFirstRow() throws {
        let ws = try Self.brokenQ1()
        defer { ws.remove() }
        let run = try ws.run(["evaluate", "--quarter", "2025-Q1"])
        let duplicate = try #require(DiagnosticBlock.parse(run.stderr).first { $0.code == "evidence.duplicate-record" })
        #expect(duplicate.body.contains { $0.contains("= 说明: seeds/2025-Q1/scores.csv:3:1") })
        let outOfRange = try #require(DiagnosticBlock.parse(run.stderr).first { $0.code == "evidence.bad-value" })
        let placement = try #require(outOfRange.caretPlacement(of: "7.0"))
        #expect(placement.caret == placement.token)
        #expect(placement.carets == 3)
    }

    @Test func checkFindsTheSameProblems() throws {
        let ws = try Self.brokenQ1()
        defer { ws.remove() }
        let run = try ws.run(["check"])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        let blocks = DiagnosticBlock.parse(run.stderr)
        #expect(blocks.map { "\($0.file):\($0.line):\($0.column)" } == Self.expected.map(\.place))

        let json = try ws.run(["check", "--quarter", "2025-Q1", "--format", "json"])
        #expect(json.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.compactMap { $0["code"] as? String } == Self.expected.map(\.code))
        #expect(diagnostics.compactMap { ($0["line"] as? NSNumber)?.intValue } == [2, 22, 23, 3])
    }

    @Test func otherQuartersAreUnaffected() throws {
        let ws = try Self.brokenQ1()
        defer { ws.remove() }
        #expect(try ws.run(["evaluate"]).status == 0)
        #expect(try ws.run(["explain", "10533", "--quarter", "2025-Q1"]).status == 1)
    }
}

/// Problems that do not stop a run are still shown, by every command that reads the evidence.
@Suite("evidence warnings")
struct EvidenceWarningTests {
    /// 2025-Q1 without its suggestions file: counted as no suggestions, with a warning.
    static func withoutSuggestions() throws -> Workspace {
        let ws = try Workspace()
        try FileManager.default.removeItem(at: ws.url("seeds/2025-Q1/suggestions.csv"))
        return ws
    }

    @Test(arguments: [["evaluate"], ["explain", "10533"], ["check"]])
    func aMissingListIsAWarningThatEveryCommandShows(command: [String]) throws {
        let ws = try Self.withoutSuggestions()
        defer { ws.remove() }
        let run = try ws.run(command + ["--quarter", "2025-Q1"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.isEmpty)
        #expect(run.stderr.contains("警告[evidence.no-list]"), "\(command): stderr is “\(run.stderr)”")
        #expect(run.stderr.contains("seeds/2025-Q1/suggestions.csv"))
        #expect(run.stderr.hasSuffix("1 个警告\n"))
    }

    @Test func theExplanationOfAZeroRewardComesWithItsWarning() throws {
        let ws = try Self.withoutSuggestions()
        defer { ws.remove() }
        let run = try ws.run(["explain", "石磊", "--quarter", "2025-Q1"])
        #expect(run.stdoutLines.contains("奖励合计 0.00 元"))
        #expect(run.stderr.contains("按本季度没有此类记录计算"))
    }
}
