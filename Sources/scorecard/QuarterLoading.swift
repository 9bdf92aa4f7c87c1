import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardRules

/// Which quarter under which rules: the rules loaded (rule errors exit 2), the quarter
/// resolved and its version chosen. Where `evaluate` and `explain` start.
struct ChosenQuarter {
    var workspace: Workspace
    var quarter: Quarter
    var policy: Policy

    init(_ location: LocationOptions, display: DisplayOptions) throws {
        let workspace = Workspace(rulesPath: location.rules, evidencePath: location.evidence, limits: try inputLimits(display: display))
        report(workspace.ruleDiagnostics, display: display) // only warnings when the rules loaded
        guard workspace.versions != nil else { throw ExitCode(2) }
        let requested = try location.parsedQuarter()
        do throws(Diagnostic) {
            quarter = try workspace.resolveQuarter(requested)
        } catch {
            report([error], display: display)
            throw ExitCode(1)
        }
        do throws(Diagnostic) {
            policy = try workspace.policy(for: quarter, version: location.rulesVersion)
        } catch {
            report([error], display: display)
            throw ExitCode(2)
        }
        self.workspace = workspace
    }

    var pipeline: QuarterPipeline { workspace.pipeline(for: quarter, under: policy) }

    /// The roster's problems and the quarter's, in the order a reader goes through the files.
    func problems(_ outcome: QuarterOutcome) -> [Diagnostic] {
        (workspace.rosterDiagnostics + outcome.problems).sortedForDisplay()
    }
}

/// A quarter read and evaluated with its records and results kept (`explain`, `--record`).
struct LoadedQuarter {
    var policy: Policy
    var run: Workspace.QuarterRun
    /// The roster's problems and the quarter's, in the order a reader goes through the files:
    /// part of the quarter's outcome, which every command shows before its results.
    var problems: [Diagnostic]
    var roster: Roster?
    /// The quarters with evidence, oldest first.
    var quarters: [Quarter]

    /// `keepingEveryListField`: list rows keep fields no rule reads, for an expression tried
    /// against the records (`scorecard eval`).
    init(_ location: LocationOptions, display: DisplayOptions, partial: Bool = false, keepingEveryListField: Bool = false) throws {
        let chosen = try ChosenQuarter(location, display: display)
        var policy = chosen.policy
        policy.layout.keepsEveryListField = keepingEveryListField
        let run = chosen.workspace.run(chosen.quarter, under: policy, partial: partial)
        self.roster = chosen.workspace.roster
        self.quarters = chosen.workspace.evidenceFolder.quarters()
        self.policy = policy
        self.run = run
        self.problems = chosen.problems(run.outcome)
    }
}
