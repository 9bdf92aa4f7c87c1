import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardReport
import ScorecardRules

/// The formats `template` writes.
enum TemplateFormat: String, ArgumentChoice {
    case xlsx, csv
}

/// `scorecard template --quarter 2026-Q1`: a quarter's blank evidence for the assessors.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "生成一个季度的空白考核记录表：名册中本季度在任的每名联系员一行，规则需要的每一列，可填的值做成下拉列表和范围。",
        discussion: """
            Writes the quarter's evidence workbook (xlsx, default) or records table (csv) under the \
            version of the rules in force for the quarter (or --rules-version). Saved as \
            <evidence>/<quarter>/scores.xlsx, it is read back as the quarter's evidence once filled in. \
            See docs/evidence.md.
            """
    )

    @OptionGroup var paths: PathOptions

    @Option(name: .long, help: ArgumentHelp("The quarter to prepare, e.g. 2026-Q1.", valueName: "year-Qn"))
    var quarter: String

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Use this version of the rules (its policy.version or its folder) instead of the one in force for the quarter.",
            valueName: "version"))
    var rulesVersion: String?

    @Option(name: .long, help: "Output: xlsx (a workbook with drop-down lists, default) or csv (the records table).")
    var format: TemplateFormat = .xlsx

    @OptionGroup var output: FileOutputOptions
    @OptionGroup var display: DisplayOptions

    func validate() throws {
        guard Quarter(quarter) != nil else { throw UsageErrors.notAQuarter(quarter, example: "2026-Q1") }
        try output.validate(format: format == .xlsx ? .xlsx : .csv)
    }

    func run() throws {
        guard let quarter = Quarter(quarter) else { throw ExitCode(2) }
        let workspace = Workspace(rulesPath: paths.rules, evidencePath: paths.evidence, limits: try inputLimits(display: display))
        report(workspace.ruleDiagnostics, display: display)
        guard workspace.versions != nil else { throw ExitCode(2) }
        let policy: Policy
        do throws(Diagnostic) {
            policy = try workspace.policy(for: quarter, version: rulesVersion)
        } catch {
            report([error], display: display)
            throw ExitCode(2)
        }
        report(workspace.rosterDiagnostics, display: display)
        guard let roster = workspace.roster, !workspace.rosterDiagnostics.hasErrors else {
            writeError(CommandConclusions.rosterBrokenNoTemplate)
            throw ExitCode(1)
        }
        let template = EvidenceTemplate(policy: policy, quarter: quarter, roster: Array(roster.officers))
        if template.officers.isEmpty {
            writeError(CommandConclusions.nobodyServing(in: quarter))
        }
        switch format {
        case .xlsx:
            try output.emit(template.workbook(), display: display)
        case .csv:
            try output.emit(template.csv(headers: output.headers?.style ?? .zh), display: display)
            for list in template.listHeaders(output.headers?.style ?? .zh) {
                writeError(CommandConclusions.listFile(list.file, header: list.header))
            }
        }
    }
}
