import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardReport

struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "计算一个季度的考核结果：各项得分、总分、等级、奖励，按单位和经费汇总。",
        discussion: """
            Runs one quarter (default: the latest in the evidence folder). If the evidence has any \
            problem, every problem is listed, nothing is written and the exit code is 1. An officer \
            whose result cannot be computed is reported without stopping the others (exit 1).
            With --record the results are also stored as final in the results folder (default \
            <evidence>/results/2025-Q4/), with the SHA-256 of every rule and evidence file used; \
            recording a final quarter again with different inputs is refused unless --force, which \
            keeps the earlier record. Nothing is recorded when the evidence has problems.
            """
    )

    @OptionGroup var location: LocationOptions
    @OptionGroup var display: DisplayOptions

    @Option(name: .long, help: "Output: text (a table for people), json, csv (one row per officer), html (a report page) or xlsx (an Excel workbook; with --output).")
    var format: OutputFormat = .text

    @OptionGroup var output: FileOutputOptions

    @Flag(name: .long, help: "Evaluate the officers whose evidence is sound even when other rows have problems (still exits 1).")
    var partial = false

    @Flag(name: .long, help: "Record the quarter's results as final in the results folder (记录为最终结果).")
    var record = false

    @Flag(name: .long, help: "With --record: replace a different earlier record; the earlier one is kept, renamed.")
    var force = false

    @OptionGroup var results: ResultsOptions

    func validate() throws {
        if force && !record { throw ValidationError("--force 只能和 --record 一起使用") }
        if record && partial { throw ValidationError("--record 不能和 --partial 一起使用：记录的结果必须完整") }
        try output.validate(format: format)
    }

    func run() throws {
        let loaded = try LoadedQuarter(location, display: display, partial: partial)
        let (policy, run) = (loaded.policy, loaded.run)
        report(run.evidenceProblems, display: display)
        guard let result = run.result, partial || !run.evidenceProblems.hasErrors else {
            writeError(record
                ? "证据有问题，未输出结果，也未记录。改正后重新运行。\n"
                : "证据有问题，未输出结果。改正后重新运行，或用 --partial 先算出记录无误的联系员。\n")
            throw ExitCode(1)
        }
        let rendered = QuarterReport(policy: policy, result: result, versionPinned: location.rulesVersion != nil)
        switch format {
        case .text: try output.emit(rendered.renderText(), display: display)
        case .json: try output.emit(rendered.renderJSON(), display: display)
        case .csv: try output.emit(rendered.renderCSV(headers: output.headerStyle), display: display)
        case .html: try output.emit(rendered.renderHTML(evidence: run.evidence), display: display)
        case .xlsx: try output.emit(rendered.renderXLSX(), display: display)
        }
        if !result.failures.isEmpty {
            report(result.failures, display: display)
            if record { writeError("有联系员的结果未能算出，未记录：记录的结果必须完整。\n") }
            throw ExitCode(1)
        }
        if run.evidenceProblems.hasErrors {
            writeError("以上结果不含证据有问题的联系员（--partial）。\n")
            throw ExitCode(1)
        }
        if record {
            try recordQuarter(rendered, run: run, location: location, results: results, force: force, display: display)
        }
    }
}
