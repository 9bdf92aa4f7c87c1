import Foundation
import ScorecardBase
import ScorecardLedger
import Testing

/// A crash (kill -9, power cut) after any write step of recording: the final record is always
/// whole, `check` says what happened, and `recover` (which every recording runs first) ends in
/// one final record, every earlier one kept, and a history that holds.
@Suite struct LedgerCrashTests {
    static let newResults = "{\"total\": 92.90}\n"
    /// The problem `crashAfterStep` stops with: as a failed write, never a refusal.
    static let crash = "（测试）写入中途停止"

    /// results.json of the record in `folder` when the record is whole (its provenance reads and
    /// its result files match their digests); nil otherwise.
    func whole(_ mine: Mine, _ folder: String) -> String? {
        let base = mine.root + "/" + folder
        guard let bytes = try? FileSystem.read(base + "/provenance.json"),
            let provenance = try? Provenance.parse(bytes, file: folder)
        else { return nil }
        let intact = provenance.outputs.allSatisfy { output in
            (try? FileSystem.sha256(ofFile: base + "/" + output.name)).map(SHA256.hex) == output.sha256
        }
        return intact ? (try? mine.text(folder + "/results.json")) : nil
    }

    /// The first recording: 1 the folder, 2–4 its three files, 5 the history entry, 6 the rename into place.
    @Test(arguments: 1...6)
    func aCrashWhileRecordingTheFirstTime(step: Int) throws {
        let mine = try Mine()
        defer { mine.remove() }
        var crashing = mine.ledger
        crashing.crashAfterStep = step
        let failure = #expect(throws: LedgerFailure.self) {
            try crashing.record(mine.submission(), force: false, at: Mine.firstTime, processID: 42)
        }
        #expect(failure?.failed?.message == Self.crash, "expected the simulated crash, got \(String(describing: failure))")
        let verification = mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds")
        switch step {
        case ..<5:
            // Not entered in the history: nothing was recorded, and the half-built folder may go.
            #expect(try mine.ledger.record(of: mine.quarter) == nil)
            #expect(try mine.names("seeds/results") == [".2025-Q4.incomplete-42"])
            #expect(verification.diagnostics.map(\.code) == ["ledger.incomplete"])
            #expect(verification.diagnostics.allSatisfy { $0.severity == .warning })
        case 5:
            // Entered, not yet in place: not a leftover to delete, a recording to finish.
            #expect(try mine.ledger.record(of: mine.quarter) == nil)
            #expect(verification.diagnostics.map(\.code) == ["ledger.interrupted"])
            #expect(verification.diagnostics.first?.hint?.contains("改名为“\(mine.root)/seeds/results/2025-Q4”") == true)
        default:
            #expect(verification.diagnostics.isEmpty, "\(verification.diagnostics)")
        }
        let repairs = try mine.ledger.recover(mine.quarter)
        #expect(repairs.count == (step == 5 ? 1 : 0))
        let again = try mine.ledger.record(mine.submission(), force: false, at: Mine.laterTime, processID: 44)
        if step >= 5 {
            guard case .unchanged(let recorded, _) = again else { Issue.record("expected unchanged, got \(again)"); return }
            #expect(recorded.recordedAt == Mine.firstTime)
        } else {
            guard case .recorded = again else { Issue.record("expected a record, got \(again)"); return }
        }
        #expect(try mine.names("seeds/results") == ["2025-Q4", "2025-Q4.history"], "the leftover is cleaned up")
        let after = mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds")
        #expect(after.diagnostics.isEmpty, "\(after.diagnostics)")
        #expect(after.intact == [mine.quarter])
    }

    /// Replacing a final record: 1 the folder, 2–4 its files, 5 the history entry, 6 the exchange
    /// (or, without one, the old record renamed aside), 7 the old record renamed aside (or the new
    /// one into place).
    @Test(arguments: [ResultLedger.SwapMethod.exchange, .twoRenames], 1...7)
    func aCrashWhileReplacingLeavesAWholeFinalRecord(method: ResultLedger.SwapMethod, step: Int) throws {
        let mine = try Mine()
        defer { mine.remove() }
        _ = try mine.ledger.record(mine.submission(), force: false, at: Mine.firstTime, processID: 42)
        let old = try mine.text("seeds/results/2025-Q4/provenance.json")
        let oldResults = try mine.text("seeds/results/2025-Q4/results.json")
        try mine.write("seeds/2025-Q4/scores.csv", "工号,i01\n10231,4.0\n")
        var crashing = mine.ledger
        crashing.crashAfterStep = step
        crashing.swapMethod = method
        let failure = #expect(throws: LedgerFailure.self) { try crashing.ledgerForce(mine, results: Self.newResults) }
        #expect(failure?.failed?.message == Self.crash, "expected the simulated crash, got \(String(describing: failure))")

        let inPlace = whole(mine, "seeds/results/2025-Q4")
        if step <= 5 {
            #expect(inPlace == oldResults, "the old record is final until the swap")
        } else if method == .exchange || step == 7 {
            #expect(inPlace == Self.newResults, "exchanged in one step: never without a final record")
        } else {
            // Two renames, cut between them: the one moment without a final record, which the
            // history and check account for.
            #expect(inPlace == nil)
        }
        let verification = mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds")
        let codes = verification.diagnostics.map(\.code)
        if step < 5 {
            #expect(codes == ["ledger.incomplete", "ledger.changed-input"], "\(verification.diagnostics)")
        } else if step < 7 {
            #expect(codes == ["ledger.interrupted"], "\(verification.diagnostics)")
        } else {
            #expect(codes.isEmpty, "\(verification.diagnostics)")
        }

        _ = try mine.ledger.recover(mine.quarter)
        if step >= 5 {
            // The history said the new record is final: finished, the old one kept whole.
            #expect(whole(mine, "seeds/results/2025-Q4") == Self.newResults)
            #expect(try mine.text("seeds/results/2025-Q4.superseded-20260201T090000Z/provenance.json") == old)
            #expect(try mine.names("seeds/results") == ["2025-Q4", "2025-Q4.history", "2025-Q4.superseded-20260201T090000Z"])
        } else {
            #expect(whole(mine, "seeds/results/2025-Q4") == oldResults)
            guard case .recorded = try mine.ledger.ledgerForce(mine, results: Self.newResults) else {
                Issue.record("expected a record"); return
            }
        }
        let after = mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds")
        #expect(after.diagnostics.isEmpty, "\(after.diagnostics)")
        #expect(after.intact == [mine.quarter])
        #expect(
            LedgerHistory.readChecked(mine.ledger.historyPath(for: mine.quarter)).history?.entries.map(\.event) == [.recorded, .superseded])
    }

    /// Before histories, `--force` was two renames: old → superseded-<new time>, new → final.
    /// A kill between them left no final record, and `check` called the new record a leftover
    /// that may be deleted, and a plain `--record` recorded the quarter as if it had never been.
    @Test func aFormatOneReplacementCutBetweenItsRenamesIsFinished() throws {
        let mine = try Mine()
        defer { mine.remove() }
        let results = mine.root + "/seeds/results"
        _ = try mine.ledger.record(mine.submission(), force: false, at: Mine.firstTime, processID: 42)
        try mine.write("seeds/results/2025-Q4/provenance.json", formatOne(try mine.text("seeds/results/2025-Q4/provenance.json")))
        try FileManager.default.removeItem(atPath: results + "/2025-Q4.history")
        // The new record, whole under its building name, as the earlier program left it.
        let other = ResultLedger(root: mine.root + "/elsewhere")
        _ = try other.record(mine.submission(results: Self.newResults), force: false, at: Mine.laterTime, processID: 43)
        try mine.write("elsewhere/2025-Q4/provenance.json", formatOne(try mine.text("elsewhere/2025-Q4/provenance.json")))
        try FileManager.default.moveItem(atPath: results + "/2025-Q4", toPath: results + "/2025-Q4.superseded-20260201T090000Z")
        try FileManager.default.moveItem(atPath: mine.root + "/elsewhere/2025-Q4", toPath: results + "/.2025-Q4.incomplete-43")

        let verification = mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds")
        #expect(verification.diagnostics.map(\.code) == ["ledger.interrupted"], "not a leftover that may be deleted")
        #expect(verification.diagnostics.first?.hint?.contains("把“\(results)/.2025-Q4.incomplete-43”改名为“\(results)/2025-Q4”") == true)

        guard
            case .unchanged(let recorded, _) = try mine.ledger.record(
                mine.submission(results: Self.newResults), force: false, at: UTCTime(year: 2026, month: 3, day: 1)!, processID: 44)
        else {
            Issue.record("expected the finished record"); return
        }
        #expect(recorded.recordedAt == Mine.laterTime)
        #expect(try mine.names("seeds/results") == ["2025-Q4", "2025-Q4.superseded-20260201T090000Z"])
        #expect(mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds").diagnostics.isEmpty)
    }

    @Test func aMissingFinalRecordIsNotRecordedAgainAsIfNew() throws {
        let mine = try Mine()
        defer { mine.remove() }
        _ = try mine.ledger.record(mine.submission(), force: false, at: Mine.firstTime, processID: 42)
        try FileManager.default.removeItem(atPath: mine.root + "/seeds/results/2025-Q4")
        let verification = mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds")
        #expect(verification.diagnostics.map(\.code) == ["ledger.no-final"])
        let failure = #expect(throws: LedgerFailure.self) {
            try mine.ledger.record(mine.submission(), force: false, at: Mine.laterTime, processID: 43)
        }
        let problem = try #require(failure?.refused, "expected a refusal, got \(String(describing: failure))")
        #expect(problem.code == "ledger.no-final")
        #expect(problem.hint?.contains("--force --reason") == true)
        guard case .recorded = try mine.force(mine.submission()) else { Issue.record("expected a record"); return }
        #expect(mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds").diagnostics.isEmpty)
    }
}

extension ResultLedger {
    func ledgerForce(_ mine: Mine, results: String) throws(LedgerFailure) -> LedgerWrite {
        try record(mine.submission(results: results), force: true, at: Mine.laterTime, processID: 43, by: "审核员", reason: "经批准更正")
    }
}

/// provenance.json as the first format wrote it: no recorder, reason or roster section.
func formatOne(_ text: String) -> String {
    text.components(separatedBy: "\n")
        .filter { !$0.contains("\"recorded_by\"") && !$0.contains("\"reason\"") && !$0.contains("\"roster\": null") }
        .joined(separator: "\n")
        .replacingOccurrences(of: "scorecard-ledger/2", with: "scorecard-ledger/1")
}
