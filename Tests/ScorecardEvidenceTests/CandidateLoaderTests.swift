import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardExpression
import ScorecardRules
@testable import ScorecardEvidence

/// The bundled eligibility rules (clause 2.2.1): branch_review, volunteered, post_rating, peer_approval.
let bundledEligibility: Eligibility = {
    var problems = DiagnosticSink()
    guard let eligibility = PolicyLoader.load(path: packageRoot + "/rules", sink: &problems).policy?.eligibility else {
        fatalError("the bundled rules have no eligibility section")
    }
    return eligibility
}()

/// The candidates file (`candidates.csv`): one row per candidate, checked against the
/// eligibility fields; every bad row reported at its cell and left out.
@Suite struct CandidateLoaderTests {
    static let header = "candidate,name,unit,area,branch_review,volunteered,post_rating,peer_approval"

    func load(_ lines: [String]) -> (list: CandidateList, places: [String], problems: [Diagnostic]) {
        var rows = MemoryRows(lines, file: "candidates.csv")
        var sink = DiagnosticSink()
        let loaded = (
            list: CandidateLoader.load(from: &rows, eligibility: bundledEligibility, file: "candidates.csv", sink: &sink),
            problems: sink.diagnostics
        )
        return (loaded.list, loaded.problems.map(\.place), loaded.problems)
    }

    @Test func seedCandidatesLoadInFieldOrder() throws {
        var sink = DiagnosticSink()
        let loaded = (
            list: EvidenceFolder(root: packageRoot + "/seeds").loadCandidates(bundledEligibility, sink: &sink), problems: sink.diagnostics
        )
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        let candidates = loaded.list.candidates
        #expect(candidates.map(\.id) == ["10339", "10516", "10489", "10502", "10471", "10478", "10624", "10645"])
        let kong = try #require(candidates.first { $0.id == "10624" })
        #expect(kong.name == "孔德顺" && kong.unit == "通风队" && kong.area == "中班")
        #expect(kong.values == [.string("通过"), .boolean(true), .string("合格"), .number(ExactDecimal("71.5")!)])
        #expect(kong.fieldLocation(3)?.description.hasSuffix("seeds/candidates.csv:8:26") == true)
        #expect(loaded.list.rejected.isEmpty)
    }

    @Test func chineseHeadersInAnyOrder() {
        let loaded = load(["民主测评满意率,候选人编号,姓名,区队,班次,党支部审查意见,本人自愿,上年度岗位考核等级", "88,2001,张三,一队,甲班,通过,否,良好"])
        #expect(loaded.problems.isEmpty, "\(loaded.problems)")
        #expect(loaded.list.candidates.first?.values == [.string("通过"), .boolean(false), .string("良好"), .number(ExactDecimal(88))])
    }

    @Test func unknownColumnSuggestsTheField() {
        let loaded = load(["candidate,name,unit,area,branch_review,volunteered,post_ratin,peer_approval", "2001,张三,一队,甲班,通过,是,良好,90"])
        #expect(loaded.places.contains("evidence.unknown-column@candidates.csv:1:52"))
        #expect(loaded.problems.first { $0.code == "evidence.unknown-column" }?.hint == "是否想写“post_rating”？")
        // post_rating has no default: its column is missing too, and the row cannot be judged.
        #expect(loaded.places.contains("evidence.missing-column@candidates.csv:1:1"))
        #expect(loaded.list.candidates.isEmpty)
        #expect(loaded.list.rejected.map(\.label) == ["2001（张三）"])
    }

    @Test func missingIdentifyingColumnsStopTheFile() {
        let noKey = load(["name,unit,area,branch_review,volunteered,post_rating,peer_approval", "张三,一队,甲班,通过,是,良好,90"])
        #expect(noKey.places == ["evidence.missing-candidate-column@candidates.csv:1:1"])
        #expect(noKey.list.candidates.isEmpty)
        let noArea = load(["candidate,name,unit,branch_review,volunteered,post_rating,peer_approval", "2001,张三,一队,通过,是,良好,90"])
        #expect(noArea.places == ["evidence.missing-column@candidates.csv:1:1"])
        #expect(noArea.problems.first?.message.contains("area") == true)
    }

