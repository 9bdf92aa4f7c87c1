import ArgumentParser
import ScorecardBase
import ScorecardRules
import ScorecardTesting

enum TestOutputFormat: String, ArgumentChoice {
    case text, json
}

/// `scorecard test [PATH]`: the test cases kept beside the rules, run through the engine.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "运行写在规则旁的测试用例，核对每项期望与计算结果是否相符。",
        discussion: """
            Runs the test cases kept with the rules (tests/*.yaml beside each version's rule \
            files: rules/tests/, rules/2025-07-01/tests/), or those at PATH (a test file, a \
            folder of test files, or a rule folder). One line per case; for each failed \
            expectation the expected and the actual value, the place of the expectation and the \
            rule (place and clause) behind the actual value. Ends with `N passed, M failed`. \
            See docs/testing.md.

            Exit codes: 0 every case passed; 1 a case failed; 2 an error in a test or rule file.
            """
    )

    @Argument(help: ArgumentHelp("A test file or folder; default: the tests of the rules in --rules.", valueName: "path"))
    var path: String?

    @Option(name: .long, help: ArgumentHelp("Rule file or folder (规则文件或文件夹).", valueName: "path"))
    var rules: String = "rules"

    @Option(
        name: .customLong("run"),
        help: ArgumentHelp("Run only the cases whose name contains this text (parts separated by |).", valueName: "pattern"))
    var pattern: String?

    @Option(name: .long, help: "Output: text (for people) or json (for scripts).")
    var format: TestOutputFormat = .text

    @Flag(name: .long, help: "Also list the items, conditions, rates, bands, criteria and tie-breakers no case exercised.")
    var coverage = false

    @OptionGroup var display: DisplayOptions

    func run() throws {
        var ruleProblems = DiagnosticSink()
        let loaded = PolicyLoader.loadVersions(path: rules, sink: &ruleProblems)
        report(ruleProblems.diagnostics, display: display)
        guard let versions = loaded else {
            writeError(CommandConclusions.rulesBrokenNoTests)
            throw ExitCode(2)
        }
        let sources: [TestSource]
        do throws(Diagnostic) {
            if let path {
                sources = try TestFiles.at(path, versions: versions)
            } else {
                sources = try TestFiles.of(rulesPath: rules, versions: versions)
            }
        } catch {
            report([error], display: display)
            throw ExitCode(2)
        }
        guard !sources.isEmpty else {
            report([CommandMessages.noTestFiles(rules: rules)], display: display)
            throw ExitCode(2)
        }
        let run = TestSuite.run(sources, versions: versions, pattern: pattern)
        let testReport = TestReport(
            run: run, coverage: coverage ? Coverage(run, versions: versions) : nil,
            color: format == .text && display.useColor(fileDescriptor: 1))
        switch format {
        case .text:
            report(run.diagnostics + run.outcomes.flatMap(\.errors), display: display)
            writeOutput(testReport.text())
        case .json:
            writeOutput(testReport.json())
        }
        if run.exitStatus != 0 { throw ExitCode(run.exitStatus) }
    }
}
