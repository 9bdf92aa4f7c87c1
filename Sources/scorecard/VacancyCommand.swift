import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardReport

struct VacancyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vacancy",
        abstract: "专职政工岗位补缺：按规则列出仍在任的联系员的先后顺序。",
        discussion: """
            Lists the liaison officers still serving at the end of the year (default: the latest \
            year with evidence), ordered as the rules' vacancy.order_by says, ties settled by the \
            annual tie-breakers.
            """
    )

    @OptionGroup var options: YearOptions
    @OptionGroup var display: DisplayOptions

    @Option(name: .long, help: "Output: text (a table for people), json or csv.")
    var format: OutputFormat = .text

    func run() throws {
        let loaded = try LoadedYear(options, display: display)
        guard let rules = loaded.policy.vacancy else {
            report([.error(
                "vacancy.no-rules", "规则版本 \(loaded.policy.metadata.version) 中没有 vacancy 一节，无法排出补缺顺序",
                hint: "在年末所用的规则版本中加上 vacancy 一节（见 docs/rules.md 3.12）", at: loaded.policy.metadata.location)], display: display)
            throw ExitCode(2)
        }
        let list = VacancyList(annual: loaded.annual, rules: rules, policy: loaded.policy)
        let rendered = VacancyReport(policy: loaded.policy, list: list)
        format.write(text: { rendered.renderText(color: display.useColor(fileDescriptor: 1)) }, json: { rendered.renderJSON() }, csv: { rendered.renderCSV() })
        try loaded.reportFailures(display: display)
    }
}
