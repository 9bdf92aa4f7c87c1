import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardReport

struct VacancyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vacancy",
        abstract: "专职政工岗位补缺：按规则列出仍在任的联系员的先后顺序。",
        discussion: """
            列出年末（默认：最近一个有记录的年份）仍在任的政工联系员，按规则中 vacancy.order_by 的顺序\
            排列；同分时按年度评选的比较项排列。
            """
    )

    @OptionGroup var options: YearOptions
    @OptionGroup var display: DisplayOptions

    @Option(name: .long, help: "输出格式：text（给人看的表格）、json 或 csv。")
    var format: VacancyFormat = .text

    func run() throws {
        let loaded = try LoadedYear(options, display: display)
        guard let rules = loaded.policy.vacancy else {
            report(
                [CommandMessages.noVacancyRules(version: loaded.policy.metadata.version, at: loaded.policy.metadata.location)],
                display: display)
            throw ExitCode(2)
        }
        let list = VacancyList(annual: loaded.annual, rules: rules, policy: loaded.policy)
        let rendered = VacancyReport(policy: loaded.policy, list: list)
        switch format {
        case .text: writeOutput(rendered.renderText(color: display.useColor(fileDescriptor: 1)))
        case .json: writeOutput(rendered.renderJSON())
        case .csv: writeOutput(rendered.renderCSV())
        }
        try loaded.reportFailures(display: display)
    }
}
