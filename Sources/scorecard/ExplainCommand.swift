import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardReport

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "逐项说明一名联系员的季度结果：得分、公式、所用记录及其位置、条款。",
        discussion: "按工号或姓名指定联系员；姓名写错一个字时，会提示最接近的名字。"
    )

    @Argument(help: ArgumentHelp("联系员的工号或姓名。", valueName: "officer"))
    var officer: String

    @OptionGroup var location: LocationOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let loaded = try LoadedQuarter(location, display: display)
        let (policy, run, quarter) = (loaded.policy, loaded.run, loaded.run.quarter)
        guard let result = run.result, !loaded.problems.hasErrors else {
            report(loaded.problems, display: display)
            writeError(CommandConclusions.evidenceBrokenNoExplanation)
            throw ExitCode(1)
        }
        report(loaded.problems, display: display) // warnings only: they can change the results
        let matches = result.officers.filter { $0.officer.id == officer || $0.officer.name == officer }
        guard let officerResult = matches.first else {
            writeError(notFound(in: result, quarter: quarter, roster: loaded.roster, quarters: loaded.quarters) + "\n")
            throw ExitCode(2)
        }
        if matches.count > 1 {
            writeError(CommandConclusions.nameNotUnique(officer, ids: matches.map(\.officer.id)))
            throw ExitCode(2)
        }
        guard let record = run.evidence.records.first(where: { $0.officer.id == officerResult.officer.id }) else { throw ExitCode(2) }
        writeOutput(
            ExplainReport(policy: policy, result: officerResult, record: record, quarter: quarter).renderText(
                color: display.useColor(fileDescriptor: 1)))
        if !officerResult.failures.isEmpty {
            report(officerResult.failures, display: display)
            throw ExitCode(1)
        }
    }

    /// Why nobody of that id or name is in the quarter: an officer on the roster who left
    /// before it (or started after it) is said to be so, with when; otherwise the nearest name
    /// or id comes first, then everyone who is.
    private func notFound(in result: QuarterResult, quarter: Quarter, roster: Roster?, quarters: [Quarter]) -> String {
        let known = result.officers.map { "\($0.officer.id) \($0.officer.name)" }.joined(separator: "、")
        let listed = "本季度的联系员：\(known)"
        let onRoster = roster?.officers.filter { $0.id == officer || $0.name == officer } ?? []
        if let away = onRoster.first(where: { !$0.serves(in: quarter) }), onRoster.count == 1 {
            let who = "联系员 \(away.id) \(away.name)（\(away.unit) \(away.area)）"
            if let until = away.until, until < quarter.firstDay {
                let served = quarters.last { $0 <= quarter && away.serves(in: $0) }
                return "\(who)已于 \(until) 离任，不在 \(quarter) 的考核之列。"
                    + (served.map { "查看此人在任时的最后一个季度：scorecard explain \(away.id) --quarter \($0)" } ?? "")
            }
            if let from = away.from, from > quarter.lastDay {
                return "\(who)自 \(from) 起任职，不在 \(quarter) 的考核之列。"
            }
        }
        let serving = result.officers.map(\.officer)
        let names = serving.map(\.name) + serving.map(\.id)
        if let near = NameSuggestion.closest(to: officer, among: names) {
            let meant = serving.filter { $0.name == near || $0.id == near }.map { (Diagnostic.Suggestion($0.name), gloss: "（\($0.id)）") }
            return "\(quarter) 没有工号或姓名为“\(officer)”的联系员；" + Diagnostic.Suggestion.question(offering: meant) + "\n\(listed)"
        }
        return "\(quarter) 没有工号或姓名为“\(officer)”的联系员。\(listed)"
    }
}
