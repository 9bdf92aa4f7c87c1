import Foundation
import Testing

@Suite("colour")
struct ColorTests {
    /// A run that has diagnostics to colour: a quarter with no evidence (exit 1).
    static let failing = ["evaluate", "--quarter", "2024-Q1"]

    @Test func alwaysColoursDiagnosticsEvenWithNoColorSet() throws {
        let run = try CLI.run(Self.failing + ["--color", "always"], environment: ["NO_COLOR": "1"])
        #expect(run.status == 1)
        #expect(run.stderr.containsANSI)
        #expect(run.stderr.contains("\u{1B}[1;31m错误[evidence.no-quarter]\u{1B}[0m"))
    }

    @Test func noColorTurnsAutoOff() throws {
        let run = try CLI.run(Self.failing + ["--color", "auto"], environment: ["NO_COLOR": "1"])
        #expect(run.status == 1)
        #expect(!run.stderr.containsANSI)
        #expect(!run.stdout.containsANSI)
    }

    @Test func pipedOutputHasNoColourByDefault() throws {
        for arguments in [Self.failing, ["evaluate"], ["explain", "10533"], ["check", "--quarter", "2025-Q4"]] {
            let run = try CLI.run(arguments, environment: ["NO_COLOR": nil, "TERM": "xterm-256color"])
            #expect(!run.stderr.containsANSI, "\(arguments)")
            #expect(!run.stdout.containsANSI, "\(arguments)")
        }
        let never = try CLI.run(Self.failing + ["--color", "never"], environment: ["NO_COLOR": nil])
        #expect(!never.stderr.containsANSI)
    }

    @Test func anEmptyNoColorDoesNotCount() throws {
        // no-color.org: only a non-empty NO_COLOR disables colour; --color always still wins.
        let run = try CLI.run(Self.failing + ["--color", "always"], environment: ["NO_COLOR": ""])
        #expect(run.stderr.containsANSI)
    }

    /// Colour only wraps text in SGR codes: without them the output is the plain output.
    @Test func colourAddsNothingButEscapes() throws {
        let (ws, _) = try CheckTests.brokenRules()
        defer { ws.remove() }
        let plain = try ws.run(["check", "--color", "never"])
        let coloured = try ws.run(["check", "--color", "always"])
        #expect(plain.status == 2 && coloured.status == 2)
        #expect(coloured.stderr.containsANSI)
        #expect(coloured.stderr.strippingANSI == plain.stderr)
        #expect(coloured.stdout == plain.stdout)
    }

    /// Issue 13: `--color` colours the text report (grades, failures); JSON and CSV never.
    @Test func dataOutputIsNeverColoured() throws {
        for format in ["json", "csv"] {
            let run = try CLI.run(["evaluate", "--color", "always", "--format", format])
            #expect(run.status == 0)
            #expect(!run.stdout.containsANSI, "\(format)")
            #expect(run.stdoutData == (try CLI.cached(["evaluate", "--format", format])).stdoutData)
        }
    }

    @Test func evaluateColoursTheBestGradeGreenAndTheLowestRed() throws {
        let run = try CLI.run(["evaluate", "--color", "always"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\u{1B}[1;32m优秀\u{1B}[0m"))
        #expect(!run.stdout.contains("\u{1B}[1;32m良好"))
        #expect(run.stdout.strippingANSI == (try CLI.cached(["evaluate"])).stdout, "colour adds nothing but escapes")
        let never = try CLI.run(["evaluate", "--color", "never"], environment: ["NO_COLOR": nil])
        #expect(!never.stdout.containsANSI)
    }

    @Test func anUnknownColourChoiceIsAUsageError() throws {
        let run = try CLI.run(["evaluate", "--color", "sometimes"])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("sometimes"))
    }
}

@Suite("help and usage")
struct HelpTests {
    @Test(arguments: [
        ["--help"], ["-h"], ["help"], [],
        ["check", "--help"], ["evaluate", "--help"], ["explain", "--help"],
        ["help", "check"], ["help", "evaluate"], ["help", "explain"],
    ])
    func helpExitsZero(arguments: [String]) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 0, "\(arguments): \(run.stderr)")
        #expect(run.stdout.contains("用法：scorecard"))
        #expect(run.stderr == "")
    }

    @Test(arguments: ["check", "evaluate", "explain"])
    func subcommandHelpDescribesItsOptions(command: String) throws {
        let run = try CLI.run([command, "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("用法：scorecard \(command)"))
        for option in ["--rules <path>", "--evidence <path>", "--quarter <year-Qn>", "--color <color>"] {
            #expect(run.stdout.contains(option), "\(command): \(option)")
        }
    }

    @Test func rootHelpListsSubcommandsAndExitCodes() throws {
        let run = try CLI.run(["--help"])
        for command in ["check", "evaluate", "explain"] { #expect(run.stdout.contains(command)) }
        #expect(run.stdout.contains("退出码"))
    }

    @Test func version() throws {
        let run = try CLI.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == "0.1.0\n")
    }

    @Test(arguments: [["bogus"], ["evaluate", "--frmat", "json"], ["evaluate", "--format", "xml"], ["explain", "1", "2"]])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 2, "\(arguments)")
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("错误："), "\(run.stderr)")
    }

