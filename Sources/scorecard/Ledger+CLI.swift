import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardReport

/// Where recorded quarters are kept: `--results`, default `<evidence>/results`.
struct ResultsOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("存档结果所在的文件夹；默认 <evidence>/results。", valueName: "path"))
    var results: String?

    func root(evidence: String) -> String {
        results ?? ResultLedger.defaultRoot(evidencePath: evidence)
    }
}

/// `evaluate --record`: stores the quarter as final, or explains why not. Messages go to
/// standard error so that `--format json > file` stays clean.
func recordQuarter(
    _ quarterReport: QuarterReport, run: Workspace.QuarterRun, location: LocationOptions, results: ResultsOptions,
    force: Bool, display: DisplayOptions
) throws {
    let ledger = ResultLedger(root: results.root(evidence: location.evidence))
    let submission = LedgerSubmission(report: quarterReport, evidence: run.evidence, rulesPath: location.rules, evidencePath: location.evidence)
    switch ledger.record(submission, force: force, at: .now(), processID: FileSystem.processID) {
    case .recorded(let provenance, let folder, let superseded):
        var message = "已记录 \(provenance.quarter) 的结果：\(folder)/（\(ResultLedger.resultsJSON)、\(ResultLedger.resultsCSV)、\(ResultLedger.provenanceFile)），"
        message += "规则版本 \(provenance.policy.version)，\(provenance.ruleFiles.count) 个规则文件、\(provenance.evidenceFiles.count) 个证据文件。\n"
        if let superseded { message += "原记录已改名保留为 \(superseded)/。\n" }
        writeError(message)
    case .unchanged(let provenance, let folder):
        writeError("\(provenance.quarter) 的结果已于 \(provenance.recordedAt.iso8601) 记录（\(folder)/），输入和结果都没有变化，未重写。\n")
    case .refused(let problem), .failed(let problem):
        report([problem], display: display)
        writeError("未记录。\n")
        throw ExitCode(1)
    }
}

/// `check`'s part for recorded quarters: each one's inputs re-hashed and compared.
func verifyRecordedQuarters(location: LocationOptions, results: ResultsOptions, only quarter: Quarter?) -> (diagnostics: [Diagnostic], summary: String) {
    let ledger = ResultLedger(root: results.root(evidence: location.evidence))
    let verification = ledger.verify(
        rulesPath: location.rules, evidencePath: location.evidence, quarters: quarter.map { [$0] })
    let summary = verification.intact.isEmpty ? "" : "；已记录的结果与其输入一致：" + verification.intact.map(\.description).joined(separator: "、")
    return (verification.diagnostics, summary)
}
