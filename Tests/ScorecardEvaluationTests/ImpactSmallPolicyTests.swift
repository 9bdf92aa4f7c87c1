import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardRules

/// Two small versions of `evaluatorRules` on a quarter written to a temporary folder. Under the
/// old version (a1 assessed + c1 = min(5, 5 × done / planned), 优秀 ≥ 9, 合格 6–9, 矿 30 / 区队 5):
///
///     1001 张三  a1 4    planned 4 done 4  c1 5    total 9.00  优秀  区队      →  5
///     1002 李四  a1 3    planned 4 done 2  c1 2.5  total 5.50  不合格 矿      → 30
///     1003 王五  a1 4.5  planned 2 done 1  c1 2.5  total 7.00  合格  矿       → 30
///
/// and the fund party_building 65.00.
@Suite struct ImpactSmallPolicyTests {
    static let officers = """
        officer,name,unit,area
        1001,张三,一队,甲班
        1002,李四,一队,乙班
        1003,王五,二队,甲班

        """
    static let suggestions = "officer,level\n1001,区队\n1002,矿\n1003,矿\n"
    static let oldRules = evaluatorRules(formula: "if planned == 0 then 5 else min(5, 5 * done / planned)")

    /// The same rules as a later version: version 2 from 2025-04-01.
    static func later(_ yaml: String) -> String {
        yaml.replacingAll("version: \"1\"", with: "version: \"2\"").replacingAll("effective: 2025-01-01", with: "effective: 2025-04-01")
    }

    private func compare(
        old: String = oldRules, new: String, scores: String, quarterFolder: String = "2025-Q1", extraFiles: [String: String] = [:]
    ) throws -> (impact: PolicyImpact?, problems: [Diagnostic]) {
        let oldPolicy = try loadPolicy(old, file: "old.yaml")
        let newPolicy = try loadPolicy(new, file: "new.yaml")
        return try withTemporaryFolder { scratch in
            try scratch.write("officers.csv", Self.officers)
            try scratch.write("\(quarterFolder)/scores.csv", scores)
            try scratch.write("\(quarterFolder)/suggestions.csv", Self.suggestions)
            for (name, text) in extraFiles.sorted(by: { $0.key < $1.key }) { try scratch.write("\(quarterFolder)/\(name)", text) }
            let folder = EvidenceFolder(root: scratch.path)
            var rosterSink = DiagnosticSink()
            let roster = (roster: folder.loadRoster(sink: &rosterSink), problems: rosterSink.diagnostics)
            #expect(roster.problems.isEmpty, "\(roster.problems)")
            var sink = DiagnosticSink()
            let impact = ImpactAnalysis.compare(
                old: oldPolicy, new: newPolicy, evidence: folder, roster: roster.roster, quarter: quarter(1), sink: &sink)
            return (impact, sink.diagnostics)
        }
    }

    private func summary(_ change: OfficerChange) -> String {
        "\(change.officer.id) \(change.total.delta.formatted(scale: 2)) \(change.grade.old ?? "-")→\(change.grade.new ?? "-") \(change.reward.delta.formatted(scale: 2))"
    }

