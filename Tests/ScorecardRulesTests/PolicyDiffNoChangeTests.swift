import ScorecardBase
import Testing
@testable import ScorecardRules

/// Pairs of versions that say the same thing in different words: none may report a change.
@Suite struct PolicyDiffNoChangeTests {
    func expectNoChange(old: [String: String] = [:], new: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let changes = DiffPair.changes(old: old, new: new, sourceLocation: sourceLocation)
        #expect(changes.isEmpty, "\(changes.listing)", sourceLocation: sourceLocation)
    }

    @Test func reorderedItems() {
        let reordered = """
            items:
              - id: i02
                title: 按时上报
                points: 5
                clause: 考核标准2
                scoring:
                  method: computed
                  formula: if reports_due == 0 then 5 else 5 * reports_on_time / reports_due
              - id: i01
                title: 遵守规章
                points: 5
                clause: 考核标准1
                scoring: assessed

            """
        expectNoChange(new: ["items": reordered])
    }

    @Test func reorderedRewardsRatesBandsFieldsAndChoices() {
        let second = "  - id: bonus\n    title: 奖励\n    fund: party_building\n    formula: 10\n"
        expectNoChange(
            old: ["rewards": Rules.rewards + second],
            new: [
                "rewards": "rewards:\n" + second
                    + Rules.rewards.replacing("rewards:\n", with: "").replacing("矿: 30\n        区队: 5", with: "区队: 5\n        矿: 30")
            ])
        let bands = """
            grades:
              bands:
                - name: 不合格
                  min: 0
                  below: 6
                - name: 合格
                  min: 6

            """
        let fields = """
            evidence:
              lists:
                - id: suggestions
                  fields:
                    - id: note
                      type: text
                    - id: level
                      type: choice
                      choices: [区队, 矿]
              fields:
                - id: reports_on_time
                  type: integer
                  default: 0
                - id: reports_due
                  type: integer
                  default: 0

            """
        expectNoChange(new: ["grades": bands, "evidence": fields])
    }

    @Test func reformattedYAML() {
        let flow = """
            # 同样的两个项目，写成一行一项，值加了引号，并有注释
            items:
              - {id: i01, title: "遵守规章", points: '5', clause: 考核标准1, scoring: assessed}   # 打分
              - id: "i02"
                title: '按时上报'
                points: 5
                clause: "考核标准2"
                scoring: {method: computed, formula: "if reports_due == 0 then 5 else 5 * reports_on_time / reports_due"}

            """
        expectNoChange(new: ["items": flow])
    }

    @Test func parenthesesAndSpacingInExpressions() {
        let spaced = Rules.items.replacing(
            "if reports_due == 0 then 5 else 5 * reports_on_time / reports_due",
            with: "if (reports_due==0) then (5) else ((5*reports_on_time) / reports_due)")
        expectNoChange(new: ["items": spaced])
    }

    @Test func numbersCompareByValue() {
        let items = Rules.items.replacing("points: 5\n    clause: 考核标准1", with: "points: 5.0\n    clause: 考核标准1")
        expectNoChange(new: [
            "items": items, "rewards": Rules.rewards.replacing("矿: 30", with: "矿: 30.00"),
            "grades": Rules.grades.replacing("min: 6", with: "min: 6.0"),
            "policy": Rules.policy.replacing("total: 10", with: "total: 10.0"),
        ])
    }

    @Test func anchorsAndMergeKeysAreExpanded() {
        let anchored = """
            items:
              - &base
                id: i01
                title: 遵守规章
                points: 5
                clause: 考核标准1
                scoring: assessed
              - <<: *base
                id: i02
                title: 按时上报
                clause: 考核标准2
                scoring:
                  method: computed
                  formula: if reports_due == 0 then 5 else 5 * reports_on_time / reports_due

            """
        let evidence = """
            evidence:
              fields:
                - &count
                  id: reports_due
                  type: integer
                  default: 0
                - <<: *count
                  id: reports_on_time
              lists:
                - id: suggestions
                  fields:
                    - id: level
                      type: choice
                      choices: [矿, 区队]
                    - id: note
                      type: text

            """
        expectNoChange(new: ["items": anchored, "evidence": evidence])
    }
}
