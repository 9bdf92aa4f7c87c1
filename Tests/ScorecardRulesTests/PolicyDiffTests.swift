import ScorecardBase
import Testing
@testable import ScorecardRules

/// One pair of rule versions per kind of change: each must be reported once, with its path,
/// both values, both places and the clause it touches.
@Suite struct PolicyDiffTests {
    let items = Rules.items
    let rewards = Rules.rewards

    @Test func itemRenamedKeepsItsID() {
        let changes = DiffPair.changes(new: ["items": items.replacing("title: 按时上报", with: "title: 按时准确上报")])
        #expect(changes.count == 1, "\(changes.listing)")
        // At the title: key on each side (issue 13), not at the item's `- id:` line.
        expectChange(
            changes, "item.title", "items[i02].title", old: "按时上报", new: "按时准确上报",
            oldAt: "old/items.yaml:8", newAt: "new/items.yaml:8", clause: "考核标准2")
    }

    @Test func pointsChangeAndTheNewTotal() {
        let changes = DiffPair.changes(new: [
            "items": items.replacing("points: 5\n    clause: 考核标准1", with: "points: 6\n    clause: 考核标准1"),
            "policy": Rules.policy.replacing("total: 10", with: "total: 11"),
        ])
        #expect(changes.count == 2, "\(changes.listing)")
        expectChange(
            changes, "item.points", "items[i01].points", old: "5", new: "6", oldAt: "old/items.yaml:4", newAt: "new/items.yaml:4",
            clause: "考核标准1")
        expectChange(
            changes, "scoring.total", "scoring.total", old: "10", new: "11", oldAt: "old/policy.yaml:7", newAt: "new/policy.yaml:7",
            clause: nil)
    }

    @Test func formulaChange() {
        let changes = DiffPair.changes(new: ["items": items.replacing("then 5 else", with: "then 4 else")])
        #expect(changes.count == 1, "\(changes.listing)")
        expectChange(
            changes, "item.formula", "items[i02].scoring.formula",
            old: "if reports_due == 0 then 5 else 5 * reports_on_time / reports_due",
            new: "if reports_due == 0 then 4 else 5 * reports_on_time / reports_due",
            oldAt: "old/items.yaml:13", newAt: "new/items.yaml:13", clause: "考核标准2")
    }

    @Test func assessedBecomesComputed() {
        let changes = DiffPair.changes(new: [
            "items": items.replacing("scoring: assessed", with: "scoring:\n      method: computed\n      formula: 5")
        ])
        #expect(changes.count == 1, "\(changes.listing)")
        expectChange(
            changes, "item.scoring-method", "items[i01].scoring.method", old: "考核人打分（assessed）", new: "按公式计算：5",
            oldAt: "old/items.yaml:6", newAt: "new/items.yaml:7", clause: "考核标准1")
    }

    @Test func conditionsAdded() {
        let changes = DiffPair.changes(new: [
            "items": items.replacing(
                "method: computed\n",
                with: "method: computed\n      conditions:\n        - when: reports_due > 50\n          score: 0\n          reason: 不合理\n")
        ])
        #expect(changes.count == 1, "\(changes.listing)")
        expectChange(
            changes, "item.conditions", "items[i02].scoring.conditions", old: nil, new: "当 reports_due > 50 时得 0（不合理）",
            oldAt: "old/items.yaml:12", newAt: "new/items.yaml:13", clause: "考核标准2")
    }

    @Test func itemAddedAndRemoved() {
        let added = items.replacing(
            "  - id: i02", with: "  - id: i03\n    title: 新项目\n    points: 5\n    clause: 考核标准3\n    scoring: assessed\n  - id: i02")
        let changes = DiffPair.changes(new: ["items": added, "policy": Rules.policy.replacing("total: 10", with: "total: 15")])
        expectChange(
            changes, "item.added", "items[i03]", old: nil, new: "新项目；5 分；考核人打分（assessed）",
            oldAt: nil, newAt: "new/items.yaml:7", clause: "考核标准3")
        expectChange(
            changes, "scoring.total", "scoring.total", old: "10", new: "15", oldAt: "old/policy.yaml:7", newAt: "new/policy.yaml:7",
            clause: nil)
        let back = DiffPair.changes(old: ["items": added, "policy": Rules.policy.replacing("total: 10", with: "total: 15")], new: [:])
        expectChange(
            back, "item.removed", "items[i03]", old: "新项目；5 分；考核人打分（assessed）", new: nil,
            oldAt: "old/items.yaml:7", newAt: nil, clause: "考核标准3")
    }

    @Test func gradeBandMoved() {
        let changes = DiffPair.changes(new: [
            "grades": Rules.grades.replacing("min: 6", with: "min: 7").replacing("below: 6", with: "below: 7")
        ])
        #expect(changes.count == 2, "\(changes.listing)")
        expectChange(
            changes, "grade.band-min", "grades.bands[合格].min", old: "6", new: "7", oldAt: "old/grades.yaml:4", newAt: "new/grades.yaml:4",
            clause: nil)
        expectChange(
            changes, "grade.band-below", "grades.bands[不合格].below", old: "6", new: "7", oldAt: "old/grades.yaml:7",
            newAt: "new/grades.yaml:7", clause: nil)
    }

