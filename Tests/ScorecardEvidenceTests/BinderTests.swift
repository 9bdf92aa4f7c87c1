import Testing
import ScorecardBase
import ScorecardExpression
import ScorecardRules
@testable import ScorecardEvidence

/// Binding rows to officers' records, one check at a time, on tables held in memory.
/// Columns in the expected places count Unicode scalars from 1, as in a CSV file.
@Suite struct BinderTests {
    @Test func cleanTableBindsEveryServingOfficerInReadingOrder() {
        let bound = bind(cleanRecords)
        #expect(bound.problems.isEmpty, "\(bound.problems)")
        #expect(bound.evidence.records.map(\.officer.id) == ["1001", "1002", "1004"])
        #expect(bound.value("1001", field: "a1") == number("4.5"))
        #expect(bound.value("1001", field: "reports_due") == number("10"))
        #expect(bound.value("1001", field: "reports_on_time") == number("9"))
        #expect(bound.value("1004", field: "reports_due") == number("0"))
        let record = bound.record("1001")
        #expect(record?.location == SourceLocation(file: "scores.csv", line: 2, column: 1))
        // a1 is field 0 (assessed items first), then reports_due, reports_on_time.
        #expect(record?.fieldLocations.map { $0?.description } == ["scores.csv:2:6", "scores.csv:2:10", "scores.csv:2:13"])
        // Every record gets its (empty) lists; score, total and grade slots stay missing.
        #expect(bound.suggestions("1001") == [])
        let layout = tinyPolicy.layout
        #expect(record?.slots[layout.totalSlot] == .missing)
        #expect(record.map { $0.slots[layout.scoresStart...].allSatisfy { $0 == .missing } } == true)
    }

    @Test func unknownOfficerIsReportedWithTheNearestId() throws {
        var records = cleanRecords
        records[2] = "1020,3,8,8" // meant 1002
        let bound = bind(records)
        #expect(bound.places == ["evidence.unknown-officer@scores.csv:3:1", "evidence.missing-record@officers.csv:3:1"])
        let problem = try #require(bound.problems.first)
        #expect(problem.severity == .error)
        #expect(problem.message.contains("1020"))
        #expect(problem.hint == "是否想写“1002”？")
        #expect(bound.record("1002") == nil)
    }

    @Test func unknownOfficerFarFromAnyIdPointsAtTheRoster() throws {
        var records = cleanRecords
        records.append("987654,3,8,8")
        let bound = bind(records)
        #expect(bound.places == ["evidence.unknown-officer@scores.csv:5:1"])
        #expect(bound.problems.first?.hint?.contains("officers.csv") == true)
    }

    @Test func unknownColumnIsReportedWithTheNearestField() throws {
        var records = cleanRecords
        records[0] = "officer,a1,reports_du,reports_on_time"
        let bound = bind(records)
        #expect(bound.places == ["evidence.unknown-column@scores.csv:1:12"])
        #expect(bound.problems.first?.hint == "是否想写“reports_due”？")
        // The column is not read; its field has a default.
        #expect(bound.value("1001", field: "reports_due") == number("0"))
    }

    @Test func unknownChineseColumnSuggestsTheChineseName() {
        var records = cleanRecords
        records[0] = "工号,a1,应报次数,按时准确上报次数"
        let bound = bind(records)
        #expect(bound.places == ["evidence.unknown-column@scores.csv:1:7"])
        #expect(bound.problems.first?.hint == "是否想写“应报信息次数”？")
    }

    @Test func chineseHeadersBindByFieldName() {
        let chinese = ["工号,a1,应报信息次数,按时准确上报次数"] + cleanRecords.dropFirst()
        let byName = bind(chinese), byID = bind(cleanRecords)
        #expect(byName.problems.isEmpty, "\(byName.problems)")
        #expect(byName.evidence.records.map { $0.slots } == byID.evidence.records.map { $0.slots })
    }

