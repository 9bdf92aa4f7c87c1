import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardReport
import ScorecardRules

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查规则文件和证据记录，列出全部问题。",
        discussion: """
            Validates the rules and then every quarter of evidence (or only --quarter), reporting \
            every problem with file:line:column, the line with a caret, and a hint. Then checks \
            that every recorded quarter (--results, default <evidence>/results) still matches the \
            SHA-256 of the rule and evidence files it was computed from.
            Exit 0 when clean (warnings allowed), 1 when the evidence has problems, 2 when the rules do.
            """
    )

    @OptionGroup var location: LocationOptions
    @OptionGroup var display: DisplayOptions

    @Option(name: .long, help: "Output: text (for people) or json (for scripts).")
    var format: OutputFormat = .text

    @OptionGroup var results: ResultsOptions

    func validate() throws {
        if format != .text && format != .json { throw ValidationError("check 的输出格式只能是 text 或 json") }
    }

    func run() throws {
        let workspace = Workspace(rulesPath: location.rules, evidencePath: location.evidence, limits: try inputLimits(display: display))
        guard workspace.policy != nil else {
            emit(workspace.ruleDiagnostics, summary: "规则有错误，未检查证据。")
            throw ExitCode(2)
        }
        // The roster's problems are the roster's: said once, before the quarters'.
        var diagnostics = workspace.ruleDiagnostics + workspace.rosterDiagnostics
        var checked: [String] = []
        let quarters: [Quarter]
        if let requested = try location.parsedQuarter() {
            quarters = [requested]
        } else {
            quarters = workspace.evidenceFolder.quarters()
            if quarters.isEmpty {
                diagnostics.append(.warning("evidence.no-quarters", "证据文件夹“\(location.evidence)”中没有任何季度的记录", at: nil))
            }
        }
        for quarter in quarters {
            let policy: Policy
            switch workspace.policy(for: quarter, version: location.rulesVersion) {
            case .success(let chosen): policy = chosen
            case .failure(let problem):
                diagnostics.append(problem)
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
        let ledger = verifyRecordedQuarters(location: location, results: results, only: try location.parsedQuarter())
        diagnostics += ledger.diagnostics
        let rosterNote = workspace.policy?.roster != nil && !quarters.isEmpty && breaches.isEmpty ? "；名册符合选配规定" : ""
        let summary = "规则：\(location.rules) 通过检查；证据：" + (checked.isEmpty ? "无" : checked.joined(separator: "、")) + rosterNote + ledger.summary
        emit(diagnostics, summary: summary)
        if diagnostics.hasErrors { throw ExitCode(1) }
    }

    /// The roster against the selection rules (clause 2.2.2) over the quarters checked; only on
    /// a roster that loaded cleanly, since a rejected row would pass for a vacancy.
    private func rosterBreaches(_ workspace: Workspace, quarters: [Quarter]) -> [Diagnostic] {
        guard let rules = workspace.policy?.roster, let roster = workspace.roster, !workspace.rosterDiagnostics.hasErrors else { return [] }
        return RosterChecks(rules: rules, roster: roster).check(quarters: quarters)
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
