import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardReport

struct EligibilityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eligibility",
        abstract: "按任职条件（条款 2.2.1）审查候选人名单：每人每项条件是否符合，不符合的原因。",
        discussion: """
            读入证据文件夹中的 candidates.csv，按规则中的任职条件逐一审查每名候选人。候选人不符合条件是\
            审查结果，不是错误。退出码：0 名单没有问题；1 名单中有的行有问题（这些候选人不审查，并列出）\
            或某项条件无法判断；2 规则有问题。
            """
    )

    @OptionGroup var location: PathOptions
    @OptionGroup var display: DisplayOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "按这一版本的规则审查（写它的 policy.version 或所在的文件夹）；默认用最新的版本。",
            valueName: "version"))
    var rulesVersion: String?

    @Option(name: .long, help: "输出格式：text（给人看的表格）、json、csv（每名候选人一行）或 html（报告页面）。")
    var format: EligibilityFormat = .text

    func run() throws {
        let workspace = Workspace(rulesPath: location.rules, evidencePath: location.evidence, limits: try inputLimits(display: display))
        report(workspace.ruleDiagnostics, display: display) // only warnings when the rules loaded
        guard let newest = workspace.policy else { throw ExitCode(2) }
        // Candidates are chosen for the future: the newest version unless one is named.
        var policy = newest
        if let rulesVersion {
            do throws(Diagnostic) {
                policy = try workspace.version(named: rulesVersion)
            } catch {
                report([error], display: display)
                throw ExitCode(2)
            }
        }
        guard let eligibility = policy.eligibility else {
            report([CommandMessages.noEligibility()], display: display)
            throw ExitCode(2)
        }
        var sink = DiagnosticSink()
        let loaded = (list: workspace.evidenceFolder.loadCandidates(eligibility, sink: &sink), problems: sink.diagnostics)
        report(loaded.problems.sortedForDisplay(), display: display)
        if loaded.list.candidates.isEmpty && loaded.problems.hasErrors {
            writeError(CommandConclusions.noCandidatesToReview)
            throw ExitCode(1)
        }
        let results = EligibilityEvaluator(eligibility: eligibility).evaluate(loaded.list.candidates)
        let rendered = EligibilityReport(policy: policy, eligibility: eligibility, list: loaded.list, results: results)
        switch format {
        case .text: writeOutput(rendered.renderText(color: display.useColor(fileDescriptor: 1)))
        case .json: writeOutput(rendered.renderJSON())
        case .csv: writeOutput(rendered.renderCSV())
        case .html: writeOutput(rendered.renderHTML())
        }
        let failures = results.flatMap(\.failures)
        report(failures, display: display)
        if !loaded.list.rejected.isEmpty {
            writeError(CommandConclusions.rejectedCandidatesLeftOut(loaded.list.rejected.map(\.label)))
        }
        if loaded.problems.hasErrors || !failures.isEmpty { throw ExitCode(1) }
    }
}
