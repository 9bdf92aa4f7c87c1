import Foundation
import ScorecardBase
import ScorecardEvidence
import ScorecardLedger
import Testing
import ScorecardTestSupport

/// A mine's folder in a temporary directory: two rule files, a roster and a quarter's
/// evidence, and the results folder under the evidence as `evaluate --record` uses it.
struct Mine {
    let folder: TemporaryFolder
    var root: String { folder.path }
    let quarter = Quarter(year: 2025, number: 4)!
    var ledger: ResultLedger

    init() throws {
        folder = try TemporaryFolder(prefix: "scorecard-ledger")
        ledger = ResultLedger(root: folder.file("seeds/results"))
        ledger.timeDisplay = TimeDisplay(offsetSeconds: 8 * 3600)
        try folder.write([
            "rules/policy.yaml": "policy: {version: \"2021.1\"}\n",
            "rules/items.yaml": "items: []\n",
            "seeds/officers.csv": "工号,姓名\n10231,田晓东\n",
            "seeds/2025-Q4/scores.csv": "工号,i01\n10231,4.5\n",
        ])
    }

    func remove() { folder.remove() }

    /// Replaces (or adds) a file of the mine's folder.
    func write(_ path: String, _ text: String) throws {
        try folder.write(path, text)
    }

    func text(_ path: String) throws -> String {
        try String(contentsOfFile: root + "/" + path, encoding: .utf8)
    }

    func names(_ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: root + "/" + path).sorted()
    }

    func submission(results: String = "{\"total\": 93.40}\n", version: String = "2021.1", evidence: [String]? = nil) -> LedgerSubmission {
        LedgerSubmission(
            quarter: quarter, policy: .init(id: "jiangou", name: "碱沟煤矿政工联系员制度", version: version, effective: "2021-09-27"),
            rulesPath: root + "/rules", ruleFiles: [root + "/rules/items.yaml", root + "/rules/policy.yaml"],
            evidencePath: root + "/seeds",
            evidenceFiles: evidence ?? [root + "/seeds/officers.csv", root + "/seeds/2025-Q4/scores.csv"],
            outputs: [
                .init(name: "results.json", bytes: Array(results.utf8)), .init(name: "results.csv", bytes: Array("officer,total\r\n".utf8)),
            ])
    }

    static let firstTime = UTCTime(year: 2026, month: 1, day: 5, hour: 8, minute: 30)!
    static let laterTime = UTCTime(year: 2026, month: 2, day: 1, hour: 9)!

    /// Records at `laterTime` replacing what is there, as `--force --reason` does.
    func force(_ submission: LedgerSubmission, processID: Int32 = 43, at time: UTCTime = Mine.laterTime) throws(LedgerFailure)
        -> LedgerWrite
    {
        try ledger.record(submission, force: true, at: time, processID: processID, by: "审核员", reason: "经批准更正")
    }
}

extension LedgerFailure {
    /// The problem when `record` refused; nil when it failed.
    var refused: Diagnostic? { if case .refused(let problem) = self { problem } else { nil } }
    /// The problem when `record` failed; nil when it refused.
    var failed: Diagnostic? { if case .failed(let problem) = self { problem } else { nil } }
}

@Suite struct LedgerRecordingTests {
    @Test func recordsResultsAndProvenance() throws {
        let mine = try Mine()
        defer { mine.remove() }
        guard
            case .recorded(let provenance, let folder, let superseded) =
                try mine.ledger.record(mine.submission(), force: false, at: Mine.firstTime, processID: 42)
        else {
            Issue.record("expected a record"); return
        }
        #expect(folder == mine.root + "/seeds/results/2025-Q4")
        #expect(superseded == nil)
        #expect(try mine.names("seeds/results") == ["2025-Q4", "2025-Q4.history"], "no temporary or incomplete folder is left")
        #expect(try mine.names("seeds/results/2025-Q4") == ["provenance.json", "results.csv", "results.json"])
        #expect(try mine.text("seeds/results/2025-Q4/results.json") == "{\"total\": 93.40}\n")

        let json = try mine.text("seeds/results/2025-Q4/provenance.json")
        #expect(json.contains("\"recorded_at\": \"2026-01-05T08:30:00Z\""))
        #expect(json.contains("\"engine_version\": \"\(ScorecardVersion.current)\""))
        #expect(json.contains("\"name\": \"2025-Q4/scores.csv\""))
        let scores = SHA256.hex(SHA256.hash(Array("工号,i01\n10231,4.5\n".utf8)))
        #expect(json.contains("\"sha256\": \"\(scores)\""))

        // Read back, it is what was written.
        let read = try #require(try mine.ledger.record(of: mine.quarter))
        #expect(read.recordedAt == Mine.firstTime)
        #expect(read.policy == provenance.policy)
        #expect(read.evidenceFiles.map(\.name) == ["officers.csv", "2025-Q4/scores.csv"])
        #expect(read.evidenceFiles.map(\.sha256) == provenance.evidenceFiles.map(\.sha256))
        #expect(read.ruleFiles.map(\.name) == ["items.yaml", "policy.yaml"])
        #expect(read.outputs.map(\.name) == ["results.json", "results.csv"])
        #expect(mine.ledger.recordedQuarters() == [mine.quarter])
    }

