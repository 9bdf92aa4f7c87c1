import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardRules

/// What `evaluate` and `explain` both start from: the rules loaded (rule errors exit 2), the
/// quarter resolved, and its evidence read and, when sound (or `partial`), evaluated.
struct LoadedQuarter {
    var policy: Policy
    var run: Workspace.QuarterRun
    /// The roster's problems and the quarter's, in the order a reader goes through the files.
    var problems: [Diagnostic]

    init(_ location: LocationOptions, display: DisplayOptions, partial: Bool = false) throws {
        let workspace = Workspace(rulesPath: location.rules, evidencePath: location.evidence)
        report(workspace.ruleDiagnostics, display: display) // only warnings when the rules loaded
        guard workspace.versions != nil else { throw ExitCode(2) }
        let quarter: Quarter
        switch workspace.resolveQuarter(try location.parsedQuarter()) {
        case .success(let resolved): quarter = resolved
        case .failure(let problem):
            report([problem], display: display)
            throw ExitCode(1)
        }
        let policy: Policy
        switch workspace.policy(for: quarter, version: location.rulesVersion) {
        case .success(let chosen): policy = chosen
        case .failure(let problem):
            report([problem], display: display)
            throw ExitCode(2)
        }
        let run = workspace.run(quarter, under: policy, partial: partial)
        self.policy = policy
        self.run = run
        self.problems = (workspace.rosterDiagnostics + run.evidenceProblems).sortedForDisplay()
    }
}
