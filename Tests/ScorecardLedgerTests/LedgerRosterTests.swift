import Foundation
import ScorecardBase
import ScorecardEvidence
import ScorecardLedger
import Testing

/// A record depends on the roster rows of the officers serving in its quarter, and on nothing
/// else of the roster: a routine roster update for another year leaves it intact, a change to a
/// row it used does not.
@Suite struct LedgerRosterTests {
    static let header = "officer,name,unit,area,from,until"
    /// 10231 serves in 2025-Q4; 10247 left in 2025-Q2.
    static let rows = ["10231,田晓东,综采一队,甲班,2021-10-18,", "10247,许文辉,综采一队,乙班,2021-10-18,2025-06-30"]

    func recorded(_ rows: [String] = Self.rows) throws -> Mine {
        let mine = try Mine()
        try mine.writeRoster(rows)
        guard
            case .recorded(let provenance, _, _) = try mine.ledger.record(
                mine.rosterSubmission(), force: false, at: Mine.firstTime, processID: 42)
        else {
            throw RosterTestError.notRecorded
        }
        #expect(provenance.roster?.officers.map(\.id) == ["10231"], "only the officer serving in the quarter")
        #expect(provenance.evidenceFiles.map(\.name) == ["2025-Q4/scores.csv"], "the roster file is not hashed whole")
        return mine
    }

    func verify(_ mine: Mine) -> LedgerCheck {
        mine.ledger.verify(rulesPath: mine.root + "/rules", evidencePath: mine.root + "/seeds")
    }

    @Test func anOfficerAddedForAnotherYearLeavesTheRecordIntact() throws {
        let mine = try recorded()
        defer { mine.remove() }
        // A 2026 appointment, an edit to an officer who left earlier, the same rows re-ordered.
        try mine.writeRoster(["10299,新人甲,机电队,夜班,2026-01-12,", "10247,许文辉,综采二队,乙班,2021-10-18,2025-06-30", Self.rows[0]])
        let verification = verify(mine)
        #expect(verification.diagnostics.isEmpty, "\(verification.diagnostics)")
        #expect(verification.intact == [mine.quarter])
        guard case .unchanged = try mine.ledger.record(mine.rosterSubmission(), force: false, at: Mine.laterTime, processID: 43) else {
            Issue.record("recording again should change nothing"); return
        }
    }

    @Test func theSameValuesWrittenDifferentlyAreTheSameRow() throws {
        let mine = try recorded()
        defer { mine.remove() }
        // Chinese headers, other column order, spaces around the cells, CRLF line ends.
        try mine.write("seeds/officers.csv", "姓名,工号,班次,单位,任职日期,离任日期\r\n 田晓东 ,10231,甲班,综采一队,2021-10-18,\r\n")
        #expect(verify(mine).diagnostics.isEmpty)
    }

    @Test func aChangedRowTheQuarterUsedIsReportedWithItsPlace() throws {
        let mine = try recorded()
        defer { mine.remove() }
        try mine.writeRoster(["10231,田晓东,综采二队,甲班,2021-10-18,", Self.rows[1]])
        let verification = verify(mine)
        #expect(verification.intact.isEmpty)
        let problem = try #require(verification.diagnostics.first)
        #expect(verification.diagnostics.count == 1)
        #expect(problem.code == "ledger.changed-input")
        #expect(problem.message == "2025-Q4 的记录所用的名册“\(mine.root)/seeds/officers.csv”中联系员 10231（田晓东）一行在记录后被改动过，内容与记录时不同")
        // At the row's digest in provenance.json, with the row as it is now as a note.
        let location = try #require(problem.location)
        let lines = try mine.text("seeds/results/2025-Q4/provenance.json").components(separatedBy: "\n")
        #expect(lines[location.line - 1].contains("\"sha256\""))
        #expect(lines[location.line - 3].contains("\"id\": \"10231\""))
        #expect(problem.notes.first?.location?.file == mine.root + "/seeds/officers.csv")
        #expect(problem.notes.first?.location?.line == 2)

        let failure = #expect(throws: LedgerFailure.self) {
            try mine.ledger.record(mine.rosterSubmission(), force: false, at: Mine.laterTime, processID: 43)
        }
        let refusal = try #require(failure?.refused, "expected a refusal, got \(String(describing: failure))")
        #expect(refusal.code == "ledger.final")
        #expect(refusal.notes.map(\.message) == ["名册中联系员 10231（田晓东）一行的内容与记录时不同"])
    }

    @Test func anOfficerNowServingOrNoLongerServingIsAChange() throws {
        let mine = try recorded()
        defer { mine.remove() }
        // 10247 no longer left in June; 10231 is gone from the roster.
        try mine.writeRoster(["10247,许文辉,综采一队,乙班,2021-10-18,"])
        let messages = verify(mine).diagnostics.map(\.message)
        #expect(
            messages == [
                "2025-Q4 的记录所用的联系员 10231（田晓东）已不在名册“\(mine.root)/seeds/officers.csv”中，或已不在 2025-Q4 在任",
                "名册“\(mine.root)/seeds/officers.csv”中多了在 2025-Q4 在任的联系员 10247（许文辉），记录时没有",
            ])
        try FileManager.default.removeItem(atPath: mine.root + "/seeds/officers.csv")
        #expect(verify(mine).diagnostics.map(\.code) == ["ledger.missing-input"])
    }

    /// A record of the first format hashed the whole roster file: still checked that way.
    @Test func aFormatOneRecordStillChecksTheWholeRosterFile() throws {
        let mine = try Mine()
        defer { mine.remove() }
        _ = try mine.ledger.record(mine.submission(), force: false, at: Mine.firstTime, processID: 42)
        try mine.write("seeds/results/2025-Q4/provenance.json", formatOne(try mine.text("seeds/results/2025-Q4/provenance.json")))
        try FileManager.default.removeItem(atPath: mine.root + "/seeds/results/2025-Q4.history")
        let read = try #require(try mine.ledger.record(of: mine.quarter))
        #expect(read.formatVersion == "scorecard-ledger/1")
        #expect(read.recordedBy == nil && read.roster == nil)
        #expect(verify(mine).diagnostics.isEmpty)
        try mine.write("seeds/officers.csv", "工号,姓名\n10231,田晓东\n10299,新人甲\n")
        #expect(verify(mine).diagnostics.map(\.code) == ["ledger.changed-input"])
    }
}

enum RosterTestError: Error { case notRecorded }

extension Mine {
    func writeRoster(_ rows: [String]) throws {
        try write("seeds/officers.csv", ([LedgerRosterTests.header] + rows).joined(separator: "\n") + "\n")
    }

    /// The quarter's scores file and the roster rows of the officers serving in it, as
    /// `evaluate --record` submits them.
    func rosterSubmission(results: String = "{\"total\": 93.40}\n") throws -> LedgerSubmission {
        var submission = submission(results: results, evidence: [root + "/seeds/2025-Q4/scores.csv"])
        var sink = DiagnosticSink()
        let loaded = (roster: EvidenceFolder(root: root + "/seeds").loadRoster(sink: &sink), problems: sink.diagnostics)
        #expect(!loaded.problems.contains { $0.severity == .error }, "\(loaded.problems)")
        submission.roster = .init(path: root + "/seeds/officers.csv", officers: loaded.roster.officers.filter { $0.serves(in: quarter) })
        return submission
    }
}
