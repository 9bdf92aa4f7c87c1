import Foundation
import Testing

@Suite("check")
struct CheckTests {
    @Test func bundledRulesAndEvidencePass() throws {
        let run = try CLI.run(["check"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        // Each quarter names the version of the rules in force for it: the 2025 revision from Q3.
        // The test cases kept with the rules are loaded and checked too, and counted.
        #expect(run.stdout.range(of: #"^规则：rules 通过检查；测试用例：\d+ 个（\d+ 个文件）；"#, options: .regularExpression) != nil, "\(run.stdout)")
        #expect(
            run.stdout.hasSuffix(
                "；证据：2025-Q1（20 条记录，规则版本 2021.1）、2025-Q2（20 条记录，规则版本 2021.1）、2025-Q3（20 条记录，规则版本 2025.1）、2025-Q4（20 条记录，规则版本 2025.1）；名册符合选配规定\n"
            ))
    }

    @Test func bundledRulesPassAsJSON() throws {
        let run = try CLI.run(["check", "--quarter", "2025-Q4", "--format", "json"])
        #expect(run.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        #expect((document["errors"] as? NSNumber)?.intValue == 0)
        #expect((document["warnings"] as? NSNumber)?.intValue == 0)
        #expect((document["diagnostics"] as? [Any])?.isEmpty == true)
    }

    @Test func oneQuarterOnly() throws {
        let run = try CLI.run(["check", "--quarter", "2025-Q2"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("规则：rules 通过检查；测试用例："))
        #expect(run.stdout.hasSuffix("；证据：2025-Q2（20 条记录，规则版本 2021.1）；名册符合选配规定\n"))
    }

    @Test func csvIsNotACheckFormat() throws {
        let run = try CLI.run(["check", "--format", "csv"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("可选：text、json"))
    }

    /// What the broken copy should report: file, the text the problem is at, the code, and
    /// whether the column is pinned to that text's first character.
    struct Expected {
        var file: String
        var token: String
        var code: String
        var exactColumn = true
    }

    /// Breaks the bundled rules in several ways in several files; every problem must be found
    /// in one run.
    static func brokenRules() throws -> (Workspace, [Expected]) {
        let ws = try Workspace()
        // A misspelt key.
        try ws.replace("rules/policy.yaml", "  precision: 2        # 各项", with: "  precison: 2        # 各项")
        // A misspelt key with Chinese around it, in another file.
        try ws.replace("rules/items.yaml", "  - id: i01\n", with: "  - id: i01\n    titel: 测试\n")
        // An unknown name in a formula.
        try ws.replace("rules/items.yaml", "5 * reports_on_time / reports_due", with: "5 * reports_ontime / reports_due")
        // An unknown name after Chinese text on the same line.
        try ws.replace(
            "rules/eligibility.yaml", #"require: branch_review == "通过""#, with: #"require: branch_review == "通过" and volunteerd"#)
        // A duplicate id.
        try ws.replace("rules/items.yaml", "  - id: i09\n", with: "  - id: i08\n")
        // A gap between grades: 良好 now stops at 88, 优秀 starts at 90.
        try ws.replace("rules/policy.yaml", "      below: 90\n", with: "      below: 88\n")
        // An unknown fund.
        try ws.replace("rules/rewards.yaml", "fund: party_building  #", with: "fund: party_buildng  #")
        let expected = [
            Expected(file: "rules/policy.yaml", token: "precison", code: "rules.unknown-key"),
            Expected(file: "rules/items.yaml", token: "titel", code: "rules.unknown-key"),
            Expected(file: "rules/items.yaml", token: "reports_ontime", code: "expr.name.unknown"),
            Expected(file: "rules/eligibility.yaml", token: "volunteerd", code: "expr.name.unknown"),
            Expected(file: "rules/items.yaml", token: "- id: i08\n    title: 熟悉", code: "rules.duplicate-id", exactColumn: false),
            Expected(file: "rules/policy.yaml", token: "- name: 良好", code: "rules.grade-gap", exactColumn: false),
            Expected(file: "rules/rewards.yaml", token: "party_buildng", code: "rules.unknown-fund"),
        ]
        return (ws, expected)
    }

    /// Line of `token` (which may span lines: the line it starts on) in a UTF-8 file.
    static func line(of token: String, in ws: Workspace, file: String) throws -> (line: Int, column: Int) {
        let text = try ws.text(file)
        let range = try #require(text.range(of: token), "“\(token)” not in \(file)")
        #expect(text.range(of: token, range: range.upperBound..<text.endIndex) == nil, "“\(token)” twice in \(file)")
        let before = text[..<range.lowerBound]
        let line = before.filter { $0 == "\n" }.count + 1
        let lineStart = before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex
        return (line, text[lineStart..<range.lowerBound].unicodeScalars.count + 1)
    }

    @Test func brokenRulesListEveryProblem() throws {
        let (ws, expected) = try Self.brokenRules()
        defer { ws.remove() }
        let run = try ws.run(["check"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        let blocks = DiagnosticBlock.parse(run.stderr)
        #expect(blocks.count == expected.count, "\(run.stderr)")
        #expect(run.stderr.hasSuffix("\(expected.count) 个错误\n"))

        for problem in expected {
            let place = try Self.line(of: problem.token, in: ws, file: problem.file)
            let block = blocks.first { $0.file == problem.file && $0.code == problem.code && $0.line == place.line }
            guard let block else {
                Issue.record("no \(problem.code) at \(problem.file):\(place.line) in:\n\(run.stderr)")
                continue
            }
            #expect(block.severity == "错误")
            if problem.exactColumn { #expect(block.column == place.column, "\(block.header)") }
            // The echoed line is the file's line, and a hint says what to do.
            let sourceLine = try ws.text(problem.file).components(separatedBy: "\n")[place.line - 1]
            let echo = try #require(block.echo, "no source line under \(block.header)")
            #expect(
                echo.source.hasSuffix(" | " + sourceLine.trimmingCharacters(in: .whitespaces)) || echo.source.hasSuffix(" | " + sourceLine),
                "\(echo.source)")
            #expect(echo.carets.contains("^"))
            #expect(block.hint?.isEmpty == false, "\(block.header) has no hint")
        }
    }

    @Test func caretsUnderTheRightColumnAfterChineseText() throws {
        let (ws, _) = try Self.brokenRules()
        defer { ws.remove() }
        let run = try ws.run(["check"])
        let blocks = DiagnosticBlock.parse(run.stderr)

        let eligibility = try #require(blocks.first { $0.file == "rules/eligibility.yaml" })
        let echo = try #require(eligibility.echo)
        #expect(echo.source.contains("\"通过\" and volunteerd"))
        let placement = try #require(eligibility.caretPlacement(of: "volunteerd"))
        #expect(placement.token != nil)
        #expect(
            placement.caret == placement.token,
            "carets at cell \(placement.caret), “volunteerd” at cell \(placement.token ?? -1):\n\(echo.source)\n\(echo.carets)")
        #expect(placement.carets == "volunteerd".count)
        // Counting characters instead of cells would put it two cells to the left.
        #expect(placement.caret != echo.source.distance(from: echo.source.startIndex, to: echo.source.range(of: "volunteerd")!.lowerBound))
        #expect(eligibility.hint == "是否想写“volunteered”？")

        for problem in [("rules/items.yaml", "reports_ontime"), ("rules/policy.yaml", "precison"), ("rules/rewards.yaml", "party_buildng")]
        {
            let block = try #require(blocks.first { $0.file == problem.0 && $0.echo?.source.contains(problem.1) == true })
            let placement = try #require(block.caretPlacement(of: problem.1))
            #expect(placement.caret == placement.token, "\(block.header)")
            #expect(placement.carets == problem.1.count, "\(block.header)")
        }
    }

    @Test func notesPointAtTheOtherPlace() throws {
        let (ws, _) = try Self.brokenRules()
        defer { ws.remove() }
        let run = try ws.run(["check"])
        let duplicate = try #require(DiagnosticBlock.parse(run.stderr).first { $0.code == "rules.duplicate-id" })
        let first = try Self.line(of: "- id: i08\n    title: 遇到", in: ws, file: "rules/items.yaml")
        #expect(duplicate.body.contains { $0.contains("= 说明: rules/items.yaml:\(first.line):") })
    }

    @Test func brokenRulesAsJSON() throws {
        let (ws, expected) = try Self.brokenRules()
        defer { ws.remove() }
        let run = try ws.run(["check", "--format", "json"])
        #expect(run.status == 2)
        let document = try #require(try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        #expect((document["errors"] as? NSNumber)?.intValue == expected.count)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == expected.count)
        for problem in expected {
            let place = try Self.line(of: problem.token, in: ws, file: problem.file)
            let found = diagnostics.first {
                $0["code"] as? String == problem.code && $0["file"] as? String == problem.file
                    && ($0["line"] as? NSNumber)?.intValue == place.line
            }
            let diagnostic = try #require(found, "\(problem.code) at \(problem.file):\(place.line)")
            #expect(diagnostic["severity"] as? String == "error")
            #expect((diagnostic["message"] as? String)?.isEmpty == false)
            #expect((diagnostic["hint"] as? String)?.isEmpty == false)
            if problem.exactColumn { #expect((diagnostic["column"] as? NSNumber)?.intValue == place.column) }
        }
        // Text diagnostics are not mixed into the JSON.
        #expect(!run.stdout.contains("错误["))
    }

    @Test(arguments: [["evaluate"], ["explain", "10533"]])
    func brokenRulesStopTheOtherCommandsToo(command: [String]) throws {
        let (ws, expected) = try Self.brokenRules()
        defer { ws.remove() }
        let run = try ws.run(command)
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(DiagnosticBlock.parse(run.stderr).count == expected.count)
    }
}

@Suite("rule warnings")
struct RuleWarningTests {
    @Test(arguments: [["evaluate"], ["explain", "10533"], ["check"]])
    func aWarningInTheRulesIsShownAndDoesNotStopTheRun(command: [String]) throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try ws.replace("rules/items.yaml", "    clause: 考核标准9\n", with: "")
        let place = try ws.position(of: "  - id: i09", in: "rules/items.yaml")
        let run = try ws.run(command + ["--quarter", "2025-Q4"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.isEmpty)
        let blocks = DiagnosticBlock.parse(run.stderr)
        #expect(blocks.map(\.code) == ["rules.missing-clause"], "\(command): stderr is “\(run.stderr)”")
        #expect(blocks.first.map { $0.severity == "警告" && $0.file == "rules/items.yaml" && $0.line == place.line } == true)
        #expect(run.stderr.hasSuffix("1 个警告\n"))
    }
}
