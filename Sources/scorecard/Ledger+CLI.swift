import ArgumentParser
import ScorecardBase
import ScorecardEvaluation
import ScorecardLedger
import ScorecardReport
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where recorded quarters are kept: `--results`, default `<evidence>/results`.
struct ResultsOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("存档结果所在的文件夹；默认 <evidence>/results。", valueName: "path"))
    var results: String?

    func root(evidence: String) -> String {
        results ?? ResultLedger.defaultRoot(evidencePath: evidence)
    }
}

/// Who records a quarter and why: kept in the record and its history.
struct RecordingOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("With --record: why (记录理由); required with --force.", valueName: "text"))
    var reason: String?

    @Option(name: .long, help: ArgumentHelp("With --record: who records (记录人); default: the login name.", valueName: "name"))
    var by: String?

    /// `evaluate`'s rules for the recording options.
    func validate(record: Bool, force: Bool) throws {
        if !record && (reason != nil || by != nil) { throw UsageErrors.reasonWithoutRecord }
        if let by, by.allSatisfy(\.isWhitespace) { throw UsageErrors.emptyRecorder }
        if force && (reason ?? "").allSatisfy(\.isWhitespace) {
            throw UsageErrors.forceWithoutReason
        }
    }

    /// `--by`, or the login name: LOGNAME, USER, getlogin, the user database, the user id.
    var recorder: String {
        if let by { return by }
        for variable in ["LOGNAME", "USER"] {
            if let value = getenv(variable), value.pointee != 0 { return String(cString: value) }
        }
        if let login = getlogin(), login.pointee != 0 { return String(cString: login) }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name, name.pointee != 0 { return String(cString: name) }
        return "uid \(getuid())"
    }
}

/// `evaluate --record`: stores the quarter as final, or explains why not. Messages go to
/// standard error so that `--format json > file` stays clean. A record that cannot be written
/// exits 3; a refusal exits 1.
func recordQuarter(
    _ quarterReport: QuarterReport, run: Workspace.QuarterRun, location: LocationOptions, results: ResultsOptions,
    force: Bool, recording: RecordingOptions, display: DisplayOptions
) throws {
    let ledger = ResultLedger(root: results.root(evidence: location.evidence))
    let quarter = quarterReport.quarter
    do throws(Diagnostic) {
        let repairs = try ledger.recover(quarter)
        if !repairs.isEmpty { writeError(CommandConclusions.repairsFinished(quarter, repairs)) }
    } catch {
        try refuse(error, display: display)
    }
    let submission = LedgerSubmission(
        report: quarterReport, evidence: run.evidence, rulesPath: location.rules, evidencePath: location.evidence)
    let written: LedgerWrite
    do throws(LedgerFailure) {
        written = try ledger.record(
            submission, force: force, at: .now(), processID: FileSystem.processID, by: recording.recorder, reason: recording.reason)
    } catch {
        try refuse(error.diagnostic, display: display)
    }
    switch written {
    case .recorded(let provenance, let folder, let superseded):
        var message =
            "已记录 \(provenance.quarter) 的结果：\(folder)/（\(ResultLedger.resultsJSON)、\(ResultLedger.resultsCSV)、\(ResultLedger.provenanceFile)），"
        message += "规则版本 \(provenance.policy.version)，\(provenance.ruleFiles.count) 个规则文件、\(provenance.evidenceFileCount) 个证据文件。\n"
        if let superseded {
            message += "原记录已改名保留为 \(superseded)/。\n"
            message += "记录人 \(provenance.recordedBy ?? "")，理由：\(provenance.reason ?? "")；已记入 \(ledger.historyPath(for: quarter))。\n"
        }
        writeError(message)
    case .unchanged(let provenance, let folder):
        writeError(
            CommandConclusions.alreadyRecorded(provenance.quarter, at: ledger.timeDisplay.text(provenance.recordedAt), folder: folder))
    }
}

/// Reports why nothing was recorded: exit 3 when the record could not be written (a full
/// disk, a read-only folder), 1 otherwise.
private func refuse(_ problem: Diagnostic, display: DisplayOptions) throws -> Never {
    report([problem], display: display)
    writeError(CommandConclusions.notRecorded)
    throw ExitCode(problem.code == InputCode.write ? 3 : 1)
}

/// `check`'s part for recorded quarters: each one's inputs re-hashed and compared, the problems
/// to `sink`; returns the closing line's part naming the quarters that are as recorded.
func verifyRecordedQuarters(location: LocationOptions, results: ResultsOptions, only quarter: Quarter?, sink: inout DiagnosticSink)
    -> String
{
    let ledger = ResultLedger(root: results.root(evidence: location.evidence))
    let intact = ledger.verify(
        rulesPath: location.rules, evidencePath: location.evidence, quarters: quarter.map { [$0] }, sink: &sink)
    return intact.isEmpty ? "" : "；已记录的结果与其输入一致：" + intact.map(\.description).joined(separator: "、")
}
