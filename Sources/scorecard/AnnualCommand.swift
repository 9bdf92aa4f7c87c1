import ArgumentParser
import ScorecardReport

struct AnnualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annual",
        abstract: "年度评选：合计全年各季度成绩，排名，评出优秀并计算年终奖励，按单位、汇报对象和经费汇总。",
        discussion: """
            按年度评选规则合计一年中的各个季度（默认：最近一个有记录的年份）。每个季度按它计分时所用的\
            规则版本；年度评选规则取该年最后一个季度所用的版本。任何一个季度的证据有问题时，列出全部问题，\
            不输出结果，退出码为 1。
            """
    )

    @OptionGroup var options: YearOptions
    @OptionGroup var display: DisplayOptions

    @Option(name: .long, help: "输出格式：text（给人看的表格）、json、csv（每名联系员一行）、html（报告页面）或 xlsx（Excel 工作簿，与 --output 一起用）。")
    var format: OutputFormat = .text

    @OptionGroup var output: FileOutputOptions

    func validate() throws {
        try output.validate(format: format)
    }

    func run() throws {
        let loaded = try LoadedYear(options, display: display)
        let rendered = AnnualReport(policy: loaded.policy, result: loaded.annual)
        switch format {
        case .text: try output.emit(display: display) { rendered.writeText(to: $0, color: output.useColor(display)) }
        case .json: try output.emit(display: display) { rendered.writeJSON(to: $0) }
        case .csv: try output.emit(display: display) { rendered.writeCSV(to: $0, headers: output.headerStyle) }
        case .html: try output.emit(display: display) { rendered.writeHTML(to: $0) }
        case .xlsx: try output.emit(rendered.renderXLSX(), display: display)
        }
        try loaded.reportFailures(display: display)
    }
}