    @Test func gradeBandAdded() {
        let grades = Rules.grades.replacing(
            "    - name: 合格\n      min: 6\n", with: "    - name: 优秀\n      min: 9\n    - name: 合格\n      min: 6\n      below: 9\n")
        let changes = DiffPair.changes(new: ["grades": grades.replacing("bands:", with: "clause: \"2.3.1\"\n  bands:")])
        expectChange(
            changes, "grade.band-added", "grades.bands[优秀]", old: nil, new: "9 及以上", oldAt: nil, newAt: "new/grades.yaml:4", clause: "2.3.1"
        )
        expectChange(
            changes, "grade.band-below", "grades.bands[合格].below", old: nil, new: "9", oldAt: "old/grades.yaml:3",
            newAt: "new/grades.yaml:8", clause: "2.3.1")
        expectChange(
            changes, "grade.clause", "grades.clause", old: nil, new: "2.3.1", oldAt: "old/grades.yaml:2", newAt: "new/grades.yaml:2",
            clause: "2.3.1")
    }

    @Test func rewardRateAndLevels() {
        let clause = rewards.replacing("fund: party_building", with: "clause: \"2.3.1\"\n    fund: party_building")
        let changes = DiffPair.changes(
            old: ["rewards": clause], new: ["rewards": clause.replacing("矿: 30", with: "矿: 40").replacing("        区队: 5\n", with: "")])
        #expect(changes.count == 2, "\(changes.listing)")
        expectChange(
            changes, "reward.rate", "rewards[adopted].per_record.rates[矿]", old: "30", new: "40",
            oldAt: "old/rewards.yaml:10", newAt: "new/rewards.yaml:10", clause: "2.3.1")
        expectChange(
            changes, "reward.rate-removed", "rewards[adopted].per_record.rates[区队]", old: "5", new: nil,
            oldAt: "old/rewards.yaml:11", newAt: nil, clause: "2.3.1")
    }

    @Test func rewardFundAndFunds() {
        let policy = Rules.policy + "  - id: union\n    name: 工会经费\n    clause: \"2.3.1\"\n"
        let changes = DiffPair.changes(new: ["policy": policy, "rewards": rewards.replacing("fund: party_building", with: "fund: union")])
        #expect(changes.count == 2, "\(changes.listing)")
        expectChange(
            changes, "reward.fund", "rewards[adopted].fund", old: "party_building", new: "union",
            oldAt: "old/rewards.yaml:4", newAt: "new/rewards.yaml:4", clause: nil)
        expectChange(changes, "fund.added", "funds[union]", old: nil, new: "工会经费", oldAt: nil, newAt: "new/policy.yaml:11", clause: "2.3.1")
    }

    @Test func rewardBasisTiersCapAndCondition() {
        let byGrade = """
            rewards:
              - id: adopted
                title: 建议采纳奖励
                fund: party_building
                by_grade:
                  合格: 50
                  不合格: 0

            """
        let basis = DiffPair.changes(new: ["rewards": byGrade])
        expectChange(
            basis, "reward.basis", "rewards[adopted]", old: "按 suggestions 的 level 每条计奖：矿 30、区队 5", new: "按等级定额：合格 50、不合格 0",
            oldAt: "old/rewards.yaml:2", newAt: "new/rewards.yaml:2", clause: nil)
        let tiers = DiffPair.changes(
            old: ["rewards": byGrade],
            new: [
                "rewards": byGrade.replacing("合格: 50", with: "合格: 60").replacing(
                    "fund: party_building", with: "fund: party_building\n    cap: 100\n    when: total >= 6")
            ])
        #expect(tiers.count == 3, "\(tiers.listing)")
        expectChange(
            tiers, "reward.tier", "rewards[adopted].by_grade[合格]", old: "50", new: "60", oldAt: "old/rewards.yaml:6",
            newAt: "new/rewards.yaml:8", clause: nil)
        expectChange(
            tiers, "reward.cap", "rewards[adopted].cap", old: nil, new: "100", oldAt: "old/rewards.yaml:2", newAt: "new/rewards.yaml:2",
            clause: nil)
        expectChange(
            tiers, "reward.condition", "rewards[adopted].when", old: nil, new: "total >= 6", oldAt: "old/rewards.yaml:2",
            newAt: "new/rewards.yaml:6", clause: nil)
    }

