import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardReport
import ScorecardRules
import ScorecardTesting

/// `scorecard eval 'EXPR' --officer 石磊`: try a formula before writing it into the rules.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "试算一个表达式：按规则检查名称和类型，再用一名联系员的实际记录计算。",
        discussion: """
            Checks EXPR against the names and types of the rules (record fields, lists, \
            score.<item>, total, grade), as a reward's expression would be checked, and with \
            --officer evaluates it on that officer's record and results for the quarter, showing \
            each value it read and where it was recorded. The officer is given by id or by name.

            Exit codes: 0 success; 1 the evidence has problems or the expression cannot be computed \
            on the record; 2 the expression or the rules have errors.
            """
    )

    @Argument(help: ArgumentHelp("The expression, e.g. '5 * reports_on_time / reports_due' (表达式).", valueName: "expr"))
    var expression: String

    @Option(name: .long, help: ArgumentHelp("Evaluate on this officer's record: id (工号) or name (姓名).", valueName: "officer"))
    var officer: String?

    @OptionGroup var location: LocationOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        guard let officer else {
            // Only checked: under the version asked for, else the newest.
            let workspace = Workspace(rulesPath: location.rules, evidencePath: location.evidence)
            report(workspace.ruleDiagnostics, display: display)
            guard let versions = workspace.versions else { throw ExitCode(2) }
            let named = location.rulesVersion.map { versions.version(named: $0) } ?? versions.latest
            guard
                let policy = try location.parsedQuarter().flatMap({ location.rulesVersion == nil ? versions.inForce(for: $0) : nil })
                    ?? named
            else {
                report([CommandMessages.unknownVersion(location.rulesVersion ?? "", summary: versions.summary)], display: display)
                throw ExitCode(2)
            }
            try finish(ExpressionTrial(expression, policy: policy).report())
            return
        }
        // The expression is not in the rules: the rows keep what it may read.
        let loaded = try LoadedQuarter(location, display: display, keepingEveryListField: true)
        let trial = ExpressionTrial(expression, policy: loaded.policy)
        if trial.problem != nil { try finish(trial.report()) }
        guard let result = loaded.run.result, !loaded.problems.hasErrors else {
            report(loaded.problems, display: display)
            writeError(CommandConclusions.evidenceBrokenNoTrial)
            throw ExitCode(1)
        }
        report(loaded.problems, display: display)
        let matches = result.officers.filter { $0.officer.id == officer || $0.officer.name == officer }
        guard matches.count == 1, let officerResult = matches.first,
            let record = loaded.run.evidence.records.first(where: { $0.officer.id == officerResult.officer.id })
        else {
            let known = result.officers.map { "\($0.officer.id) \($0.officer.name)" }
            writeError(
                matches.isEmpty
                    ? CommandConclusions.noSuchOfficer(officer, in: loaded.run.quarter, known: known)
                    : CommandConclusions.nameNotUnique(officer, ids: matches.map(\.officer.id)))
            throw ExitCode(2)
        }
        try finish(trial.report(quarter: loaded.run.quarter, record: record, result: officerResult))
    }

    /// Writes the trial; a problem in the expression is exit 2, one on the record exit 1.
    private func finish(_ outcome: ExpressionTrial.Report) throws {
        writeOutput(outcome.text)
        guard let failure = outcome.failure else { return }
        let lines = [expression]
        let renderer = DiagnosticRenderer(color: display.useColor(fileDescriptor: 2)) { path in
            path == ExpressionTrial.file ? lines : sourceLines(path)
        }
        writeError(renderer.render([failure]))
        throw ExitCode(failure.code.hasPrefix("expr.eval") ? 1 : 2)
    }
}
