import Testing
import ScorecardBase
import ScorecardEvaluation
import ScorecardRules

/// The bundled demo revision (rules/ 2021.1 → rules/2025-07-01/ 2025.1) on the seeds' 2025-Q4,
/// worked out by hand from seeds/2025-Q4/suggestions.csv (GB18030; `iconv -f GB18030`) and
/// scores.csv. The revision changes two things: the 矿 rate 30 → 40 元 a suggestion, and
/// 良好's lower bound 75 → 80. No item changes, so no total can change.
@Suite struct ImpactDemoTests {
    private func demoImpact() throws -> (impact: PolicyImpact, problems: [Diagnostic]) {
        let versions = try #require(seedWorkspace.versions)
        let old = try #require(versions.version(named: "2021.1"))
        let new = try #require(versions.version(named: "2025.1"))
        let roster = try #require(seedWorkspace.roster)
        var sink = DiagnosticSink()
        let impact = ImpactAnalysis.compare(
            old: old, new: new, evidence: seedWorkspace.evidenceFolder, roster: roster, quarter: quarter(4), sink: &sink)
        return (try #require(impact), sink.diagnostics)
    }

    @Test func theRevisionPaysTenYuanMoreForEachMineLevelAdoption() throws {
        let (impact, problems) = try demoImpact()
        #expect(problems.isEmpty, "\(problems)")
        #expect(impact.notes.isEmpty, "both versions read the same fields and lists")
        #expect(impact.old.version == "2021.1" && impact.new.version == "2025.1")
        #expect(impact.officersCompared == 20)

        // suggestions.csv has 34 adoptions: 7 at 矿 (10312, 10339 ×3, 10452, 10516, 10611) and 27
        // at 区队. Old: 7 × 30 + 27 × 5 = 210 + 135 = 345.00; new: 7 × 40 + 135 = 415.00; +70.00.
        #expect(impact.funds.count == 1)
        let fund = try #require(impact.funds.first)
        #expect(fund.fund.id == "party_building" && fund.inOld && fund.inNew)
        #expect(fund.amount == (try DecimalChange(old: ExactDecimal(345), new: ExactDecimal(415))))
        #expect(fund.amount.delta == ExactDecimal(70))
        #expect(impact.rewardTotal.delta == ExactDecimal(70))
    }

    @Test func officersWhoseRewardOrGradeChangedComeLargestFirst() throws {
        let (impact, _) = try demoImpact()
        // 袁志刚 10339: 矿 3 (10-30, 11-27, 12-25), 区队 4 → 3 × 30 + 4 × 5 = 110 → 3 × 40 + 20 = 140, +30.
        // 吕永军 10312: 矿 1 + 区队 1 → 35 → 45; 程立新 10452: 矿 1 + 区队 1 → 35 → 45;
        // 蒋秀梅 10516: 矿 1 + 区队 2 → 40 → 50; 贺永胜 10611: 矿 1 + 区队 1 → 35 → 45: +10 each,
        // tied on money and total, so by officer id.
        // 石磊 10533: 4.0 + 4.5 + 4.0 + 4.0 + 4.0 + 4.0 + 3.5 + 4.0 + 4.0 + 3.5 + 3.5 + 4.0 + 4.0
        // + 3.5 + 4.0 + 4.0 + 3.5 = 66.0 assessed, + i07 5 × 5/6 = 4.17, + i08 5 (no incidents),
        // + i16 5 × 1/3 = 1.67 → 76.84: 良好 under 75 ≤ t < 90, 合格 under 60 ≤ t < 80. Reward 2
        // 区队 × 5 = 10 both times: no money change, so last.
        // No other total lies in [75, 80), so the other 14 officers do not change.
        let rows = impact.changes.map { change in
            "\(change.officer.id) \(change.officer.name) \(change.reward.old.formatted(scale: 2))→\(change.reward.new.formatted(scale: 2)) \(change.grade.old ?? "-")→\(change.grade.new ?? "-")"
        }
        #expect(
            rows == [
                "10339 袁志刚 110.00→140.00 优秀→优秀",
                "10312 吕永军 35.00→45.00 优秀→优秀",
                "10452 程立新 35.00→45.00 良好→良好",
                "10516 蒋秀梅 40.00→50.00 优秀→优秀",
                "10611 贺永胜 35.00→45.00 优秀→优秀",
                "10533 石磊 10.00→10.00 良好→合格",
            ])
        #expect(impact.changes.allSatisfy { !$0.total.changed }, "no item changed, so no total does")
        #expect(impact.unchangedCount == 14)
        let shiLei = try #require(impact.changes.last)
        #expect(shiLei.total.old == (try #require(ExactDecimal("76.84"))))
        #expect(shiLei.grade.direction == .down && shiLei.grade.steps == 1)
    }

    @Test func oneOfficerMovesDownFromGoodToPass() throws {
        let (impact, _) = try demoImpact()
        // Only 石磊's 76.84 lies between the old and the new 良好 bound.
        #expect(impact.gradeMovements == [GradeMovement(from: "良好", to: "合格", count: 1, direction: .down)])
        #expect(impact.gradeChanges(.down) == 1 && impact.gradeChanges(.up) == 0)
        // 优秀 (≥ 90): 92.00, 97.90, 93.40, 98.50, 90.80 = 5; 合格 (60–75): 62.75, 69.85 = 2; the
        // other 13 良好. Under 2025.1 石磊 joins 合格: [5, 12, 3, 0].
        #expect(impact.gradeCounts.map(\.grade) == ["优秀", "良好", "合格", "不合格"])
        #expect(impact.gradeCounts.map(\.old) == [5, 13, 2, 0])
        #expect(impact.gradeCounts.map(\.new) == [5, 12, 3, 0])
    }
}
