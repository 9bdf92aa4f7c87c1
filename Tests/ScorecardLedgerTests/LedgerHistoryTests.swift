import Foundation
import ScorecardBase
import ScorecardLedger
import Testing
import ScorecardTestSupport

/// Every recording and replacement of a quarter, with who and why, in an append-only history
/// whose lines are chained by digest: `check` notices a line edited or taken out.
@Suite struct LedgerHistoryTests {
    /// Recorded, then replaced with `--force --reason`.
    func replaced() throws -> Mine {
        let mine = try Mine()
        _ = try mine.ledger.record(mine.submission(), force: false, at: Mine.firstTime, processID: 42, by: "记录员")
        try mine.write("seeds/2025-Q4/scores.csv", "工号,i01\n10231,4.0\n")
        guard case .recorded = try mine.force(mine.submission(results: "{\"total\": 92.90}\n")) else { throw RosterTestError.notRecorded }
        return mine
    }

    func codes(_ mine: Mine) -> [String] {
        mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds").diagnostics.map(\.code)
    }

    @Test func aReplacementRecordsWhoWhyAndWhatItReplaced() throws {
        let mine = try replaced()
        defer { mine.remove() }
        let read = LedgerHistory.readChecked(mine.ledger.historyPath(for: mine.quarter))
        let history = try #require(read.history)
        #expect(read.problems.isEmpty)
        let lines = try mine.text("seeds/results/2025-Q4.history").split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let (first, second) = (history.entries[0], history.entries[1])
        #expect(first.event == .recorded && first.by == "记录员" && first.reason == nil && first.previousSHA256 == nil)
        #expect(second.event == .superseded && second.by == "审核员" && second.reason == "经批准更正")
        #expect(second.at == Mine.laterTime)
        #expect(second.superseded == "2025-Q4.superseded-20260201T090000Z")
        #expect(second.previousSHA256 == SHA256.hex(SHA256.hash(Array(lines[0].utf8))))
        let oldProvenance = try FileSystem.sha256(ofFile: mine.root + "/seeds/results/2025-Q4.superseded-20260201T090000Z/provenance.json")
        #expect(second.supersededSHA256 == SHA256.hex(oldProvenance))
        #expect(first.provenanceSHA256 == SHA256.hex(oldProvenance))
        let provenance = try #require(try mine.ledger.record(of: mine.quarter))
        #expect(provenance.recordedBy == "审核员" && provenance.reason == "经批准更正")
        #expect(codes(mine).isEmpty)
    }

    @Test func replacingWithoutAReasonIsRefused() throws {
        let mine = try Mine()
        defer { mine.remove() }
        _ = try mine.ledger.record(mine.submission(), force: false, at: Mine.firstTime, processID: 42)
        let before = try mine.text("seeds/results/2025-Q4.history")
        for reason in [nil, "  "] as [String?] {
            let failure = #expect(throws: LedgerFailure.self) {
                try mine.ledger.record(
                    mine.submission(results: "{}\n"), force: true, at: Mine.laterTime, processID: 43, by: "x", reason: reason)
            }
            #expect(failure?.failed?.code == "ledger.no-reason", "expected a failure, got \(String(describing: failure))")
        }
        #expect(try mine.text("seeds/results/2025-Q4.history") == before)
        #expect(try mine.names("seeds/results") == ["2025-Q4", "2025-Q4.history"])
    }

    enum Tampering: String, CaseIterable, Sendable {
        case firstLineEdited, firstLineDeleted, lastLineDeleted, lastLineEdited, cutShort, historyDeleted, supersededDeleted, recordSwapped
    }

    @Test(arguments: Tampering.allCases)
    func aTamperedHistoryIsNoticed(_ tampering: Tampering) throws {
        let mine = try replaced()
        defer { mine.remove() }
        let path = "seeds/results/2025-Q4.history"
        let results = mine.root + "/seeds/results"
        let lines = try mine.text(path).split(separator: "\n").map(String.init)
        let expected: String
        switch tampering {
        case .firstLineEdited:
            try mine.write(path, lines[0].replacingOccurrences(of: "记录员", with: "别人") + "\n" + lines[1] + "\n")
            expected = "在第 2 行断开"
        case .firstLineDeleted:
            try mine.write(path, lines[1] + "\n")
            expected = "第一条之前还有被删去的内容"
        case .lastLineDeleted:
            try mine.write(path, lines[0] + "\n")
            expected = "记下的最终记录与现在的"
        case .lastLineEdited:
            try mine.write(path, lines[0] + "\n" + lines[1].replacingOccurrences(of: "经批准更正", with: "随便改改") + "\n")
            expected = "的时间、记录人或理由与最终记录"
        case .cutShort:
            try mine.write(path, lines[0] + "\n" + lines[1].prefix(40))
            expected = "最后一行不完整"
        case .historyDeleted:
            try FileManager.default.removeItem(atPath: mine.root + "/" + path)
            expected = "的记录历史“\(results)/2025-Q4.history”不见了"
        case .supersededDeleted:
            try FileManager.default.removeItem(atPath: results + "/2025-Q4.superseded-20260201T090000Z")
            expected = "记下的被替换的记录“\(results)/2025-Q4.superseded-20260201T090000Z”不见了"
        case .recordSwapped:
            // The old record put back as final by hand.
            try FileManager.default.removeItem(atPath: results + "/2025-Q4")
            try FileManager.default.copyItem(atPath: results + "/2025-Q4.superseded-20260201T090000Z", toPath: results + "/2025-Q4")
            expected = "记下的最终记录与现在的"
        }
        let verification = mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds")
        #expect(verification.intact.isEmpty)
        let history = verification.diagnostics.filter { $0.code == "ledger.history" }
        #expect(history.contains { $0.message.contains(expected) }, "\(verification.diagnostics)")
        #expect(history.allSatisfy { $0.severity == .error && $0.hint != nil })
    }

    @Test func aHistoryLineReadsBackAsWritten() throws {
        let entry = LedgerHistoryEntry(
            event: .superseded, quarter: Quarter(year: 2025, number: 4)!, at: Mine.laterTime, by: "王\"工\"\\ \u{2028}",
            reason: "更正\n第二行\t\u{0}\u{85}", provenanceSHA256: String(repeating: "a", count: 64),
            superseded: "2025-Q4.superseded-20260201T090000Z", supersededSHA256: String(repeating: "b", count: 64),
            previousSHA256: String(repeating: "c", count: 64))
        #expect(!entry.line.contains("\n"), "one line")
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("h", entry.line + "\n")
        let checked = LedgerHistory.readChecked(folder.file("h"))
        let history = try #require(checked.history)
        var read = try #require(history.entries.first)
        read.location = nil
        #expect(read == entry)
        // The first line points at an earlier one: reported, the entry still read.
        #expect(checked.problems.map(\.code) == ["ledger.history"])
    }
}