    @Test func badValuesAreReportedAtTheirCells() {
        let loaded = load([
            Self.header,
            "2001,张三,一队,甲班,通过,是,良,90", // not a choice
            "2002,李四,一队,乙班,通过,对,良好,90", // not yes/no
            "2003,王五,一队,丙班,通过,是,良好,101", // above max
            "2004,赵六,一队,丁班,通过,是,良好,80", // sound
        ])
        #expect(
            loaded.places == [
                "evidence.bad-value@candidates.csv:2:20", "evidence.bad-value@candidates.csv:3:18",
                "evidence.bad-value@candidates.csv:4:23",
            ])
        #expect(loaded.problems[0].message == "候选人 2001（张三）的“上年度岗位考核等级”：“良”不是可选的值")
        #expect(loaded.problems[0].hint?.hasPrefix("是否想写“良好”？") == true)
        #expect(loaded.list.candidates.map(\.id) == ["2004"])
        #expect(loaded.list.rejected.map(\.label) == ["2001（张三）", "2002（李四）", "2003（王五）"])
    }

    @Test func emptyCellsAndShortRows() {
        let loaded = load([Self.header, "2001,,一队,甲班,通过,是,良好,", ",王五,一队,乙班,通过,是,良好,85", "2003,钱七,一队"])
        #expect(
            loaded.places == [
                "evidence.missing-value@candidates.csv:2:6", "evidence.missing-value@candidates.csv:2:21",
                "evidence.missing-value@candidates.csv:3:1", "evidence.short-row@candidates.csv:4:1",
            ])
        #expect(loaded.problems[0].message == "候选人名单这一行没有填写“姓名”")
        #expect(loaded.list.candidates.isEmpty)
        #expect(loaded.list.rejected.map(\.label) == ["2001", "第 3 行", "2003（钱七）"])
    }

    @Test func aCandidateTwiceIsJudgedNeither() {
        let loaded = load([Self.header, "2001,张三,一队,甲班,通过,是,良好,90", "2002,李四,一队,乙班,通过,是,良好,90", "2001,张三,一队,甲班,通过,是,合格,90"])
        #expect(loaded.places == ["evidence.duplicate-candidate@candidates.csv:4:1"])
        #expect(loaded.problems[0].notes.first?.location?.description == "candidates.csv:2:1")
        #expect(loaded.list.candidates.map(\.id) == ["2002"])
        #expect(loaded.list.rejected.map(\.label) == ["2001（张三）"])
    }

    @Test func missingFile() throws {
        try withTemporaryFolder { folder in
            var sink = DiagnosticSink()
            let loaded = (
                list: EvidenceFolder(root: folder.path).loadCandidates(bundledEligibility, sink: &sink), problems: sink.diagnostics
            )
            #expect(loaded.problems.map(\.place) == ["evidence.no-candidates@-"])
        }
    }

    /// Which of the two is meant is not guessed: the list (and the roster) is read from neither.
    @Test func aListInBothCSVAndAWorkbookIsAProblem() throws {
        try withTemporaryFolder { folder in
            try folder.write([
                "candidates.csv": Self.header + "\n", "candidates.xlsx": "", "officers.csv": "工号,姓名\n", "officers.xlsx": "",
            ])
            let evidence = EvidenceFolder(root: folder.path)
            var sink = DiagnosticSink()
            let list = evidence.loadCandidates(bundledEligibility, sink: &sink)
            let roster = evidence.loadRoster(sink: &sink)
            #expect(sink.diagnostics.map(\.place) == ["evidence.two-formats@-", "evidence.two-formats@-"])
            #expect(
                sink.diagnostics.first?.message
                    == "同时有“\(folder.file("candidates.csv"))”和“\(folder.file("candidates.xlsx"))”，不知道以哪个为准")
            #expect(list.candidates.isEmpty && roster.officers.isEmpty)
        }
    }
}
