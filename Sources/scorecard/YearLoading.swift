import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardRules

/// Where the rules and evidence are, and which year: what `annual` and `vacancy` take.
struct YearOptions: ParsableArguments {
    @OptionGroup var paths: PathOptions

    @Option(name: .long, help: ArgumentHelp("年份，如 2025；不写时取最近一个有记录的年份。", valueName: "year"))
    var year: Int?
}

/// What `annual` and `vacancy` both start from: the rules loaded (rule errors exit 2), the year
/// resolved, every quarter of it read and evaluated under its own version of the rules (bad
/// evidence: every problem listed, nothing written, exit 1), and the year-end assessment.
struct LoadedYear {
    var policy: Policy
    var annual: AnnualResult

    init(_ options: YearOptions, display: DisplayOptions) throws {
        let workspace = Workspace(
            rulesPath: options.paths.rules, evidencePath: options.paths.evidence, limits: try inputLimits(display: display))
        report(workspace.ruleDiagnostics, display: display) // only warnings when the rules loaded
        guard workspace.versions != nil else { throw ExitCode(2) }
        let year: Int
        do throws(Diagnostic) {
            year = try workspace.resolveYear(options.year)
        } catch {
            report([error], display: display)
            throw ExitCode(1)
        }
        let run: Workspace.YearRun
        var problems = DiagnosticSink()
        do throws(Diagnostic) {
            run = try workspace.runYear(year, sink: &problems)
        } catch {
            report([error], display: display)
            throw ExitCode(2)
        }
        report(problems.diagnostics, display: display)
        guard !problems.hasErrors, let quarters = run.annualQuarters else {
            writeError(CommandConclusions.yearEvidenceBroken)
            throw ExitCode(1)
        }
        guard let evaluator = AnnualEvaluator(policy: run.yearEndPolicy) else {
            report([AnnualEvaluator.missingRules(run.yearEndPolicy)], display: display)
            throw ExitCode(2)
        }
        policy = run.yearEndPolicy
        annual = evaluator.evaluate(year: year, quarters: quarters)
        // A sum past what can be computed would print a wrong figure: reported, nothing written.
        guard annual.failures.isEmpty else {
            report(annual.failures, display: display)
            writeError(CommandConclusions.yearOverflow)
            throw ExitCode(1)
        }
    }

    /// The quarterly failures behind officers left unranked: reported after the results (exit 1).
    func reportFailures(display: DisplayOptions) throws {
        guard !annual.incompleteOfficers.isEmpty else { return }
        writeError(CommandConclusions.yearIncompleteLeftOut)
        throw ExitCode(1)
    }
}
