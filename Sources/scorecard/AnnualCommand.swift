import ArgumentParser
import ScorecardBase
import ScorecardReport

struct AnnualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual",
        abstract: "年度评选：合计全年各季度成绩，排名，评出优秀并计算年终奖励，按单位、汇报对象和经费汇总。",
        discussion: """
            Combines the year's quarters (default: the latest year with evidence) as the annual \
            rules say. Each quarter keeps the version of the rules it was scored under; the annual \
            rules are those of the version the year's last quarter used. If any quarter's evidence \
            has a problem, every problem is listed, nothing is written and the exit code is 1.
            """
    )

    @OptionGroup var options: YearOptions
    @OptionGroup var display: DisplayOptions

    @Option(name: .long, help: "Output: text (tables for people), json or csv (one row per officer).")
    var format: OutputFormat = .text

    @OptionGroup var destination: OutputOptions

    func run() throws {
        let loaded = try LoadedYear(options, display: display)
        let rendered = AnnualReport(policy: loaded.policy, result: loaded.annual)
        let output = try destination.open(display: display)
        switch format {
        case .text: output.write(rendered.renderText(color: destination.useColor(display)))
        case .json: output.write(rendered.renderJSON())
        case .csv: output.write(rendered.renderCSV())
        }
        try commit(output, display: display)
        try loaded.reportFailures(display: display)
    }
}
