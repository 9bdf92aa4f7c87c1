import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardReport

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "逐项说明一名联系员的季度结果：得分、公式、所用记录及其位置、条款。",
        discussion: "The officer is given by id (工号) or by name (姓名)."
    )

    @Argument(help: ArgumentHelp("Officer id (工号) or name (姓名).", valueName: "officer"))
    var officer: String

    @OptionGroup var location: LocationOptions
    @OptionGroup var display: DisplayOptions

    func run() throws {
        let loaded = try LoadedQuarter(location, display: display)
        let (policy, run, quarter) = (loaded.policy, loaded.run, loaded.run.quarter)
        guard let result = run.result, !loaded.problems.hasErrors else {
            report(loaded.problems, display: display)
            writeError("证据有问题，无法说明结果。\n")
            throw ExitCode(1)
        }
        report(loaded.problems, display: display) // warnings only: they can change the results
        let matches = result.officers.filter { $0.officer.id == officer || $0.officer.name == officer }
        guard let officerResult = matches.first else {
            let known = result.officers.map { "\($0.officer.id) \($0.officer.name)" }
            writeError("\(quarter) 没有工号或姓名为“\(officer)”的联系员。本季度的联系员：\(known.joined(separator: "、"))\n")
            throw ExitCode(2)
        }
        if matches.count > 1 {
            writeError("姓名“\(officer)”对应多名联系员：\(matches.map(\.officer.id).joined(separator: "、"))；请改用工号。\n")
            throw ExitCode(2)
        }
        guard let record = run.evidence.records.first(where: { $0.officer.id == officerResult.officer.id }) else { throw ExitCode(2) }
        writeOutput(ExplainReport(policy: policy, result: officerResult, record: record, quarter: quarter).renderText())
        if !officerResult.failures.isEmpty {
            report(officerResult.failures, display: display)
            throw ExitCode(1)
        }
    }
}