    @Test func headersLoseSurroundingSpacesAndAStrayBOM() {
        let spaced = ["\u{FEFF}officer , a1,reports_due ,  reports_on_time"] + cleanRecords.dropFirst()
        let bound = bind(spaced)
        #expect(bound.problems.isEmpty, "\(bound.problems)")
        #expect(bound.value("1001", field: "reports_on_time") == number("9"))
    }

    @Test func missingColumnWithoutDefaultIsOneProblemAtTheHeader() throws {
        let records = ["officer,reports_due,reports_on_time", "1001,10,9", "1002,8,8", "1004,0,0"]
        let bound = bind(records)
        #expect(bound.places == ["evidence.missing-column@scores.csv:1:1"])
        #expect(bound.problems.first?.message.contains("a1") == true)
        // Nobody's record is complete, so nobody is evaluated, even in a partial run.
        #expect(bound.record("1001") == nil)
        #expect(bound.rejected == ["1001", "1002", "1004"])
    }

    @Test func missingColumnWithDefaultTakesTheDefault() {
        let records = ["officer,a1", "1001,4.5", "1002,3", "1004,5"]
        let bound = bind(records)
        #expect(bound.problems.isEmpty, "\(bound.problems)")
        #expect(bound.value("1002", field: "reports_due") == number("0"))
        #expect(bound.record("1002")?.fieldLocations[1] == nil)
    }

    @Test func missingOfficerColumnStopsBindingTheTable() {
        let records = ["a1,reports_due", "4.5,10"]
        let bound = bind(records)
        #expect(bound.places == ["evidence.missing-officer-column@scores.csv:1:1"])
        #expect(bound.evidence.records.isEmpty)
    }

    @Test func duplicateColumnIsReportedWithTheFirst() {
        var records = cleanRecords
        records[0] = "officer,a1,reports_due,应报信息次数"
        let bound = bind(records)
        #expect(bound.places == ["evidence.duplicate-column@scores.csv:1:24"])
    }

    @Test func duplicateRecordNotesTheFirstRow() throws {
        var records = cleanRecords
        records.append("1001,2,10,10")
        let bound = bind(records)
        #expect(bound.places == ["evidence.duplicate-record@scores.csv:5:1"])
        let problem = try #require(bound.problems.first)
        #expect(problem.notes.map { $0.location?.description } == ["scores.csv:2:1"])
        #expect(problem.message.contains("张三"))
        // Which row is right is for the office to say: the officer is left out of a partial run.
        #expect(bound.rejected == ["1001"])
        #expect(bound.evidence.records.count == 2)
    }

    @Test func valueOutOfRangeIsReportedAtItsCell() throws {
        var records = cleanRecords
        records[1] = "1001,5.5,101,9"
        let bound = bind(records)
        #expect(bound.places == ["evidence.bad-value@scores.csv:2:6", "evidence.bad-value@scores.csv:2:10"])
        #expect(bound.problems[0].message.contains("大于允许的最大值 5"))
        #expect(bound.problems[1].message.contains("大于允许的最大值 100"))
        #expect(bound.problems[1].message.contains("应报信息次数"))
    }

    @Test(arguments: ["四", "4,5", "4.5分", "４.５", "abc"])
    func wrongTypeInANumberColumn(_ text: String) throws {
        let records: [[String]] = [
            ["officer", "a1", "reports_due", "reports_on_time"], ["1001", text, "10", "9"], ["1002", "3", "8", "8"],
            ["1004", "5", "0", "0"],
        ]
        var binder = RecordBinder(policy: tinyPolicy, roster: tinyRoster, quarter: q2)
        var rows = MemoryRows(cells: records, file: "scores.csv")
        binder.bindRecords(from: &rows, file: "scores.csv")
        _ = binder.finish(files: [])
        #expect(binder.problems.map(\.place) == ["evidence.bad-value@scores.csv:2:6"])
        #expect(binder.problems.first?.message.contains("不是一个数") == true)
    }

