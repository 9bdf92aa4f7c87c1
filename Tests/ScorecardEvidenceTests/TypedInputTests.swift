import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardExpression
import ScorecardRules
@testable import ScorecardEvidence

/// Values as policy officers type them (issue 13): the common date forms, yes/no in its
/// usual spellings, and precise words for a percent sign, full-width digits and Excel serials.
@Suite struct TypedInputTests {
    /// The tiny policy with a yes/no field, a text field and a ratio kept as a fraction.
    static let policy: Policy = {
        let extra = """
                - id: trained
                  name: 参加培训
                  type: boolean
                  default: 否
                - id: share
                  name: 完成比例
                  type: decimal
                  min: 0
                  max: 1
                  default: 0
                - id: approval
                  name: 满意率
                  type: decimal
                  min: 0
                  max: 100
                  default: 0
              lists:

            """
        let rules = tinyRules.replacingOccurrences(of: "  lists:\n", with: extra)
        var problems = DiagnosticSink()
        let loaded = PolicyLoader.load(sources: [RuleSource(displayPath: "tiny.yaml", bytes: Array(rules.utf8))], sink: &problems)
        guard var policy = loaded.policy else { fatalError("policy does not load: \(problems.diagnostics)") }
        // What is read, word for word: list rows keep even the text no rule reads.
        policy.layout.keepsEveryListField = true
        return policy
    }()

    static func value(_ bound: Bound, _ id: String, _ field: String) -> Value? {
        guard let record = bound.record(id), let slot = policy.layout.slot(ofField: field) else { return nil }
        return record.slots[slot]
    }

    static func bindCSV(_ records: [String], suggestions: [String]? = nil) -> Bound {
        var binder = RecordBinder(policy: policy, roster: tinyRoster, quarter: q2)
        var rows = MemoryRows(records, file: "scores.csv")
        binder.bindRecords(from: &rows, file: "scores.csv")
        if let suggestions {
            var listRows = MemoryRows(suggestions, file: "suggestions.csv")
            binder.bindList(policy.evidence.lists[0], from: &listRows, file: "suggestions.csv")
        }
        return Bound(evidence: binder.finish(files: []), problems: binder.problems, rejected: binder.rejected)
    }

    static func records(trained: [String]) -> [String] {
        ["officer,a1,trained"] + zip(["1001", "1002", "1004"], trained).map { "\($0),4,\($1)" }
    }

    @Test func yesNoCellsReadAsWhatTheySay() {
        for (yes, no) in [
            ("是", "否"), ("yes", "no"), ("Yes", "No"), ("true", "false"), ("TRUE", "FALSE"), ("√", "×"), ("✓", "✗"), ("1", "0"),
        ] {
            let bound = Self.bindCSV(Self.records(trained: [yes, no, ""]))
            #expect(bound.problems.isEmpty, "\(yes)/\(no): \(bound.problems)")
            #expect(Self.value(bound, "1001", "trained") == .boolean(true), "\(yes)")
            #expect(Self.value(bound, "1002", "trained") == .boolean(false), "\(no)")
            #expect(Self.value(bound, "1004", "trained") == .boolean(false), "the default")
        }
    }

    @Test func otherWordsInAYesNoCellAreRefusedWithTheAcceptedSpellings() throws {
        let bound = Self.bindCSV(Self.records(trained: ["也许", "no", "yes"]))
        #expect(bound.places == ["evidence.bad-value@scores.csv:2:8"])
        #expect(try #require(bound.problems.first?.hint).contains("yes/no"))
    }

    @Test func noInATextSlotStaysTheWordNo() {
        let bound = Self.bindCSV(cleanRecords, suggestions: ["officer,date,level,title", "1001,2025-04-03,矿,no"])
        #expect(bound.problems.isEmpty, "\(bound.problems)")
        guard case .list(let rows) = Self.policy.layout.slot(ofList: "suggestions").flatMap({ bound.record("1001")?.slots[$0] }) else {
            Issue.record("no suggestions")
            return
        }
        #expect(rows.first?[2] == .string("no"))
    }

    @Test func yesNoInYAMLEvidence() throws {
        try withTemporaryFolder { folder in
            try folder.write(
                "2025-Q2/evidence.yaml",
                """
                records:
                  - {officer: "1001", a1: 4, trained: yes}
                  - {officer: "1002", a1: 4, trained: no}
                  - {officer: "1004", a1: 4, trained: 否}

                """)
            let bound = loadFolder(folder, policy: Self.policy)
            #expect(bound.problems.isEmpty, "\(bound.problems)")
            #expect(Self.value(bound, "1001", "trained") == .boolean(true))
            #expect(Self.value(bound, "1002", "trained") == .boolean(false))
            #expect(Self.value(bound, "1004", "trained") == .boolean(false))
        }
    }

    @Test func adoptionDatesInTheCommonChineseForms() {
        let day = Value.date(LocalDate(year: 2025, month: 5, day: 6)!)
        for written in ["2025-05-06", "2025-5-6", "2025/5/6", "2025.5.6", "2025年5月6日"] {
            let bound = Self.bindCSV(cleanRecords, suggestions: ["officer,date,level,title", "1001,\(written),矿,井口加装遮阳棚"])
            #expect(bound.problems.isEmpty, "\(written): \(bound.problems)")
            guard case .list(let rows) = Self.policy.layout.slot(ofList: "suggestions").flatMap({ bound.record("1001")?.slots[$0] }) else {
                Issue.record("\(written): no suggestions")
                continue
            }
            #expect(rows.first?[0] == day, "\(written)")
        }
    }

    @Test func anExcelSerialInADateColumnIsNamedWithTheDayItStandsFor() throws {
        let bound = Self.bindCSV(cleanRecords, suggestions: ["officer,date,level,title", "1001,45783,矿,井口加装遮阳棚"])
        #expect(bound.places == ["evidence.bad-value@suggestions.csv:2:6"])
        let problem = try #require(bound.problems.first)
        #expect(problem.message.contains("Excel 的日期序号"), "\(problem.message)")
        #expect(problem.message.contains("2025-05-06"), "\(problem.message)")
        #expect(problem.hint?.contains("设置单元格格式") == true)
    }

    @Test func aPercentSignSaysWhatToWriteForThisField() throws {
        let bound = Self.bindCSV(["officer,a1,approval,share", "1001,4,95.2%,80％", "1002,4,90,0.5", "1004,4,90,0.5"])
        let problems = bound.problems.sortedForDisplay()
        #expect(problems.map(\.place) == ["evidence.bad-value@scores.csv:2:8", "evidence.bad-value@scores.csv:2:14"])
        #expect(problems[0].message.contains("百分号"))
        #expect(problems[0].hint == "去掉百分号，写成 95.2")
        #expect(problems[1].hint == "这一项按小数记录（0 到 1），写成 0.8")
    }

    @Test func fullWidthDigitsInACellAreNamedAsFullWidth() throws {
        let bound = Self.bindCSV(["officer,a1,approval", "1001,４．５,90", "1002,4,90", "1004,4,90"])
        #expect(bound.places == ["evidence.bad-value@scores.csv:2:6"])
        let hint = try #require(bound.problems.first?.hint)
        #expect(hint.contains("全角"), "\(hint)")
        #expect(hint.contains("写成 4.5"), "\(hint)")
    }
}
