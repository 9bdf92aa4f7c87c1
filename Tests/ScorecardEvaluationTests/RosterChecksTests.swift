import Testing
import ScorecardTestSupport
import ScorecardBase
@testable import ScorecardEvaluation
import ScorecardEvidence
import ScorecardRules

/// The roster against clause 2.2.2: one officer per area at a time, chosen by a declared method
/// (appointments with a reason), trained. Each breach at the cell to fix.
@Suite struct RosterChecksTests {
    static let rules = seedWorkspace.policy!.roster!
    static let header = "officer,name,unit,area,selection,reason,trained_on,from,until"
    static let year = (1...4).map(quarter)

    /// `code@line:column` for each problem of a roster written as CSV lines (after the header).
    func check(_ rows: [String], quarters: [Quarter] = year) -> (places: [String], problems: [Diagnostic]) {
        var source = MemoryRows([Self.header] + rows, file: "officers.csv")
        var loading = DiagnosticSink()
        let loaded = (roster: RosterLoader.load(from: &source, file: "officers.csv", sink: &loading), problems: loading.diagnostics)
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        var sink = DiagnosticSink()
        RosterChecks(rules: Self.rules, roster: loaded.roster).check(quarters: quarters, sink: &sink)
        let problems = sink.diagnostics
        return (problems.map { "\($0.code)@\($0.location.map { "\($0.line):\($0.column)" } ?? "-")" }, problems)
    }

    @Test func seedRosterIsClean() throws {
        let roster = try #require(seedWorkspace.roster)
        var sink = DiagnosticSink()
        RosterChecks(rules: Self.rules, roster: roster).check(quarters: Self.year, sink: &sink)
        #expect(sink.isEmpty)
    }

    @Test func handoverOnConsecutiveDaysIsNoBreach() {
        let result = check([
            "1001,张三,一队,甲班,选举,,2021-10-01,2021-10-18,2025-05-15",
            "1002,李四,一队,甲班,选举,,2025-05-10,2025-05-16,",
        ])
        #expect(result.places.isEmpty, "\(result.problems)")
    }

