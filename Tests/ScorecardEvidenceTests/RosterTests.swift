import Testing
import ScorecardTestSupport
import ScorecardBase
@testable import ScorecardEvidence

/// The roster (officers.csv): who serves where and when.
@Suite struct RosterTests {
    func load(_ lines: [String]) -> (roster: Roster, places: [String], problems: [Diagnostic]) {
        var rows = MemoryRows(lines, file: "officers.csv")
        var sink = DiagnosticSink()
        let loaded = (roster: RosterLoader.load(from: &rows, file: "officers.csv", sink: &sink), problems: sink.diagnostics)
        return (loaded.roster, loaded.problems.map(\.place), loaded.problems)
    }

    @Test func seedRosterHasTwentyOneOfficersAndOneHandover() throws {
        var sink = DiagnosticSink()
        let loaded = (roster: EvidenceFolder(root: packageRoot + "/seeds").loadRoster(sink: &sink), problems: sink.diagnostics)
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        let roster = loaded.roster
        #expect(roster.officers.count == 21)
        let leaving = try #require(roster.officer(withID: "10465"))
        #expect(leaving.name == "沈继红")
        #expect(leaving.until == LocalDate("2025-06-30"))
        let successor = try #require(roster.officer(withID: "10489"))
        #expect(successor.name == "余国梁")
        #expect(successor.unit == "掘进二队" && successor.area == "中班")
        #expect(successor.selection == "指定")
        #expect(successor.reason?.contains("上级党组织指定") == true)
        #expect(successor.from == LocalDate("2025-07-01"))
        #expect(successor.trainedOn == LocalDate("2025-06-24"))
        #expect(successor.managerRole == "政工联系员工作办公室")
        let q2 = Quarter(year: 2025, number: 2)!, q3 = Quarter(year: 2025, number: 3)!
        #expect(leaving.serves(in: q2) && !leaving.serves(in: q3))
        #expect(!successor.serves(in: q2) && successor.serves(in: q3))
        for number in 1...4 {
            let quarter = Quarter(year: 2025, number: number)!
            #expect(roster.officers.filter { $0.serves(in: quarter) }.count == 20)
        }
        #expect(roster.officer(withID: "10231")?.location.line == 2)
    }

    @Test func missingRosterFile() throws {
        try withTemporaryFolder { folder in
            var sink = DiagnosticSink()
            let loaded = (roster: EvidenceFolder(root: folder.path).loadRoster(sink: &sink), problems: sink.diagnostics)
            #expect(loaded.problems.map(\.place) == ["evidence.no-roster@-"])
            #expect(loaded.roster.officers.isEmpty)
        }
    }

    @Test func chineseHeaders() {
        let loaded = load(["工号,姓名,区队,班次,任职日期,离任日期", "1001,张三,一队,甲班,2021-10-18,2025-06-30"])
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        let officer = loaded.roster.officer(withID: "1001")
        #expect(officer?.unit == "一队" && officer?.area == "甲班")
        #expect(officer?.from == LocalDate("2021-10-18") && officer?.until == LocalDate("2025-06-30"))
    }

    @Test func missingRequiredColumnLoadsNobody() throws {
        let loaded = load(["officer,name,unit", "1001,张三,一队"])
        #expect(loaded.places == ["evidence.missing-column@officers.csv:1:1"])
        #expect(loaded.problems.first?.message.contains("area") == true)
        #expect(loaded.roster.officers.isEmpty)
    }

    @Test func unknownColumnWithSuggestion() {
        let loaded = load(["officer,name,unit,area,manger", "1001,张三,一队,甲班,王振华"])
        #expect(loaded.places == ["evidence.unknown-column@officers.csv:1:24"])
        #expect(loaded.problems.first?.hint == "是否想写“manager”？")
        #expect(loaded.roster.officers.count == 1)
    }

    @Test func duplicateOfficerNotesTheFirst() throws {
        let loaded = load(["officer,name,unit,area", "1001,张三,一队,甲班", "1002,李四,一队,乙班", "1001,张三,一队,丙班"])
        #expect(loaded.places == ["evidence.duplicate-officer@officers.csv:4:1"])
        #expect(loaded.problems.first?.notes.map { $0.location?.description } == ["officers.csv:2:1"])
        #expect(loaded.roster.officers.map(\.id) == ["1001", "1002"])
        #expect(loaded.roster.officer(withID: "1001")?.area == "甲班")
    }