    /// Issue 13: help screens and usage errors are in Chinese, and fit the terminal.
    @Test(arguments: ["", "check", "evaluate", "explain", "annual", "vacancy", "eligibility", "diff"])
    func helpIsInChineseAndFitsEightyColumns(command: String) throws {
        let run = try CLI.run(command.isEmpty ? ["--help"] : ["help", command], environment: ["COLUMNS": "80"])
        #expect(run.status == 0)
        for english in ["OVERVIEW", "USAGE", "OPTIONS", "Show help information", "(default:", "(values:", "Output:", "Exit codes"] {
            #expect(!run.stdout.contains(english), "\(command): \(english)")
        }
        #expect(run.stdout.hasPrefix("说明："))
        let wide = run.stdoutLines.filter { DisplayWidth.of($0) > 80 && !$0.hasPrefix("用法：") }
        #expect(wide.isEmpty, "\(command): \(wide)")
    }

    /// A format the help offers is one the command writes: `vacancy --help` listed html and
    /// xlsx, which it then refused.
    @Test(arguments: [
        ("check", ["text", "json"]), ("vacancy", ["text", "json", "csv"]),
        ("eligibility", ["text", "json", "csv", "html"]), ("evaluate", ["text", "json", "csv", "html", "xlsx"]),
        ("annual", ["text", "json", "csv", "html", "xlsx"]),
    ])
    func helpListsOnlyTheFormatsTheCommandWrites(command: String, formats: [String]) throws {
        let help = try CLI.run(["help", command], environment: ["COLUMNS": "200"])
        let line = try #require(help.stdoutLines.first { $0.contains("--format") && $0.contains("可选：") }, "\(help.stdout)")
        let listed = try #require(line.components(separatedBy: "可选：").last?.components(separatedBy: "；").first)
        #expect(listed.components(separatedBy: "、") == formats, "\(line)")
        let offered = try CLI.run([command, "--format", "xml"])
        #expect(offered.stderr.contains("可选：" + formats.joined(separator: "、")), "\(offered.stderr)")
    }

    @Test func aMisspeltSubcommandIsSuggested() throws {
        let run = try CLI.run(["evaluat"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("错误：没有“evaluat”这个子命令；是否想写“evaluate”？\n"), "\(run.stderr)")
        let far = try CLI.run(["bogus"])
        #expect(far.stderr.hasPrefix("错误：没有“bogus”这个子命令；可用的子命令：check、evaluate、"), "\(far.stderr)")
    }

    @Test func usageErrorsAreWordedInChinese() throws {
        let misspelt = try CLI.run(["evaluate", "--frmat", "json"])
        #expect(misspelt.stderr.hasPrefix("错误：没有“--frmat”这个选项；是否想写“--format”？\n"), "\(misspelt.stderr)")
        #expect(misspelt.stderr.contains("用 scorecard evaluate --help 查看详细说明。"))
        let value = try CLI.run(["evaluate", "--format", "jsn"])
        #expect(value.stderr.hasPrefix("错误：“jsn”不是 --format 可用的值；是否想写“json”？可选：text、json、csv、html、xlsx\n"), "\(value.stderr)")
        let extra = try CLI.run(["explain", "10533", "10426"])
        #expect(extra.stderr.hasPrefix("错误：多余的参数“10426”\n"), "\(extra.stderr)")
        let missing = try CLI.run(["explain"])
        #expect(missing.stderr.hasPrefix("错误：缺少参数 <officer>\n说明：<officer>  联系员的工号或姓名。\n"), "\(missing.stderr)")
    }

    /// `check` has no CSV form: its help does not offer one, and asking for it is the usual usage error.
    @Test func checkHelpListsOnlyTheFormatsItTakes() throws {
        let help = try CLI.run(["check", "--help"], environment: ["COLUMNS": "200"])
        let lines = help.stdoutLines
        let start = try #require(lines.firstIndex { $0.hasPrefix("  --format <format>") })
        let format = lines[start...].prefix { $0 == lines[start] || $0.hasPrefix("      ") }.joined(separator: "\n")
        #expect(format.contains("可选：text、json；"), "\(format)")
        #expect(!format.contains("csv"), "\(format)")
        let run = try CLI.run(["check", "--format", "csv"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("错误：“csv”不是 --format 可用的值；可选：text、json\n"), "\(run.stderr)")
    }
}