    @Test func recordingTheSameAgainWritesNothing() throws {
        let mine = try Mine()
        defer { mine.remove() }
        _ = try mine.ledger.record(mine.submission(), force: false, at: Mine.firstTime, processID: 42)
        let before = try mine.text("seeds/results/2025-Q4/provenance.json")
        for force in [false, true] {
            guard
                case .unchanged(let recorded, _) = try mine.ledger.record(
                    mine.submission(), force: force, at: Mine.laterTime, processID: 43)
            else {
                Issue.record("expected unchanged"); return
            }
            #expect(recorded.recordedAt == Mine.firstTime)
        }
        #expect(try mine.text("seeds/results/2025-Q4/provenance.json") == before)
        #expect(try mine.names("seeds/results") == ["2025-Q4", "2025-Q4.history"])
    }

    @Test func aFinalQuarterIsNotOverwrittenWithDifferentInputs() throws {
        let mine = try Mine()
        defer { mine.remove() }
        _ = try mine.ledger.record(mine.submission(), force: false, at: Mine.firstTime, processID: 42)
        let before = try mine.text("seeds/results/2025-Q4/provenance.json")
        try mine.write("seeds/2025-Q4/scores.csv", "工号,i01\n10231,4.0\n")
        try mine.write("seeds/2025-Q4/suggestions.csv", "工号,日期\n")
        let evidence = [mine.root + "/seeds/2025-Q4/scores.csv", mine.root + "/seeds/2025-Q4/suggestions.csv"]
        let failure = #expect(throws: LedgerFailure.self) {
            try mine.ledger.record(
                mine.submission(results: "{\"total\": 92.90}\n", version: "2021.2", evidence: evidence), force: false,
                at: Mine.laterTime, processID: 43)
        }
        let problem = try #require(failure?.refused, "expected a refusal, got \(String(describing: failure))")
        #expect(problem.code == "ledger.final")
        #expect(problem.severity == .error)
        // Shown in local time with its offset; the record keeps UTC.
        #expect(problem.message.contains("2025-Q4 的结果已于 2026-01-05 16:30:00 +08:00 记录"))
        #expect(problem.hint?.contains("--force") == true)
        let notes = problem.notes.map(\.message)
        #expect(notes.contains("规则版本由记录时的 2021.1 变为 2021.2"))
        #expect(notes.contains("证据文件“\(mine.root)/seeds/2025-Q4/scores.csv”的内容与记录时不同"))
        #expect(notes.contains("多了证据文件“\(mine.root)/seeds/2025-Q4/suggestions.csv”（记录时没有）"))
        #expect(notes.contains("记录时用到的证据文件“\(mine.root)/seeds/officers.csv”这次没有用到或已不存在"))
        #expect(try mine.text("seeds/results/2025-Q4/provenance.json") == before)
        #expect(try mine.text("seeds/results/2025-Q4/results.json") == "{\"total\": 93.40}\n")
        #expect(try mine.names("seeds/results") == ["2025-Q4", "2025-Q4.history"])
    }

    @Test func sameInputsButDifferentResultsIsAChangeToo() throws {
        let mine = try Mine()
        defer { mine.remove() }
        _ = try mine.ledger.record(mine.submission(), force: false, at: Mine.firstTime, processID: 42)
        let failure = #expect(throws: LedgerFailure.self) {
            try mine.ledger.record(
                mine.submission(results: "{\"total\": 93.41}\n"), force: false, at: Mine.laterTime, processID: 43, engineVersion: "9.9.9")
        }
        let problem = try #require(failure?.refused, "expected a refusal, got \(String(describing: failure))")
        #expect(problem.code == "ledger.final")
        #expect(problem.notes.map(\.message) == ["输入相同，但算出的结果与记录时不同（程序版本由 \(ScorecardVersion.current) 变为 9.9.9）"])
    }

    @Test func forcingKeepsThePreviousRecord() throws {
        let mine = try Mine()
        defer { mine.remove() }
        _ = try mine.ledger.record(mine.submission(), force: false, at: Mine.firstTime, processID: 42)
        let old = try mine.text("seeds/results/2025-Q4/provenance.json")
        try mine.write("seeds/2025-Q4/scores.csv", "工号,i01\n10231,4.0\n")
        guard case .recorded(_, _, let superseded) = try mine.force(mine.submission(results: "{\"total\": 92.90}\n")) else {
            Issue.record("expected a record"); return
        }
        #expect(superseded == mine.root + "/seeds/results/2025-Q4.superseded-20260201T090000Z")
        #expect(try mine.names("seeds/results") == ["2025-Q4", "2025-Q4.history", "2025-Q4.superseded-20260201T090000Z"])
        #expect(try mine.text("seeds/results/2025-Q4.superseded-20260201T090000Z/provenance.json") == old)
        #expect(try mine.text("seeds/results/2025-Q4.superseded-20260201T090000Z/results.json") == "{\"total\": 93.40}\n")
        #expect(try mine.text("seeds/results/2025-Q4/results.json") == "{\"total\": 92.90}\n")
        #expect(try mine.ledger.record(of: mine.quarter)?.recordedAt == Mine.laterTime)

        // Forced again within the same second: the second earlier record is kept as well.
        try mine.write("seeds/2025-Q4/scores.csv", "工号,i01\n10231,3.5\n")
        guard case .recorded(_, _, let again) = try mine.force(mine.submission(results: "{\"total\": 92.40}\n"), processID: 44) else {
            Issue.record("expected a record"); return
        }
        #expect(again == mine.root + "/seeds/results/2025-Q4.superseded-20260201T090000Z-2")
        #expect(mine.ledger.recordedQuarters() == [mine.quarter])
        let verification = mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds")
        #expect(verification.diagnostics.isEmpty, "\(verification.diagnostics)")
        #expect(verification.intact == [mine.quarter])
    }

    @Test func aDamagedRecordIsReplacedOnlyWhenForced() throws {
        let mine = try Mine()
        defer { mine.remove() }
        _ = try mine.ledger.record(mine.submission(), force: false, at: Mine.firstTime, processID: 42)
        try mine.write("seeds/results/2025-Q4/provenance.json", "{\"format\": \"scorecard-ledger/1\", \"quarter\": ")
        let failure = #expect(throws: LedgerFailure.self) {
            try mine.ledger.record(mine.submission(), force: false, at: Mine.laterTime, processID: 43)
        }
        let problem = try #require(failure?.refused, "expected a refusal, got \(String(describing: failure))")
        #expect(problem.code == "ledger.bad-record")
        #expect(problem.hint?.contains("--force") == true)
        guard case .recorded(_, _, let superseded?) = try mine.force(mine.submission()) else {
            Issue.record("expected a record"); return
        }
        #expect(superseded.hasSuffix("2025-Q4.superseded-20260201T090000Z"))
    }

    @Test func anUnreadableInputFailsBeforeAnythingIsWritten() throws {
        let mine = try Mine()
        defer { mine.remove() }
        let failure = #expect(throws: LedgerFailure.self) {
            try mine.ledger.record(
                mine.submission(evidence: [mine.root + "/seeds/nope.csv"]), force: false, at: Mine.firstTime, processID: 42)
        }
        let problem = try #require(failure?.failed, "expected a failure, got \(String(describing: failure))")
        #expect(problem.code == "io.read")
        #expect(FileSystem.kind(of: mine.root + "/seeds/results") == .missing)
    }
}

