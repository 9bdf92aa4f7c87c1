import ArgumentParser
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

    @Option(name: .long, help: "Output: text (tables for people), json, csv (one row per officer), html (a report page) or xlsx (an Excel workbook; with --output).")
    var format: OutputFormat = .text

    @OptionGroup var output: FileOutputOptions

    func validate() throws {
        try output.validate(format: format)
    }

    func run() throws {
        let loaded = try LoadedYear(options, display: display)
        let rendered = AnnualReport(policy: loaded.policy, result: loaded.annual)
        switch format {
        case .text: try output.emit(rendered.renderText(), display: display)
        case .json: try output.emit(rendered.renderJSON(), display: display)
        case .csv: try output.emit(rendered.renderCSV(headers: output.headerStyle), display: display)
        case .html: try output.emit(rendered.renderHTML(), display: display)
        case .xlsx: try output.emit(rendered.renderXLSX(), display: display)
        }
        try loaded.reportFailures(display: display)
    }
}