    @Test func negativeCountIsBelowTheMinimum() {
        var records = cleanRecords
        records[1] = "1001,4.5,10,-1"
        let bound = bind(records)
        #expect(bound.places == ["evidence.bad-value@scores.csv:2:13"])
        #expect(bound.problems.first?.message.contains("小于允许的最小值 0") == true)
    }

    @Test func nonIntegerInAnIntegerField() {
        var records = cleanRecords
        records[1] = "1001,4.5,2.5,2"
        records[2] = "1002,3,8.0,8"
        let bound = bind(records)
        #expect(bound.places == ["evidence.bad-value@scores.csv:2:10"])
        #expect(bound.problems.first?.message.contains("不是整数") == true)
        // 8.0 is the integer 8.
        #expect(bound.value("1002", field: "reports_due") == number("8"))
    }

    @Test func emptyCellTakesTheDefault() {
        var records = cleanRecords
        records[1] = "1001,4.5,, "
        let bound = bind(records)
        #expect(bound.problems.isEmpty, "\(bound.problems)")
        #expect(bound.value("1001", field: "reports_due") == number("0"))
        #expect(bound.value("1001", field: "reports_on_time") == number("0"))
        // A default is not read from the file: no location.
        #expect(bound.record("1001")?.fieldLocations.map { $0 == nil } == [false, true, true])
    }

    @Test func emptyCellWithoutDefaultIsMissing() throws {
        var records = cleanRecords
        records[2] = "1002,  ,8,8"
        let bound = bind(records)
        #expect(bound.places == ["evidence.missing-value@scores.csv:3:6"])
        let problem = try #require(bound.problems.first)
        #expect(problem.message.contains("1002") && problem.message.contains("李四"))
        #expect(problem.hint?.contains("0 到 5") == true)
        #expect(bound.record("1002") == nil && bound.rejected == ["1002"])
    }

    @Test func missingOfficerIdInARow() {
        var records = cleanRecords
        records.append(" ,4,1,1")
        let bound = bind(records)
        #expect(bound.places == ["evidence.missing-officer@scores.csv:5:1"])
    }

    @Test func officerNotServingInTheQuarter() throws {
        var records = cleanRecords
        records.append("1003,4,1,1") // left on 2025-03-31
        let bound = bind(records)
        #expect(bound.places == ["evidence.not-serving@scores.csv:5:1"])
        #expect(bound.problems.first?.message.contains("2025-Q2") == true)
        #expect(bound.record("1003") == nil)
    }

    @Test func officerStartingNextQuarterIsNotServingYet() {
        // 1004 starts on 2025-04-01: in Q1 the row is wrong and 1003 is the one owed a record.
        let records = ["officer,a1", "1001,4", "1002,4", "1003,4", "1004,4"]
        let bound = bind(records, quarter: Quarter(year: 2025, number: 1)!)
        #expect(bound.places == ["evidence.not-serving@scores.csv:5:1"])
        #expect(bound.evidence.records.map(\.officer.id) == ["1001", "1002", "1003"])
    }

    @Test func servingOfficerWithoutARecordIsReportedAtTheRoster() throws {
        let bound = bind(Array(cleanRecords.prefix(3)))
        #expect(bound.places == ["evidence.missing-record@officers.csv:5:1"])
        let problem = try #require(bound.problems.first)
        #expect(problem.message.contains("1004") && problem.message.contains("赵六") && problem.message.contains("二队乙班"))
    }

