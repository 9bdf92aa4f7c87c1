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
            keeps the earlier record and needs --reason (who records: --by, default the login name). \
            Nothing is recorded when the evidence has problems. Exit 3 when the record cannot be written.
            """
    )

    @OptionGroup var location: LocationOptions
    @OptionGroup var display: DisplayOptions

    @Option(name: .long, help: "Output: text (a table for people), json, csv (one row per officer), html (a report page) or xlsx (an Excel workbook; with --output).")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Evaluate the officers whose evidence is sound even when other rows have problems (still exits 1).")
    var partial = false

    @Flag(name: .long, help: "Record the quarter's results as final in the results folder (记录为最终结果).")
    var record = false

    @Flag(name: .long, help: "With --record: replace a different earlier record; the earlier one is kept, renamed. Needs --reason.")
    var force = false

    @OptionGroup var results: ResultsOptions
    @OptionGroup var recording: RecordingOptions
    @OptionGroup var destination: FileOutputOptions

    func validate() throws {
        if force && !record { throw ValidationError("--force 只能和 --record 一起使用") }
        if record && partial { throw ValidationError("--record 不能和 --partial 一起使用：记录的结果必须完整") }
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
            versionPinned: location.rulesVersion != nil, headers: destination.headerStyle, to: output)
        let outcome = chosen.pipeline.run(partial: partial, into: &writer)
        report(chosen.problems(outcome), display: display)
        guard let summary = outcome.summary, outcome.publication.mayWrite else {
            output.discard()
            writeError("证据有问题，未输出结果。改正后重新运行，或用 --partial 先算出记录无误的联系员。\n")
            throw ExitCode(1)
        }
        writer.finish(summary)
        try destination.commit(output, display: display)
        if !outcome.failures.isEmpty {
            report(outcome.failures, display: display)
            throw ExitCode(1)
        }
        if case .incomplete(_, let excluded) = outcome.publication, excluded > 0 {
            writeError("以上结果不含证据有问题的联系员（--partial）。\n")
            throw ExitCode(1)
        }
    }

    /// The quarter kept whole: for `--record` (the record holds every format of it), a report
    /// page and a workbook.
    private func runCollected() throws {
        let loaded = try LoadedQuarter(location, display: display, partial: partial)
        let (policy, run) = (loaded.policy, loaded.run)
        report(loaded.problems, display: display)
        guard let result = run.result, run.outcome.publication.mayWrite else {
            writeError(record
                ? "证据有问题，未输出结果，也未记录。改正后重新运行。\n"
                : "证据有问题，未输出结果。改正后重新运行，或用 --partial 先算出记录无误的联系员。\n")
            throw ExitCode(1)
        }
        let rendered = QuarterReport(policy: policy, result: result, versionPinned: location.rulesVersion != nil)
        switch format {
        case .text: try destination.emit(rendered.renderText(), display: display)
        case .json: try destination.emit(rendered.renderJSON(), display: display)
        case .csv: try destination.emit(rendered.renderCSV(headers: destination.headerStyle), display: display)
        case .html: try destination.emit(rendered.renderHTML(evidence: run.evidence), display: display)
        case .xlsx: try destination.emit(rendered.renderXLSX(), display: display)
        }
        if !result.failures.isEmpty {
            report(result.failures, display: display)
            if record { writeError("有联系员的结果未能算出，未记录：记录的结果必须完整。\n") }
            throw ExitCode(1)
        }
        if case .incomplete(_, let excluded) = run.outcome.publication, excluded > 0 {
            writeError("以上结果不含证据有问题的联系员（--partial）。\n")
            throw ExitCode(1)
        }
        if record {
            try recordQuarter(rendered, run: run, location: location, results: results, force: force, recording: recording, display: display)
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
