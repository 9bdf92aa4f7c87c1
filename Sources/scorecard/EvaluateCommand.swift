import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
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

    @Option(name: .long, help: "Output: text (a table for people), json or csv (one row per officer).")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Evaluate the officers whose evidence is sound even when other rows have problems (still exits 1).")
    var partial = false

    @Flag(name: .long, help: "Text: every item's score in one table with the totals, however wide the terminal.")
    var wide = false

    @Flag(name: .long, help: "Record the quarter's results as final in the results folder (记录为最终结果).")
    var record = false

    @Flag(name: .long, help: "With --record: replace a different earlier record; the earlier one is kept, renamed.")
    var force = false

    @OptionGroup var results: ResultsOptions
    @OptionGroup var destination: OutputOptions

    func validate() throws {
        if force && !record { throw ValidationError("--force 只能和 --record 一起使用") }
        if record && partial { throw ValidationError("--record 不能和 --partial 一起使用：记录的结果必须完整") }
    }

    func run() throws {
        if record {
            try runAndRecord()
            return
        }
        let chosen = try ChosenQuarter(location, display: display)
        let output = try destination.open(display: display)
        var writer = QuarterWriter(
            format: format.quarterFormat, policy: chosen.policy, quarter: chosen.quarter,
            versionPinned: location.rulesVersion != nil, layout: textLayout, to: output)
        let outcome = chosen.pipeline.run(partial: partial, into: &writer)
        report(chosen.problems(outcome), display: display)
        let evidenceErrors = outcome.problems.hasErrors
        // A partial run with nothing sound to show (no folder, no record table) shows nothing.
        guard let summary = outcome.summary, outcome.publication.mayWrite, !(evidenceErrors && outcome.recordCount == 0) else {
            output.discard()
            // --partial helps only when some records could be read.
            let advice = !partial && outcome.recordCount > 0 ? "改正后重新运行，或用 --partial 先算出记录无误的联系员。" : "改正后重新运行。"
            writeError("证据有问题，未输出结果。\(advice)\n")
            throw ExitCode(1)
        }
        writer.finish(summary, partial: evidenceErrors ? partialNote(outcome.excluded, roster: chosen.workspace.roster) : nil)
        try commit(output, display: display)
        if !outcome.failures.isEmpty {
            report(outcome.failures, display: display)
            throw ExitCode(1)
        }
        if evidenceErrors {
            writeError("以上结果不含证据有问题的联系员（--partial）。\n")
            throw ExitCode(1)
        }
    }

    /// The text report's width and colour: the terminal's width unless --wide.
    private var textLayout: QuarterWriter.TextLayout {
        QuarterWriter.TextLayout(width: wide ? nil : Terminal.width(), color: destination.useColor(display))
    }

    /// The officers a partial run left out, in roster order.
    private func partialNote(_ excluded: Set<String>, roster: Roster?) -> QuarterWriter.Partial {
        let listed = roster?.officers.filter { excluded.contains($0.id) }.map { QuarterWriter.Partial.Officer(id: $0.id, name: $0.name) } ?? []
        let unlisted = excluded.subtracting(listed.map(\.id)).sorted().map { QuarterWriter.Partial.Officer(id: $0, name: "") }
        return QuarterWriter.Partial(omitted: listed + unlisted)
    }

    /// `--record`: the quarter is kept whole, since the record holds every format of it.
    private func runAndRecord() throws {
        let loaded = try LoadedQuarter(location, display: display)
        let (policy, run) = (loaded.policy, loaded.run)
        report(loaded.problems, display: display)
        guard let result = run.result, run.outcome.publication.mayWrite else {
            writeError("证据有问题，未输出结果，也未记录。改正后重新运行。\n")
            throw ExitCode(1)
        }
        let rendered = QuarterReport(policy: policy, result: result, versionPinned: location.rulesVersion != nil)
        let output = try destination.open(display: display)
        switch format {
        case .text: output.write(rendered.renderText(layout: textLayout))
        case .json: output.write(rendered.renderJSON())
        case .csv: output.write(rendered.renderCSV())
        }
        try commit(output, display: display)
        if !result.failures.isEmpty {
            report(result.failures, display: display)
            writeError("有联系员的结果未能算出，未记录：记录的结果必须完整。\n")
            throw ExitCode(1)
        }
        try recordQuarter(rendered, run: run, location: location, results: results, force: force, display: display)
    }
}

extension OutputFormat {
    var quarterFormat: QuarterWriter.Format {
        switch self {
        case .text: .text
        case .json: .json
        case .csv: .csv
        }
    }
}