    @Test func nameColumnMustMatchTheRoster() throws {
        let records = [
            "officer,姓名,a1,reports_due,reports_on_time",
            "1001,张三,4.5,10,9",
            "1002,张三,3,8,8",
            "1004,,5,0,0",
        ]
        let bound = bind(records)
        // The row is kept out of the quarter, but 1002 did hand in a row: one problem, at the name.
        #expect(bound.places == ["evidence.name-mismatch@scores.csv:3:6"])
        let problem = try #require(bound.problems.first)
        #expect(problem.message.contains("李四") && problem.message.contains("张三"))
        #expect(bound.record("1002") == nil)
        // An empty name is not a mismatch.
        #expect(bound.record("1004") != nil)
    }

    @Test func shortRowIsReportedNotFilledWithDefaults() throws {
        var records = cleanRecords
        records[1] = "1001,4.5,10" // the last cell is missing
        let bound = bind(records)
        #expect(bound.places == ["evidence.short-row@scores.csv:2:1"])
        #expect(bound.problems.first?.message.contains("reports_on_time") == true)
    }

    @Test func shortRowWithoutTheOfficerCell() {
        let records = ["a1,officer", "4.5"]
        let bound = bind(records, roster: Roster(officers: []))
        #expect(bound.places == ["evidence.short-row@scores.csv:2:1"])
    }

    @Test func severalRowsWithSeveralErrorsAreAllReported() {
        let records = [
            "officer,a1,reports_due,reports_on_time",
            "1001,6,-2,x", // three bad values
            "1020,3,8,8", // unknown officer
            "1003,4,1,1", // not serving
            "1004,,2.5,0", // missing a1, non-integer
            "1004,5,0,0", // duplicate
        ]
        let bound = bind(records)
        #expect(
            bound.places == [
                "evidence.bad-value@scores.csv:2:6",
                "evidence.bad-value@scores.csv:2:8",
                "evidence.bad-value@scores.csv:2:11",
                "evidence.unknown-officer@scores.csv:3:1",
                "evidence.not-serving@scores.csv:4:1",
                "evidence.missing-value@scores.csv:5:6",
                "evidence.bad-value@scores.csv:5:7",
                "evidence.duplicate-record@scores.csv:6:1",
                "evidence.missing-record@officers.csv:3:1",
            ])
    }

    @Test func aMissingColumnIsReportedOnceNotOncePerRow() throws {
        let (_, problems) = try WholeFolder.load(
            ["officers.csv": WholeFolder.roster, "2025-Q1/scores.csv": "officer,due\n1,1\n2,0\n"], quarter: Quarter(year: 2025, number: 1)!)
        #expect(problems.filter { $0.code == "evidence.missing-column" }.count == 1)
        #expect(!problems.contains { $0.code == "evidence.missing-value" })
    }

    @Test func theMissingRecordMessageNamesTheQuarter() throws {
        let (_, problems) = try WholeFolder.load(
            ["officers.csv": WholeFolder.roster, "2025-Q3/scores.csv": "officer,a,due\n1,4,1\n"], quarter: Quarter(year: 2025, number: 3)!)
        #expect(problems.first { $0.code == "evidence.missing-record" }?.message.contains("2025-Q3") == true)
    }
}

/// Itemised lists: suggestions adopted in the quarter.
@Suite struct BinderListTests {
    let header = "officer,date,level,title"

