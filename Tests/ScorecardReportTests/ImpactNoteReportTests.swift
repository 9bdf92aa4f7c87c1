import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardReport
import ScorecardRules
import Testing
import ScorecardTestSupport

/// A version that needs evidence the quarter's files do not have: the report says what each
/// missing piece means for the figures, in every format.
@Suite struct ImpactNoteReportTests {
    private static let old = """
        policy: {id: p, name: 测试, version: "1", effective: 2025-01-01}
        scoring: {total: 5}
        items:
          - {id: a1, title: 甲, points: 5, clause: "1", scoring: assessed}
        """
    /// Adds an assessed item (no column in the records: nobody can be evaluated), a declared
    /// field with a default (no column: the default is used) and a list (no file: no rows).
    private static let new = """
        policy: {id: p, name: 测试, version: "2", effective: 2025-04-01}
        scoring: {total: 10}
        evidence:
          fields:
            - {id: visits, name: 走访次数, type: integer, min: 0, max: 10, default: 0}
          lists:
            - id: meetings
              name: 会议记录
              fields:
                - {id: topic, type: text}
        items:
          - {id: a1, title: 甲, points: 5, clause: "1", scoring: assessed}
          - {id: a2, title: 乙, points: 5, clause: "2", scoring: assessed}
        """

    private func policy(_ yaml: String) throws -> Policy {
        var problems = DiagnosticSink()
        let loaded = PolicyLoader.load(sources: [RuleSource(displayPath: "rules.yaml", bytes: Array(yaml.utf8))], sink: &problems)
        #expect(!problems.hasErrors, "\(problems.diagnostics)")
        return try #require(loaded.policy)
    }

    private func report() throws -> (report: ImpactReport, problems: [Diagnostic]) {
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        try scratch.write(["officers.csv": "officer,name,unit,area\n1001,张三,一队,甲班\n", "2025-Q1/scores.csv": "officer,a1\n1001,4\n"])
        let folder = EvidenceFolder(root: scratch.path)
        var sink = DiagnosticSink()
        var rosterProblems = DiagnosticSink()
        let impact = ImpactAnalysis.compare(
            old: try policy(Self.old), new: try policy(Self.new), evidence: folder, roster: folder.loadRoster(sink: &rosterProblems),
            quarter: try #require(Quarter("2025-Q1")), sink: &sink)
        return (ImpactReport(impact: try #require(impact), color: false), sink.diagnostics)
    }

    @Test func eachMissingPieceOfEvidenceIsSaidWithWhatItMeans() throws {
        let (report, problems) = try report()
        #expect(problems.map(\.code) == ["evidence.missing-column", "evidence.no-list"])
        let text = report.text()
        #expect(text.contains("两个版本没有都能算出结果的联系员，无法比较。\n"))
        #expect(
            text.contains(
                """
                说明
                  - 新版本（2）要用考核项目 a2（乙）的打分，旧版本（1）不用；2025-Q1 的考核记录表里没有这一列，规则也没有给默认值，新版本因此算不出结果：补上这一列后再比较。
                  - 新版本（2）要用字段“走访次数”（visits），旧版本（1）不用；2025-Q1 的考核记录表里没有这一列（或都没有填写），新版本按默认值 0 计算。
                  - 新版本（2）要用“会议记录”明细（meetings.csv），旧版本（1）不用；2025-Q1 没有这份明细，新版本按本季度没有此类记录计算。
                  - 以下 1 名联系员只在旧版本（1）下算出了结果，在新版本（2）下算不出（原因见问题列表），不计入对比：1001 张三
                  - 只在按新版本（2）读 2025-Q1 的记录时发现了问题：1 个错误、1 个警告，见问题列表。
                """))
        #expect(report.markdown().contains("### 说明\n\n- 新版本（2）要用考核项目 a2（乙）的打分"))
        let json = report.json().rendered()
        #expect(
            json.contains(
                """
                      "code": "impact.field-only-new",
                      "side": "new",
                """))
        #expect(
            json.contains(
                "\"kind\": \"field\",\n        \"id\": \"visits\",\n        \"name\": \"走访次数\",\n        \"presence\": \"defaulted\""))
    }
}
