import Foundation
import Testing
import ScorecardTestSupport

/// `scorecard test`, `eval`, and the test cases in `check` and `diff`, as a policy officer runs them.
@Suite("test")
struct TestCommandTests {
    /// README's test command is `swift test`: this is where it runs the bundled test cases.
    @Test func theBundledTestCasesPass() throws {
        let run = try CLI.cached(["test"])
        #expect(run.status == 0, "\(run.stdout)\n\(run.stderr)")
        #expect(run.stderr == "")
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let last = try #require(lines.last)
        #expect(last.range(of: #"^\d+ passed, 0 failed$"#, options: .regularExpression) != nil, "\(last)")
        // One line per case before it, every one passed.
        let cases = lines.dropLast()
        #expect(!cases.isEmpty)
        #expect(cases.allSatisfy { $0.hasPrefix("通过  ") }, "\(cases.filter { !$0.hasPrefix("通过  ") })")
        #expect(last == "\(cases.count) passed, 0 failed")
    }

    @Test func theBundledTestCasesCoverTheBundledRules() throws {
        let run = try CLI.cached(["test", "--coverage"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("  版本 2021.1：项目 20/20，计分条件 1/1，记录检查 3/3，奖励标准 2/2，等级 4/4，任职条件 4/4，比较项 2/2\n"))
        #expect(run.stdout.contains("  版本 2025.1：项目 20/20，计分条件 1/1，记录检查 3/3，奖励标准 2/2，等级 4/4，任职条件 4/4，比较项 2/2\n"))
        #expect(run.stdout.contains("\n全部覆盖。\n"))
        #expect(!run.stdout.contains("未覆盖"))
    }

    /// The acceptance case of issue 11: a revised rate in a copy of the rules fails the case that
    /// pins it, naming the expectation's place and the rate's.
    @Test func aChangedRateFailsWithTheExpectationsPlaceAndTheRatesPlace() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try ws.replace("rules/rewards.yaml", "        矿: 30\n", with: "        矿: 31\n")
        let rate = try ws.position(of: "矿: 31", in: "rules/rewards.yaml")
        let run = try ws.run(["test"])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("失败  矿采纳的建议每条 30 元（2021.1 · 2025-Q2）\n"))
        let expected = try ws.position(of: "adopted_suggestions: {amount: 60,", in: "rules/tests/rewards.yaml")
        let column = expected.column + "adopted_suggestions: {amount: ".count
        #expect(
            run.stdout.contains(
                "      rules/tests/rewards.yaml:\(expected.line):\(column): 联系员 1001 的奖励 adopted_suggestions 的金额：期望 60，实际 62.00\n"),
            "\(run.stdout)")
        #expect(
            run.stdout.contains(
                "        矿 2 条 × 31 = 62.00 元；规则 rules/rewards.yaml:\(rate.line):\(rate.column)（矿 31）、rules/rewards.yaml:4:5（奖励 adopted_suggestions）；依据 2.3.1\n"
            ))
        // Only the 2021.1 cases that pay a 矿 rate fail; 2025.1 has its own rate.
        #expect(!run.stdout.contains("失败  矿采纳的建议每条 40 元"))
        let last = try #require(run.stdout.split(separator: "\n").last)
        #expect(last.hasSuffix(" failed") && !last.hasSuffix(" 0 failed"))
    }

    @Test func aMisspeltKeyInATestFileIsALocatedError() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try ws.replace("rules/tests/rewards.yaml", "  - name: 区队采纳的建议每条 5 元\n    records:", with: "  - name: 区队采纳的建议每条 5 元\n    recrods:")
        let place = try ws.position(of: "recrods:", in: "rules/tests/rewards.yaml")
        let run = try ws.run(["test"])
        #expect(run.status == 2)
        #expect(
            run.stderr.contains(
                "rules/tests/rewards.yaml:\(place.line):\(place.column): 错误[rules.unknown-key]: 第 2 个测试用例中没有“recrods”这个键\n"),
            "\(run.stderr)")
        #expect(run.stderr.contains("= 提示: 是否想写“records”？"))
        // check finds it too.
        let check = try ws.run(["check"])
        #expect(check.status == 2)
        #expect(check.stderr.contains("rules/tests/rewards.yaml:\(place.line):\(place.column): 错误[rules.unknown-key]"))
    }

    @Test func checkReportsATestThatNamesAnUnknownItemOrField() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try ws.replace("rules/tests/items.yaml", "          i07: 5          # 13", with: "          i7: 5          # 13")
        try ws.replace("rules/tests/items.yaml", "        reports_due: 8\n", with: "        reprots_due: 8\n")
        let item = try ws.position(of: "i7: 5", in: "rules/tests/items.yaml")
        let field = try ws.position(of: "reprots_due: 8", in: "rules/tests/items.yaml")
        let run = try ws.run(["check"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(
            run.stderr.contains("rules/tests/items.yaml:\(item.line):\(item.column): 错误[test.unknown-item]: 规则版本 2021.1 中没有考核项目“i7”\n"),
            "\(run.stderr)")
        #expect(
            run.stderr.contains(
                "rules/tests/items.yaml:\(field.line):\(field.column): 错误[evidence.unknown-column]: 规则中没有“reprots_due”这一列\n"))
    }

    @Test func oneCaseByPatternAndJSON() throws {
        let run = try CLI.run(["test", "--run", "59.99", "--format", "json"])
        #expect(run.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        let cases = try #require(document["cases"] as? [[String: Any]])
        #expect(cases.map { $0["name"] as? String } == ["59.99 分为不合格", "59.99 分为不合格"])
        #expect(cases.map { $0["version"] as? String } == ["2021.1", "2025.1"])
        let summary = try #require(document["summary"] as? [String: Any])
        #expect((summary["passed"] as? NSNumber)?.intValue == 2)
        #expect(summary["line"] as? String == "2 passed, 0 failed")
        let expectation = try #require((cases.first?["expectations"] as? [[String: Any]])?.first)
        #expect(expectation["what"] as? String == "总分")
        #expect(expectation["actual"] as? String == "59.99")
        #expect(expectation["passed"] as? Bool == true)
    }

    @Test func aSingleTestFileByPath() throws {
        let run = try CLI.run(["test", "rules/2025-07-01/tests/grades.yaml"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("通过  正好 80.00 分为良好（2025.1 · 2025-Q3）\n"))
        #expect(!run.stdout.contains("2021.1"))
    }

    @Test func aRuleFolderAsPathRunsTheTestsOfEveryVersionInIt() throws {
        let all = try CLI.cached(["test"])
        let byFolder = try CLI.run(["test", "rules"])
        #expect(byFolder.status == 0)
        #expect(byFolder.stdout == all.stdout)
        let oneVersion = try CLI.run(["test", "rules/2025-07-01"])
        #expect(oneVersion.status == 0)
        #expect(!oneVersion.stdout.contains("（2021.1"))
    }

    @Test func rulesWithoutTestsAreSaidToHaveNone() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try FileManager.default.removeItem(at: ws.url("rules/tests"))
        try FileManager.default.removeItem(at: ws.url("rules/2025-07-01/tests"))
        let run = try ws.run(["test"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("错误[test.no-files]: 没有找到测试文件"))
        // check is content without them, and says nothing about test cases.
        let check = try ws.run(["check"])
        #expect(check.status == 0)
        #expect(check.stdout.hasPrefix("规则：rules 通过检查；证据："))
    }

    @Test func diffListsTheExpectationsTheRevisionChanges() throws {
        let run = try CLI.cached(["diff", "rules", "rules/2025-07-01", "--color", "never"])
        #expect(run.status == 1)
        let section = try #require(run.stdout.components(separatedBy: "测试用例在新版本下的结果\n").last)
        #expect(section.hasPrefix("rules/tests 中的 "))
        let grade = try Workspace.position(of: "        grade: 良好", inPackageFile: "rules/tests/items.yaml")
        #expect(
            section.contains(
                "  石磊 2025-Q4 的二十项得分、总分、等级与奖励\n    rules/tests/items.yaml:\(grade.line):\(grade.column + 15): 联系员 10533（石磊）的等级：期望 良好；旧版本 良好 → 新版本 合格（原来通过，现在不通过）\n"
            ), "\(section)")
        #expect(section.contains("新版本：总分 76.84 落在“合格”：60 分及以上、低于 80 分；规则 rules/2025-07-01/policy.yaml:47:7（等级 合格）；依据 2.3.1"))
        #expect(section.contains("旧版本 110.00 → 新版本 140.00（原来通过，现在不通过）"))
        let json = try CLI.cached(["diff", "rules", "rules/2025-07-01", "--format", "json"])
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        let tests = try #require(document["tests"] as? [String: Any])
        #expect(tests["old_version"] as? String == "2021.1")
        #expect((tests["changes"] as? [Any])?.isEmpty == false)
        let markdown = try CLI.cached(["diff", "rules", "rules/2025-07-01", "--format", "markdown"])
        #expect(markdown.stdout.contains("## 测试用例在新版本下的结果\n"))
    }

    /// `diff HEAD:rules rules`: the committed version's test cases, read from git, under the draft.
    @Test func diffReadsTheOldVersionsTestsFromGit() throws {
        let fm = FileManager.default
        let scratch = try TemporaryFolder(prefix: "scorecard-gittests")
        defer { scratch.remove() }
        let repo = URL(fileURLWithPath: scratch.path)
        try fm.createDirectory(at: repo.appendingPathComponent("rules/tests"), withIntermediateDirectories: true)
        let rules = CLI.packageRoot.appendingPathComponent("rules")
        for sub in ["", "tests"] {
            for name in try fm.contentsOfDirectory(atPath: rules.appendingPathComponent(sub).path) where name.hasSuffix(".yaml") {
                try fm.copyItem(
                    at: rules.appendingPathComponent(sub).appendingPathComponent(name),
                    to: repo.appendingPathComponent("rules").appendingPathComponent(sub).appendingPathComponent(name))
            }
        }
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.name=测试", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"] + arguments
            process.currentDirectoryURL = repo
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "git \(arguments)")
        }
        try git("init", "-q")
        try git("add", "rules")
        try git("commit", "-q", "-m", "2021.1 with its tests")
        // The draft: the mine's rate raised to 40 in the working tree.
        let rewards = repo.appendingPathComponent("rules/rewards.yaml")
        let text = try String(contentsOf: rewards, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "        矿: 30\n", with: "        矿: 40\n").utf8).write(to: rewards)

        let run = try CLI.run(["diff", "HEAD:rules", "rules", "--no-impact"], in: repo)
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("HEAD:rules/tests 中的 "), "\(run.stdout)")
        let place = try Workspace.position(of: "adopted_suggestions: {amount: 60,", inPackageFile: "rules/tests/rewards.yaml")
        let column = place.column + "adopted_suggestions: {amount: ".count
        #expect(
            run.stdout.contains(
                "HEAD:rules/tests/rewards.yaml:\(place.line):\(column): 联系员 1001 的奖励 adopted_suggestions 的金额：期望 60；旧版本 60.00 → 新版本 80.00（原来通过，现在不通过）"
            ))
        #expect(run.stdout.contains("新版本：矿 2 条 × 40 = 80.00 元；规则 rules/rewards.yaml:12:9（矿 40）"))
    }

    @Test func evalShowsTheValuesReadWithTheirPlaces() throws {
        let run = try CLI.run(["eval", "5 * reports_on_time / reports_due", "--officer", "石磊", "--quarter", "2025-Q4"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(
            run.stdout == """
                表达式 5 * reports_on_time / reports_due
                类型 小数（按规则版本 2025.1 检查，名称和类型都正确）
                联系员 10533 石磊（机电队 夜班）· 2025-Q4
                用到：reports_due = 6（seeds/2025-Q4/scores.csv:18:75），reports_on_time = 5（seeds/2025-Q4/scores.csv:18:77）
                = 4.166666666666666667

                """)
    }

    /// No rule reads a suggestion's wording, so the quarter's rows leave it out; an expression
    /// tried with `eval` is not in the rules, and may read it all the same.
    @Test func evalReadsListFieldsNoRuleReads() throws {
        let run = try CLI.run(["eval", "count(suggestions, title != \"\")", "--officer", "10418", "--quarter", "2025-Q4"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasSuffix("用到：suggestions = 1 条\n= 1\n"), "\(run.stdout)")
    }

    @Test func evalChecksNamesAndTypesAgainstTheRules() throws {
        let misspelt = try CLI.run(["eval", "reprots_due > 0"])
        #expect(misspelt.status == 2)
        #expect(misspelt.stderr.contains("表达式:1:1: 错误[expr.name.unknown]"))
        #expect(misspelt.stderr.contains("= 提示: 是否想写“reports_due”？"))
        let byZero = try CLI.run(["eval", "reports_due / incidents", "--officer", "10339"])
        #expect(byZero.status == 1)
        #expect(byZero.stderr.contains("表达式:1:15: 错误[expr.eval.division-by-zero]"))
        #expect(byZero.stdout.contains("用到：incidents = 0（seeds/2025-Q4/scores.csv:8:81）"))
    }
}

extension Workspace {
    /// Like `position(of:in:)`, in the package's own files.
    static func position(of needle: String, inPackageFile path: String) throws -> (line: Int, column: Int) {
        let text = try String(contentsOf: CLI.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let hits = lines.enumerated().filter { $0.element.contains(needle) }
        try #require(hits.count == 1, "expected “\(needle)” on exactly one line of \(path)")
        let line = hits[0].element
        guard let range = line.range(of: needle) else { throw CocoaError(.fileReadUnknown) }
        return (hits[0].offset + 1, line[..<range.lowerBound].unicodeScalars.count + 1)
    }
}
