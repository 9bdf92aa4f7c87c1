import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardReport

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "计算一个季度的考核结果：各项得分、总分、等级、奖励，按单位和经费汇总。",
        usage:
            "scorecard evaluate [--quarter <year-Qn>] [--format <format>] [--partial] [--wide] [--record [--force --reason <原因>]] [-o <path>] [<其他选项>]",
        discussion: """
            计算一个季度（默认：证据文件夹中最近的一个季度）。证据有任何问题时，列出全部问题，不输出结果，\
            退出码为 1。某人的结果无法计算时，报告此人，不影响其他人（退出码 1）。
            加 --record 时，结果同时存档为最终结果（默认存入 <evidence>/results/2025-Q4/），并记下所用每个\
            规则文件和证据文件的 SHA-256；已存档的季度用不同的输入再次存档会被拒绝，除非加 --force 并用 \
            --reason 说明原因（原存档改名保留；--by 记下操作人，默认为登录名）。证据有问题时不存档。\
            存档或 -o 指定的文件无法写入时退出码为 3。
            在终端上，表格按终端的宽度排版（--wide 排成一张宽表），长的输出用 less 分页（--no-pager 不分页）。
            """
    )

    @OptionGroup var location: LocationOptions
    @OptionGroup var display: DisplayOptions

    @Option(name: .long, help: "输出格式：text（给人看的表格）、json、csv（每名联系员一行）、html（报告页面）或 xlsx（Excel 工作簿，与 --output 一起用）。")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "有的行有问题时，也先算出记录无误的联系员（输出中注明是部分结果；退出码仍为 1）。")
    var partial = false

    @Flag(name: .long, help: "text 格式：不论终端多宽，都把各项得分和总分排在一张表里。")
    var wide = false

    @Flag(name: .long, help: "把本季度的结果存档为最终结果（存入结果文件夹）。")
    var record = false

    @Flag(name: .long, help: "与 --record 一起用：替换内容不同的已有存档；原存档改名保留。须用 --reason 说明原因。")
    var force = false

    @OptionGroup var results: ResultsOptions
    @OptionGroup var recording: RecordingOptions
    @OptionGroup var destination: FileOutputOptions

    func validate() throws {
        if force && !record { throw UsageErrors.forceWithoutRecord }
        if record && partial { throw UsageErrors.recordWithPartial }
        try recording.validate(record: record, force: force)
        try destination.validate(format: format)
    }

    func run() throws {
        // A report page and a workbook are made from the whole quarter, as is a record.
        guard !record, let streamed = format.quarterFormat else {
            try runCollected()
            return
        }
        let chosen = try ChosenQuarter(location, display: display)
        let output = try destination.open(display: display)
        var writer = QuarterWriter(
            format: streamed, policy: chosen.policy, quarter: chosen.quarter,
            versionPinned: location.rulesVersion != nil, headers: destination.headerStyle, layout: textLayout, to: output)
        let outcome = chosen.pipeline.run(partial: partial, into: &writer)
        report(chosen.problems(outcome), display: display)
        let evidenceErrors = outcome.problems.hasErrors
        // A partial run with nothing sound to show (no folder, no record table) shows nothing.
        guard let summary = outcome.summary, outcome.publication.mayWrite, !(evidenceErrors && outcome.recordCount == 0) else {
            output.discard()
            // --partial helps only when some records could be read.
            let advice = !partial && outcome.recordCount > 0 ? CommandConclusions.fixOrTryPartial : CommandConclusions.fixAndRerun
            writeError(CommandConclusions.evidenceBrokenNoOutput(advice: advice))
            throw ExitCode(1)
        }
        writer.finish(summary, partial: evidenceErrors ? partialNote(outcome.excluded, roster: chosen.workspace.roster) : nil)
        try destination.commit(output, display: display)
        if !outcome.failures.isEmpty {
            report(outcome.failures, display: display)
            throw ExitCode(1)
        }
        if evidenceErrors {
            writeError(CommandConclusions.partialLeavesOut)
            throw ExitCode(1)
        }
    }

    /// The text report's width and colour: the terminal's width unless --wide.
    private var textLayout: QuarterWriter.TextLayout {
        QuarterWriter.TextLayout(width: wide ? nil : Terminal.width(), color: destination.useColor(display))
    }

    /// The officers a partial run left out, in roster order.
    private func partialNote(_ excluded: Set<String>, roster: Roster?) -> QuarterWriter.Partial {
        let listed =
            roster?.officers.filter { excluded.contains($0.id) }.map { QuarterWriter.Partial.Officer(id: $0.id, name: $0.name) } ?? []
        let unlisted = excluded.subtracting(listed.map(\.id)).sorted().map { QuarterWriter.Partial.Officer(id: $0, name: "") }
        return QuarterWriter.Partial(omitted: listed + unlisted)
    }

    /// The quarter kept whole: for `--record` (the record holds every format of it), a report
    /// page and a workbook.
    private func runCollected() throws {
        let loaded = try LoadedQuarter(location, display: display, partial: partial)
        let (policy, run) = (loaded.policy, loaded.run)
        report(loaded.problems, display: display)
        guard let result = run.result, run.outcome.publication.mayWrite else {
            writeError(record ? CommandConclusions.evidenceBrokenNotRecorded : CommandConclusions.evidenceBrokenTryPartial)
            throw ExitCode(1)
        }
        let rendered = QuarterReport(policy: policy, result: result, versionPinned: location.rulesVersion != nil)
        switch format {
        case .text: try destination.emit(rendered.renderText(layout: textLayout), display: display)
        case .json: try destination.emit(rendered.renderJSON(), display: display)
        case .csv: try destination.emit(rendered.renderCSV(headers: destination.headerStyle), display: display)
        case .html: try destination.emit(rendered.renderHTML(evidence: run.evidence), display: display)
        case .xlsx: try destination.emit(rendered.renderXLSX(), display: display)
        }
        if !result.failures.isEmpty {
            report(result.failures, display: display)
            if record { writeError(CommandConclusions.incompleteNotRecorded) }
            throw ExitCode(1)
        }
        if case .incomplete(_, let excluded) = run.outcome.publication, excluded > 0 {
            writeError(CommandConclusions.partialLeavesOut)
            throw ExitCode(1)
        }
        if record {
            try recordQuarter(
                rendered, run: run, location: location, results: results, force: force, recording: recording, display: display)
        }
    }
}

extension OutputFormat {
    /// The format as the streaming writer knows it; nil for the formats made from the whole quarter.
    var quarterFormat: QuarterWriter.Format? {
        switch self {
        case .text: .text
        case .json: .json
        case .csv: .csv
        case .html, .xlsx: nil
        }
    }
}