    /// As a quarter is run: the title, free text no rule reads, is checked as it is read and
    /// then left out of the row; the date and the level (the reward's key) are kept.
    @Test func aRunsRowsLeaveOutTextNoRuleReads() {
        let suggestions = [header, "1001,2025-04-01,矿,井口加装遮阳棚", "1001,2025-05-05,区队,食堂加热汤"]
        let bound = bind(cleanRecords, suggestions: suggestions, policy: tinyPolicyAsRun)
        #expect(bound.problems.isEmpty, "\(bound.problems)")
        #expect(
            bound.suggestions("1001") == [
                [.date(LocalDate("2025-04-01")!), .string("矿"), .missing],
                [.date(LocalDate("2025-05-05")!), .string("区队"), .missing],
            ])
        // Left out only once read: a row without its title is still reported.
        let broken = bind(cleanRecords, suggestions: [header, "1001,2025-04-01,矿"], policy: tinyPolicyAsRun)
        #expect(!broken.problems.isEmpty)
    }

    @Test func suggestionsAttachToTheirOfficers() {
        let bound = bind(
            cleanRecords,
            suggestions: [
                header, "1001,2025-04-01,矿,井口加装遮阳棚", "1002,2025/6/30,区队,班前会增加案例", "1001,2025-05-05,区队,食堂加热汤",
            ])
        #expect(bound.problems.isEmpty, "\(bound.problems)")
        #expect(
            bound.suggestions("1001") == [
                [.date(LocalDate("2025-04-01")!), .string("矿"), .string("井口加装遮阳棚")],
                [.date(LocalDate("2025-05-05")!), .string("区队"), .string("食堂加热汤")],
            ])
        #expect(bound.suggestions("1002")?.count == 1)
        #expect(bound.suggestions("1004") == [])
    }

    @Test func chineseListHeaders() {
        let bound = bind(cleanRecords, suggestions: ["工号,采纳日期,采纳层级,建议内容", "1001,2025-04-01,矿,遮阳棚"])
        #expect(bound.problems.isEmpty, "\(bound.problems)")
        #expect(bound.suggestions("1001")?.count == 1)
    }

    @Test func dateOutsideTheQuarter() throws {
        let bound = bind(cleanRecords, suggestions: [header, "1001,2025-03-31,矿,早了一天", "1001,2025-07-01,矿,晚了一天", "1001,2025-06-30,矿,正好"])
        #expect(bound.places == ["evidence.date-outside-quarter@suggestions.csv:2:6", "evidence.date-outside-quarter@suggestions.csv:3:6"])
        #expect(bound.problems.first?.message.contains("2025-04-01 至 2025-06-30") == true)
        // An officer with a bad row is left out of a partial run whole: a partial list would underpay.
        #expect(bound.rejected == ["1001"])
        #expect(bound.suggestions("1001") == nil)
    }

    @Test func badDate() {
        let bound = bind(cleanRecords, suggestions: [header, "1001,2025-02-30,矿,没有这一天"])
        #expect(bound.places == ["evidence.bad-value@suggestions.csv:2:6"])
    }

    @Test func choiceNotAmongTheChoices() throws {
        let bound = bind(cleanRecords, suggestions: [header, "1001,2025-04-02,省,省里采纳"])
        #expect(bound.places == ["evidence.bad-value@suggestions.csv:2:17"])
        let problem = try #require(bound.problems.first)
        #expect(problem.message.contains("省"))
        #expect(problem.hint?.contains("可选：矿、区队") == true)
        #expect(bound.rejected == ["1001"])
    }

    @Test func emptyLevelHasNoDefault() {
        let bound = bind(cleanRecords, suggestions: [header, "1001,2025-04-02,,无层级"])
        #expect(bound.places == ["evidence.missing-value@suggestions.csv:2:17"])
    }

    @Test func suggestionOfAnUnknownOrAbsentOfficer() {
        let bound = bind(cleanRecords, suggestions: [header, "1010,2025-04-02,矿,工号写错", "1003,2025-04-02,矿,已离任"])
        #expect(bound.places == ["evidence.unknown-officer@suggestions.csv:2:1", "evidence.not-serving@suggestions.csv:3:1"])
        #expect(bound.problems.first?.hint == "是否想写“1001”？")
    }

    @Test func unknownListColumnAndMissingListColumn() {
        let bound = bind(cleanRecords, suggestions: ["officer,date,levl", "1001,2025-04-02,矿"])
        #expect(
            bound.places == [
                "evidence.unknown-column@suggestions.csv:1:14",
                "evidence.missing-column@suggestions.csv:1:1",
                "evidence.missing-column@suggestions.csv:1:1",
            ])
        #expect(bound.problems[0].hint == "是否想写“level”？")
    }
}