    @Test func evidenceFieldsListsAndChecks() {
        let evidence =
            Rules.evidence
            .replacing(
                "    - id: reports_on_time\n      type: integer\n      default: 0\n",
                with:
                    "    - id: reports_on_time\n      type: integer\n      default: 0\n      max: 99\n    - id: meetings\n      type: integer\n      default: 0\n      clause: 考核标准16\n"
            )
            .replacing("choices: [矿, 区队]", with: "choices: [矿, 区队, 班组]")
            + "  checks:\n    - id: on_time\n      require: reports_on_time <= reports_due\n      message: 不能多于应报\n"
        let changes = DiffPair.changes(new: ["evidence": evidence])
        #expect(changes.count == 4, "\(changes.listing)")
        expectChange(
            changes, "evidence.field-changed", "evidence.fields[reports_on_time].max", old: nil, new: "99",
            oldAt: "old/evidence.yaml:6", newAt: "new/evidence.yaml:6", clause: nil)
        expectChange(
            changes, "evidence.field-added", "evidence.fields[meetings]", old: nil, new: "integer，默认 0",
            oldAt: nil, newAt: "new/evidence.yaml:10", clause: "考核标准16")
        expectChange(
            changes, "evidence.list-field-changed", "evidence.lists[suggestions].fields[level].type",
            old: "choice（矿、区队）", new: "choice（矿、区队、班组）", oldAt: "old/evidence.yaml:12", newAt: "new/evidence.yaml:17", clause: nil)
        expectChange(
            changes, "evidence.check-added", "evidence.checks[on_time]", old: nil, new: "reports_on_time <= reports_due",
            oldAt: nil, newAt: "new/evidence.yaml:23", clause: nil)
    }

    static let structure = """
        eligibility:
          clause: "2.2.1"
          require: all
          candidate_fields:
            - id: peer_approval
              type: decimal
          criteria:
            - id: relations
              title: 人际关系良好
              clause: "2.2.1.4"
              require: peer_approval >= 80
        roster:
          clause: "2.2.2"
          area: 班次
          officers_per_area: 1
          selection:
            - method: 选举
            - method: 任命
              requires_reason: true
        annual:
          clause: "2.4"
          aggregate: sum
          quarters_required: 4
          partial_year: exclude
          tie_breakers: [latest_quarter_total, officer_id]
          excellent:
            count: 3
          reward:
            title: 年度奖励
            amount: 500
            fund: party_building
        vacancy:
          clause: "2.3.2"
          order_by: latest_annual_total

        """

    @Test func eligibilityRosterAnnualAndVacancy() {
        let added = DiffPair.changes(new: ["structure": Self.structure])
        #expect(Set(added.map(\.kind)) == ["eligibility.added", "roster.added", "annual.added", "vacancy.added"], "\(added.listing)")
        let revised = Self.structure
            .replacing("peer_approval >= 80", with: "peer_approval >= 85")
            .replacing("requires_reason: true", with: "requires_reason: false")
            .replacing("[latest_quarter_total, officer_id]", with: "[officer_id, latest_quarter_total]")
            .replacing("count: 3", with: "count: 5")
            .replacing("amount: 500", with: "amount: 800")
            .replacing("latest_annual_total", with: "latest_quarter_total")
        let changes = DiffPair.changes(old: ["structure": Self.structure], new: ["structure": revised])
        #expect(changes.count == 6, "\(changes.listing)")
        expectChange(
            changes, "eligibility.criterion-requirement", "eligibility.criteria[relations].require", old: "peer_approval >= 80",
            new: "peer_approval >= 85",
            oldAt: "old/structure.yaml:11", newAt: "new/structure.yaml:11", clause: "2.2.1.4")
        expectChange(
            changes, "roster.selection-changed", "roster.selection[任命].requires_reason", old: "是", new: "否",
            oldAt: "old/structure.yaml:18", newAt: "new/structure.yaml:18", clause: "2.2.2")
        expectChange(
            changes, "annual.tie-breakers", "annual.tie_breakers", old: "latest_quarter_total → officer_id",
            new: "officer_id → latest_quarter_total",
            oldAt: "old/structure.yaml:21", newAt: "new/structure.yaml:21", clause: "2.4")
        expectChange(
            changes, "annual.excellent", "annual.excellent.count", old: "3", new: "5", oldAt: "old/structure.yaml:27",
            newAt: "new/structure.yaml:27", clause: "2.4")
        expectChange(
            changes, "annual.reward", "annual.reward.amount", old: "500", new: "800", oldAt: "old/structure.yaml:29",
            newAt: "new/structure.yaml:29", clause: "2.4")
        expectChange(
            changes, "vacancy.order-by", "vacancy.order_by", old: "latest_annual_total", new: "latest_quarter_total",
            oldAt: "old/structure.yaml:33", newAt: "new/structure.yaml:33", clause: "2.3.2")
    }

    @Test func metadataAndMoney() {
        let changes = DiffPair.changes(new: [
            "policy": Rules.policy.replacing("version: \"1\"", with: "version: \"2\"").replacing("2021-09-27", with: "2025-07-01")
                + "money:\n  precision: 0\n"
        ])
        #expect(changes.count == 3, "\(changes.listing)")
        expectChange(
            changes, "metadata.version", "policy.version", old: "1", new: "2", oldAt: "old/policy.yaml:4", newAt: "new/policy.yaml:4",
            clause: nil)
        expectChange(
            changes, "metadata.effective", "policy.effective", old: "2021-09-27", new: "2025-07-01", oldAt: "old/policy.yaml:5",
            newAt: "new/policy.yaml:5", clause: nil)
        expectChange(
            changes, "money.precision", "money.precision", old: "2", new: "0", oldAt: nil, newAt: "new/policy.yaml:12", clause: nil)
    }
}