@Suite struct LedgerCheckTests {
    private func recorded() throws -> Mine {
        let mine = try Mine()
        _ = try mine.ledger.record(mine.submission(), force: false, at: Mine.firstTime, processID: 42)
        return mine
    }

    @Test func anUntouchedRecordIsIntact() throws {
        let mine = try recorded()
        defer { mine.remove() }
        let verification = mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds")
        #expect(verification.diagnostics.isEmpty)
        #expect(verification.intact == [mine.quarter])
        #expect(ResultLedger(root: mine.root + "/nowhere").verify(rulesPath: "r", evidencePath: "e").diagnostics.isEmpty)
    }

    @Test func changedAndMissingInputsAreNamedWithTheirPlaceInTheRecord() throws {
        let mine = try recorded()
        defer { mine.remove() }
        try mine.write("seeds/2025-Q4/scores.csv", "工号,i01\n10231,4.0\n")
        try FileManager.default.removeItem(atPath: mine.root + "/rules/items.yaml")
        let verification = mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds")
        #expect(verification.intact.isEmpty)
        let byCode = Dictionary(grouping: verification.diagnostics, by: \.code)
        let changed = try #require(byCode["ledger.changed-input"]?.first)
        #expect(changed.message == "2025-Q4 的记录所用的证据文件“\(mine.root)/seeds/2025-Q4/scores.csv”在记录后被改动过，内容与记录时不同")
        #expect(changed.hint?.contains("--record --force") == true)
        let provenance = mine.root + "/seeds/results/2025-Q4/provenance.json"
        let lines = try mine.text("seeds/results/2025-Q4/provenance.json").components(separatedBy: "\n")
        let location = try #require(changed.location)
        #expect(location.file == provenance)
        #expect(lines[location.line - 1].contains("\"sha256\""))
        #expect(lines[location.line - 2].contains("\"name\": \"2025-Q4/scores.csv\""))
        #expect(location.column == 19)
        let missing = try #require(byCode["ledger.missing-input"]?.first)
        #expect(missing.message == "2025-Q4 的记录所用的规则文件“\(mine.root)/rules/items.yaml”已不存在")
        #expect(verification.diagnostics.count == 2)
    }

