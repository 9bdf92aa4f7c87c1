import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardReport
import ScorecardRules
import ScorecardTesting

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查规则文件和证据记录，列出全部问题。",
        discussion: """
            先检查规则，再检查每个季度的证据（或只查 --quarter 指定的季度），列出每一处问题：文件:行:列、\
            那一行的内容和指向问题的 ^、提示。然后核对每个已存档的季度（--results，默认 \
            <evidence>/results）：所用规则文件和证据文件的 SHA-256 是否仍与存档时一致。
            规则旁的测试用例文件（tests/）也一并读入检查；用 scorecard test 运行它们。
            退出码：0 没有问题（可以有警告）；1 证据有问题；2 规则或测试用例文件有问题。
            """
    )

    @OptionGroup var location: LocationOptions
    @OptionGroup var display: DisplayOptions

    @Option(name: .long, help: "输出格式：text（给人看）或 json（给程序用）。")
    var format: CheckFormat = .text

    @OptionGroup var results: ResultsOptions

    func run() throws {
        let workspace = Workspace(rulesPath: location.rules, evidencePath: location.evidence, limits: try inputLimits(display: display))
        guard workspace.policy != nil else {
            emit(workspace.ruleDiagnostics, summary: "规则有错误，未检查证据。")
            throw ExitCode(2)
        }
        // The test cases kept with the rules: loaded and their names checked (ScorecardTesting).
        let tests = workspace.versions.map { TestFilesCheck(rulesPath: location.rules, versions: $0) }
        // The roster's problems are the roster's: said once, before the quarters'.
        var diagnostics = workspace.ruleDiagnostics + (tests?.errors ?? []) + workspace.rosterDiagnostics
        var checked: [String] = []
        let quarters: [Quarter]
        if let requested = try location.parsedQuarter() {
            quarters = [requested]
        } else {
            quarters = workspace.evidenceFolder.quarters()
            if quarters.isEmpty {
                diagnostics.append(CommandMessages.noEvidenceQuarters(location.evidence))
            }
        }
        for quarter in quarters {
            let policy: Policy
            do throws(Diagnostic) {
                policy = try workspace.policy(for: quarter, version: location.rulesVersion)
            } catch {
                diagnostics.append(error)
                continue
            }
            // Only read and checked: nothing is scored, so nothing is kept.
            var sink = DiscardingSink()
            let outcome = workspace.pipeline(for: quarter, under: policy).run(evaluating: false, into: &sink)
            diagnostics += outcome.problems
            checked.append("\(quarter)（\(outcome.recordCount) 条记录，规则版本 \(policy.metadata.version)）")
        }
        let breaches = rosterBreaches(workspace, quarters: quarters)
        diagnostics += breaches
        // Recorded quarters (the result ledger): their inputs must still be as recorded. Ledger+CLI.swift.
        var recorded = DiagnosticSink()
        let ledgerSummary = verifyRecordedQuarters(
            location: location, results: results, only: try location.parsedQuarter(), sink: &recorded)
        diagnostics += recorded.take()
        let rosterNote = workspace.policy?.roster != nil && !quarters.isEmpty && breaches.isEmpty ? "；名册符合选配规定" : ""
        let summary =
            "规则：\(location.rules) 通过检查\(tests?.note ?? "")；证据：" + (checked.isEmpty ? "无" : checked.joined(separator: "、")) + rosterNote
            + ledgerSummary
        emit(diagnostics, summary: summary)
        if tests?.errors.isEmpty == false { throw ExitCode(2) }
        if diagnostics.hasErrors { throw ExitCode(1) }
    }

    /// The roster against the selection rules (clause 2.2.2) over the quarters checked; only on
    /// a roster that loaded cleanly, since a rejected row would pass for a vacancy.
    private func rosterBreaches(_ workspace: Workspace, quarters: [Quarter]) -> [Diagnostic] {
        guard let rules = workspace.policy?.roster, let roster = workspace.roster, !workspace.rosterDiagnostics.hasErrors else { return [] }
        var sink = DiagnosticSink()
        RosterChecks(rules: rules, roster: roster).check(quarters: quarters, sink: &sink)
        return sink.take()
    }

    private func emit(_ diagnostics: [Diagnostic], summary: String) {
        switch format {
        case .json:
            writeOutput(renderDiagnosticsJSON(diagnostics.foldingDroppedRowEchoes()))
        default:
            report(diagnostics, display: display)
            if !diagnostics.hasErrors { writeOutput(summary + "\n") }
        }
    }
}
