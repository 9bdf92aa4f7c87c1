import Testing
import ScorecardBase
@testable import ScorecardRules

/// A word compared with a choice field or the grade must be one it can hold.
@Suite struct ChoiceWordTests {
    @Test func aMisspeltLevelInAFormulaIsReportedAtTheWord() {
        let rewards = """
            rewards:
              - id: mine_only
                title: 矿级采纳奖励
                fund: party_building
                formula: 30 * count(suggestions, level == "旷")

            """
        let result = Rules.load(["rewards": rewards])
        let diagnostic = expectOnlyError(result, "expr.choice.unknown", at: "t/rewards.yaml", 5, 47, suggesting: "矿")
        #expect(diagnostic?.location?.length == 3)
    }

    @Test func aGradeNameThatIsNotABandIsReported() {
        let rewards = """
            rewards:
              - id: tier
                title: 档次奖励
                fund: party_building
                formula: if grade == "优秀" then 100 else 0

            """
        let result = Rules.load(["rewards": rewards])
        _ = expectOnlyError(result, "expr.choice.unknown", at: "t/rewards.yaml", 5, 26)
    }
}