    /// The new version adds an assessed item a2 (5 points, total 15): its column is in the
    /// quarter's records. The old version does not read it; that is a note, not a problem.
    @Test func aNewItemsFieldIsANoteAndTotalsRiseByItsScore() throws {
        let new = Self.later(
            evaluatorRules(
                formula: "if planned == 0 then 5 else min(5, 5 * done / planned)",
                extraItems: "  - {id: a2, title: 新增打分, points: 5, clause: 考核标准3, scoring: assessed}", total: 15))
        let (impact, problems) = try compare(
            new: new,
            scores: """
                officer,a1,planned,done,a2
                1001,4,4,4,1
                1002,3,4,2,3
                1003,4.5,2,1,2

                """)
        #expect(problems.isEmpty, "the old version's unknown column a2 is the note's to explain: \(problems)")
        let result = try #require(impact)
        #expect(result.notes.map(\.code) == ["impact.field-only-new"])
        guard case .evidence(let need) = try #require(result.notes.first) else { Issue.record("an evidence note"); return }
        #expect(need.id == "a2" && need.assessedItem == "a2" && need.presence == .present)
        // Totals rise by a2: 1002 5.50 → 8.50 (不合格 → 合格), 1003 7.00 → 9.00 (合格 → 优秀),
        // 1001 9.00 → 10.00 (优秀 stays). Rewards do not change: ordered by |Δtotal| 3, 2, 1.
        #expect(result.changes.map(summary) == ["1002 3.00 不合格→合格 0.00", "1003 2.00 合格→优秀 0.00", "1001 1.00 优秀→优秀 0.00"])
        #expect(
            result.gradeMovements == [
                GradeMovement(from: "合格", to: "优秀", count: 1, direction: .up),
                GradeMovement(from: "不合格", to: "合格", count: 1, direction: .up),
            ])
        #expect(result.funds.map(\.amount.delta) == [.zero, .zero])
    }

    /// Two lists only the new version reads, one named at the end of the other: the quarter
    /// holds `gestions.csv` and not `x_gestions.csv`. Each note says what the files hold for
    /// its own list (the problem about x_gestions.csv once made gestions look empty too).
    @Test func aListsPresenceIsReadFromItsOwnProblemNotFromOneWhoseFileNameEndsTheSame() throws {
        let list = { (id: String) in "    - id: \(id)\n      fields:\n        - {id: level, type: choice, choices: [矿, 区队]}\n" }
        let new = Self.later(Self.oldRules).replacingAll("  checks:\n", with: list("gestions") + list("x_gestions") + "  checks:\n")
        let (impact, _) = try compare(
            new: new, scores: "officer,a1,planned,done\n1001,4,4,4\n1002,3,4,2\n1003,4.5,2,1\n",
            extraFiles: ["gestions.csv": "officer,level\n1001,矿\n"])
        let result = try #require(impact)
        let presence = result.notes.compactMap { note -> String? in
            guard case .evidence(let need) = note, need.kind == .list else { return nil }
            return "\(need.id) \(need.presence == .empty ? "empty" : "present")"
        }
        #expect(presence == ["gestions present", "x_gestions empty"])
    }

    /// The same new version on a quarter whose records lack a2: it cannot evaluate anyone. The
    /// impact still says why and which officers only the old version could evaluate.
    @Test func aFieldMissingFromTheRecordsLeavesThatVersionUnevaluatedWithNotes() throws {
        let new = Self.later(
            evaluatorRules(
                formula: "if planned == 0 then 5 else min(5, 5 * done / planned)",
                extraItems: "  - {id: a2, title: 新增打分, points: 5, clause: 考核标准3, scoring: assessed}", total: 15))
        let (impact, problems) = try compare(new: new, scores: "officer,a1,planned,done\n1001,4,4,4\n1002,3,4,2\n1003,4.5,2,1\n")
        let result = try #require(impact, "the old version can still be evaluated")
        #expect(result.officersCompared == 0 && result.changes.isEmpty)
        #expect(result.notes.map(\.code) == ["impact.field-only-new", "impact.officers-only-old", "impact.evidence-problems-new"])
        guard case .evidence(let need) = try #require(result.notes.first) else { Issue.record("an evidence note"); return }
        #expect(need.presence == .missing)
        #expect(result.notes[1].officers.map(\.id) == ["1001", "1002", "1003"])
        #expect(problems.map(\.code) == ["evidence.missing-column"])
        #expect(problems.first?.notes.map(\.message) == ["只在新版本（2）下出现"])
    }

    /// Version 2 drops the reward and credits one more completed task in c1. Money goes first:
    /// 1002 and 1003 both lose 30.00 and are ordered by |Δtotal|; 1001 loses 5.00.
    ///     1001: c1 min(5, 5 × 5/4) = 5 → total 9.00 unchanged, 优秀; reward 5 → 0
    ///     1002: c1 5 × 3/4 = 3.75 → 6.75 (+1.25), 不合格 → 合格; reward 30 → 0
    ///     1003: c1 5 × 2/2 = 5 → 9.50 (+2.50), 合格 → 优秀; reward 30 → 0
    @Test func aRemovedRewardAndAChangedFormulaOrderOfficersByMoneyThenTotal() throws {
        let new = Self.later(evaluatorRules(formula: "if planned == 0 then 5 else min(5, 5 * (done + 1) / planned)", rewards: "  []"))
        let (impact, problems) = try compare(new: new, scores: "officer,a1,planned,done\n1001,4,4,4\n1002,3,4,2\n1003,4.5,2,1\n")
        #expect(problems.isEmpty, "\(problems)")
        let result = try #require(impact)
        #expect(
            result.changes.map(summary) == [
                "1003 2.50 合格→优秀 -30.00", "1002 1.25 不合格→合格 -30.00", "1001 0.00 优秀→优秀 -5.00",
            ])
        // 5 + 30 + 30 = 65.00 → 0.00.
        let fund = try #require(result.funds.first { $0.fund.id == "party_building" })
        #expect(fund.amount.old == ExactDecimal(65) && fund.amount.new == .zero && fund.amount.delta == ExactDecimal(-65))
        #expect(result.rewardTotal.delta == ExactDecimal(-65))
        #expect(result.gradeChanges(.up) == 2 && result.unchangedCount == 0)
        #expect(result.notes.isEmpty, "both versions still declare the suggestions list")
    }

    @Test func anIdenticalPairChangesNothing() throws {
        let (impact, problems) = try compare(new: Self.oldRules, scores: "officer,a1,planned,done\n1001,4,4,4\n1002,3,4,2\n1003,4.5,2,1\n")
        #expect(problems.isEmpty, "\(problems)")
        let result = try #require(impact)
        #expect(result.officersCompared == 3 && result.unchangedCount == 3 && result.changes.isEmpty)
        #expect(result.gradeMovements.isEmpty && result.notes.isEmpty)
        #expect(result.funds.map(\.amount.old) == [ExactDecimal(65), .zero] && result.funds.allSatisfy { !$0.amount.changed })
        #expect(result.gradeCounts.map(\.old) == result.gradeCounts.map(\.new))
    }

    /// Without the quarter's folder neither version evaluates anyone: no impact, and the
    /// problem both readings found is said once.
    @Test func noImpactWhenNeitherVersionCanEvaluate() throws {
        let (impact, problems) = try compare(
            new: Self.oldRules, scores: "officer,a1,planned,done\n1001,4,4,4\n", quarterFolder: "2025-Q2")
        #expect(impact == nil)
        #expect(problems.map(\.code) == ["evidence.no-quarter"])
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