    @Test func inputsAreFoundWhereTheMineFolderIsNow() throws {
        let mine = try recorded()
        defer { mine.remove() }
        // The whole folder moved: names inside the rule and evidence folders still match.
        let moved = mine.root + "-moved"
        try FileManager.default.moveItem(atPath: mine.root, toPath: moved)
        defer { try? FileManager.default.removeItem(atPath: moved) }
        let verification = ResultLedger(root: moved + "/seeds/results").verify(rulesPath: moved + "/rules", evidencePath: moved + "/seeds")
        #expect(verification.diagnostics.isEmpty)
        #expect(verification.intact == [mine.quarter])
    }

    @Test func anEditedResultIsReported() throws {
        let mine = try recorded()
        defer { mine.remove() }
        try mine.write("seeds/results/2025-Q4/results.json", "{\"total\": 99.00}\n")
        let verification = mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds")
        #expect(verification.diagnostics.map(\.code) == ["ledger.changed-result"])
    }

    @Test func aDamagedProvenanceIsABadRecordWithItsPlace() throws {
        let mine = try recorded()
        defer { mine.remove() }
        let text = try mine.text("seeds/results/2025-Q4/provenance.json")
        try mine.write("seeds/results/2025-Q4/provenance.json", text.replacingOccurrences(of: "\"engine_version\"", with: "\"engine\""))
        let verification = mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds", quarters: [mine.quarter])
        let problem = try #require(verification.diagnostics.first)
        #expect(problem.code == "ledger.bad-record")
        #expect(problem.message.contains("缺少“engine_version”"))
        #expect(problem.location?.line == 1)

        try FileManager.default.removeItem(atPath: mine.root + "/seeds/results/2025-Q4/provenance.json")
        #expect(
            mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds").diagnostics.map(\.code) == [
                "ledger.bad-record"
            ])
    }

    @Test func onlyTheQuartersAskedFor() throws {
        let mine = try recorded()
        defer { mine.remove() }
        try mine.write("seeds/2025-Q4/scores.csv", "changed\n")
        let other = Quarter(year: 2025, number: 3)!
        #expect(
            mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds", quarters: [other]).diagnostics.isEmpty)
    }
}

@Suite struct LedgerNamesTests {
    @Test func inputNamesAreRelativeToTheirFolder() throws {
        let mine = try Mine()
        defer { mine.remove() }
        // A single rule file: named by its file name, found next to wherever the rule file is now.
        var submission = mine.submission()
        submission.rulesPath = mine.root + "/rules/items.yaml"
        submission.ruleFiles = [mine.root + "/rules/items.yaml"]
        guard case .recorded(let provenance, _, _) = try mine.ledger.record(submission, force: false, at: Mine.firstTime, processID: 1)
        else {
            Issue.record("expected a record"); return
        }
        #expect(provenance.ruleFiles.map(\.name) == ["items.yaml"])
        #expect(mine.ledger.verify(rulesPath: mine.root + "/rules/items.yaml", evidencePath: mine.root + "/seeds/").diagnostics.isEmpty)
    }
}