    @Test func twoOfficersAtOnce() throws {
        let result = check([
            "1001,张三,一队,甲班,选举,,2021-10-01,2021-10-18,2025-08-15",
            "1002,李四,一队,甲班,选举,,2025-06-20,2025-07-01,",
        ])
        // At the successor's start date, once although the overlap is not confined to one quarter.
        #expect(result.places == ["roster.area-overlap@3:30"])
        let problem = try #require(result.problems.first)
        #expect(problem.message == "一队甲班 2025-07-01 至 2025-08-15 同时有 2 名联系员：1001（张三）、1002（李四），每个责任片区应有 1 名；涉及 2025-Q3")
        #expect(problem.notes.map { $0.location?.line } == [2])
        #expect(problem.notes.first?.message == "同一片区的联系员 1001（张三），任职 2021-10-18 至 2025-08-15")
        // Only the quarters asked about count.
        #expect(
            check(
                ["1001,张三,一队,甲班,选举,,2021-10-01,2021-10-18,2025-08-15", "1002,李四,一队,甲班,选举,,2025-06-20,2025-07-01,"],
                quarters: [quarter(1), quarter(2)]
            ).places.isEmpty)
    }

    @Test func openEndedOverlapListsEveryQuarter() throws {
        let result = check(["1001,张三,一队,甲班,选举,,2021-10-01,2021-10-18,", "1002,李四,一队,甲班,选举,,2025-04-01,2025-04-01,"])
        #expect(result.places == ["roster.area-overlap@3:30"])
        #expect(result.problems.first?.message.hasSuffix("涉及 2025-Q2、2025-Q3、2025-Q4") == true)
    }

    @Test func areaLeftWithoutOfficer() throws {
        let result = check([
            "1001,张三,一队,甲班,选举,,2021-10-01,2021-10-18,2025-03-31",
            "1002,李四,一队,乙班,选举,,2021-10-01,2021-10-18,",
        ])
        #expect(result.places == ["roster.area-vacant@2:41"])
        #expect(result.problems.first?.message == "一队甲班在 2025-Q2、2025-Q3、2025-Q4 没有在任的联系员")
        #expect(result.problems.first?.severity == .error)
        #expect(check(["1001,张三,一队,甲班,选举,,2021-10-01,2021-10-18,2025-03-31"], quarters: [quarter(1)]).places.isEmpty)
    }

    @Test func aNewAreaIsNotVacantBeforeItsFirstOfficer() {
        #expect(check(["1001,张三,一队,戊班,选举,,2025-06-20,2025-07-01,"]).places.isEmpty)
    }

    @Test func daysWithoutOfficerInsideAQuarterAreAWarning() throws {
        let result = check([
            "1001,张三,一队,甲班,选举,,2021-10-01,2021-10-18,2025-05-10",
            "1002,李四,一队,甲班,选举,,2025-05-20,2025-06-01,",
        ])
        #expect(result.places == ["roster.area-gap@2:41"])
        let problem = try #require(result.problems.first)
        #expect(problem.severity == .warning)
        #expect(problem.message == "一队甲班 2025-05-11 至 2025-05-31 没有在任的联系员")
        #expect(problem.notes.first?.location.map { "\($0.line):\($0.column)" } == "3:30")
    }

    @Test func selectionMethods() throws {
        let result = check([
            "1001,张三,一队,甲班,选拔,,2021-10-01,2021-10-18,",
            "1002,李四,一队,乙班,,,2021-10-01,2021-10-18,",
            "1003,王五,一队,丙班,指定,,2021-10-01,2021-10-18,",
            "1004,赵六,一队,丁班,指定,新组建班组,2021-10-01,2021-10-18,",
            "1005,钱七,二队,甲班,选举,,2021-10-01,2021-10-18,",
        ])
        #expect(result.places == ["roster.unknown-selection@2:15", "roster.missing-selection@3:15", "roster.missing-reason@4:18"])
        #expect(result.problems[0].hint == "是否想写“选举”？可选：选举、指定")
        #expect(result.problems[2].message == "联系员 1003（王五）由“指定”产生，但没有写明理由")
    }

    @Test func training() throws {
        let result = check([
            "1001,张三,一队,甲班,选举,,,2021-10-18,",
            "1002,李四,一队,乙班,选举,,2021-11-02,2021-10-18,",
        ])
        #expect(result.places == ["roster.missing-training@2:19", "roster.late-training@3:19"])
        #expect(result.problems.map(\.severity) == [.error, .warning])
        #expect(result.problems[1].message == "联系员 1002（李四）2021-10-18 任职，培训日期 2021-11-02 在任职之后")
    }

    @Test func formerOfficersAreNotJudged() {
        let result = check([
            "1000,孙八,一队,甲班,,,,2015-01-01,2021-10-17",
            "1001,张三,一队,甲班,选举,,2021-10-01,2021-10-18,",
        ])
        #expect(result.places.isEmpty, "\(result.problems)")
    }

    /// A roster of many small areas with handovers, gaps, overlaps, former officers and every
    /// kind of selection and training, from a fixed seed.
    static func generatedRoster(seed: UInt64, areas: Int) -> [String] {
        var random = seed
        func next(_ bound: Int) -> Int {
            random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((random >> 33) % UInt64(bound))
        }
        let days = [
            "", "2021-10-18", "2024-12-31", "2025-01-01", "2025-03-31", "2025-04-01", "2025-05-10", "2025-05-11", "2025-06-30",
            "2025-07-01", "2025-09-30", "2025-12-31", "2026-01-01",
        ]
        let selections = ["选举", "选举", "选举", "指定", "选拔", ""]
        var rows: [String] = []
        for area in 0..<areas {
            for _ in 0..<(1 + next(3)) {
                let id = 1000 + rows.count
                var from = days[next(days.count)], until = days[next(days.count)]
                if !from.isEmpty, !until.isEmpty, until < from { swap(&from, &until) }
                let reason = next(2) == 0 ? "" : "新组建班组"
                let trained = next(5) == 0 ? "" : days[1 + next(days.count - 1)]
                rows.append(
                    "\(id),联系员\(id),\(["一队", "二队"][area % 2]),班\(area / 2),\(selections[next(selections.count)]),\(reason),\(trained),\(from),\(until)"
                )
            }
        }
        return rows
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func screeningFindsWhatTheFullCheckFinds(seed: UInt64) throws {
        let rows = Self.generatedRoster(seed: seed, areas: 300)
        var source = MemoryRows([Self.header] + rows, file: "officers.csv")
        var sink = DiagnosticSink()
        let unpacked = (roster: RosterLoader.load(from: &source, file: "officers.csv", sink: &sink), problems: sink.diagnostics)
        try withTemporaryFolder { folder in
            try folder.write("officers.csv", ([Self.header] + rows).joined(separator: "\n") + "\n")
            var packedSink = DiagnosticSink()
            let packed = (roster: EvidenceFolder(root: folder.path).loadRoster(sink: &packedSink), problems: packedSink.diagnostics)
            #expect(packed.problems.isEmpty, "\(packed.problems)")
            for quarters in [Self.year, [quarter(2)], [quarter(1), quarter(3)]] {
                for roster in [unpacked.roster, packed.roster] {
                    let checks = RosterChecks(rules: Self.rules, roster: roster)
                    let full = checks.check(quarters: quarters, screening: false)
                    #expect(full.count > 10)
                    var sink = DiagnosticSink()
                    checks.check(quarters: quarters, sink: &sink)
                    #expect(sink.diagnostics == full)
                }
            }
        }
    }
}