    @Test func badDatesAreReportedAtTheirCells() {
        let loaded = load([
            "officer,name,unit,area,from,until",
            "1001,张三,一队,甲班,2025-13-01,",
            "1002,李四,一队,乙班,2025-07-01,2025-06-30",
        ])
        #expect(loaded.places == ["evidence.bad-value@officers.csv:2:15", "evidence.bad-dates@officers.csv:3:26"])
    }

    @Test func rowMissingARequiredValueIsLeftOut() {
        let loaded = load(["officer,name,unit,area", "1001,,一队,甲班", "1002,李四,一队,乙班"])
        #expect(loaded.places == ["evidence.missing-value@officers.csv:2:6"])
        #expect(loaded.roster.officers.map(\.id) == ["1002"])
    }

    @Test func duplicateColumn() {
        let loaded = load(["officer,name,unit,area,区队", "1001,张三,一队,甲班,一队"])
        #expect(loaded.places == ["evidence.duplicate-column@officers.csv:1:24"])
    }

    @Test(
        arguments: [
            ("2025-06-30", nil, true), // starts on the last day of Q2
            ("2025-07-01", nil, false), // starts the day after
            (nil, "2025-04-01", true), // leaves on the first day
            (nil, "2025-03-31", false), // left the day before
            ("2025-04-10", "2025-05-20", true), // inside
            (nil, nil, true),
        ] as [(String?, String?, Bool)])
    func servingIsInclusiveAtBothEnds(from: String?, until: String?, serves: Bool) {
        let officer = Officer(
            id: "1", name: "甲", unit: "一队", area: "甲班", from: from.flatMap { LocalDate($0) }, until: until.flatMap { LocalDate($0) },
            location: SourceLocation(file: "officers.csv", line: 2, column: 1))
        #expect(officer.serves(in: Quarter(year: 2025, number: 2)!) == serves)
    }

    @Test func anExtraRosterColumnIsAWarningNotAnError() throws {
        let (_, problems) = try WholeFolder.load(
            ["officers.csv": WholeFolder.roster, "2025-Q1/scores.csv": "officer,a,due\n1,4,1\n2,5,0\n"],
            quarter: Quarter(year: 2025, number: 1)!)
        #expect(problems.contains { $0.code == "evidence.unused-column" && $0.severity == .warning })
        #expect(!problems.hasErrors)
    }

    /// A roster file large enough to be packed in one go after its first rows: officers that
    /// write their unit, manager and selection alike share them, and every text reads back.
    @Test func aLargePackedRosterReadsBackEveryText() throws {
        try withTemporaryFolder { folder in
            var lines = ["officer,name,unit,area,manager_role,manager,selection,reason,trained_on,from,until"]
            let count = RosterLoader.sampleRows * 3
            for number in 0..<count {
                let unit = ["采煤一队", "掘进二队", "机电队"][number % 3]
                let reason = number % 7 == 0 ? "上级指定\(number % 2)" : ""
                lines.append(
                    "O\(number),联系员\(number),\(unit),甲班\(number),班组长,\(unit)班组长,\(number % 7 == 0 ? "指定" : "选举"),\(reason),2021-10-14,2021-10-18,"
                )
            }
            try folder.write("officers.csv", lines.joined(separator: "\n") + "\n")
            var sink = DiagnosticSink()
            let roster = EvidenceFolder(root: folder.path).loadRoster(sink: &sink)
            #expect(sink.diagnostics.isEmpty, "\(sink.diagnostics)")
            #expect(roster.officers.count == count)
            guard case .packed(let packed) = roster.officers.storage else {
                Issue.record("the roster file was not packed")
                return
            }
            // Three units, each with two selections and, for the appointed, two reasons.
            #expect(packed.shared.count == 9)
            for number in [0, 1, 6, 7, 4095, 4096, 4097, count - 1] {
                let officer = try #require(roster.officer(withID: "O\(number)"))
                let unit = ["采煤一队", "掘进二队", "机电队"][number % 3]
                #expect(officer.name == "联系员\(number)")
                #expect(officer.unit == unit && officer.area == "甲班\(number)")
                #expect(officer.managerRole == "班组长" && officer.manager == unit + "班组长")
                #expect(officer.selection == (number % 7 == 0 ? "指定" : "选举"))
                #expect(officer.reason == (number % 7 == 0 ? "上级指定\(number % 2)" : nil))
                #expect(officer.from == LocalDate("2021-10-18") && officer.until == nil)
                #expect(roster.position(ofID: "O\(number)") == number)
            }
            #expect(roster.position(ofID: "O\(count)") == nil)
            #expect(roster.position(ofID: "O") == nil)
        }
    }
}
