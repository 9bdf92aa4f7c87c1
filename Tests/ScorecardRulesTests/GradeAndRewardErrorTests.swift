import ScorecardBase
import Testing
import ScorecardTestSupport
@testable import ScorecardRules

/// Grade bands must cover 0 to the total exactly once; rewards must name real funds, lists and grades.
@Suite struct GradeAndRewardErrorTests {
    static func grades(_ bands: String) -> [String: String] { ["grades": "grades:\n  bands:\n" + bands] }

    @Test func gapBetweenBandsIsReportedAtTheLowerBandWithANoteAtTheUpper() {
        let result = Rules.load(
            Self.grades(
                """
                    - name: 优秀
                      min: 8
                    - name: 合格
                      min: 6
                      below: 7
                    - name: 不合格
                      min: 0
                      below: 6

                """))
        let diagnostic = expectOnlyError(result, "rules.grade-gap", at: "t/grades.yaml", 5, 7)
        #expect(diagnostic?.notes.first?.location?.place == [3, 7])
    }

    @Test func overlappingBandsAreReported() {
        let result = Rules.load(
            Self.grades(
                """
                    - name: 优秀
                      min: 8
                    - name: 合格
                      min: 6
                      below: 9
                    - name: 不合格
                      min: 0
                      below: 6

                """))
        expectOnlyError(result, "rules.grade-overlap", at: "t/grades.yaml", 5, 7)
    }

    @Test func lowerBandWithoutAnUpperLimitOverlaps() {
        let result = Rules.load(
            Self.grades(
                """
                    - name: 合格
                      min: 6
                    - name: 不合格
                      min: 0

                """))
        expectOnlyError(result, "rules.grade-overlap", at: "t/grades.yaml", 5, 7, suggesting: "below: 6")
    }

    @Test func bandsNotStartingAtZeroLeaveTheBottomUngraded() {
        let result = Rules.load(
            Self.grades(
                """
                    - name: 合格
                      min: 6
                    - name: 不合格
                      min: 1
                      below: 6

                """))
        expectOnlyError(result, "rules.grade-gap", at: "t/grades.yaml", 5, 7)
    }

    @Test func topBandEndingAtTheTotalLeavesFullMarksUngraded() {
        let result = Rules.load(
            Self.grades(
                """
                    - name: 合格
                      min: 6
                      below: 10
                    - name: 不合格
                      min: 0
                      below: 6

                """))
        let diagnostic = expectOnlyError(result, "rules.grade-gap", at: "t/grades.yaml", 3, 7)
        #expect(diagnostic?.message.contains("10") == true)
    }

    @Test func bandsMayBeWrittenInAnyOrder() {
        expectClean(
            Rules.load(
                Self.grades(
                    """
                        - name: 不合格
                          min: 0
                          below: 6
                        - name: 合格
                          min: 6

                    """)))
    }

    @Test func bandWhoseUpperLimitIsNotAboveItsMinimumIsReported() {
        let result = Rules.load(
            Self.grades(
                """
                    - name: 合格
                      min: 6
                    - name: 空档
                      min: 6
                      below: 6
                    - name: 不合格
                      min: 0
                      below: 6

                """))
        expectError(result, "rules.grade-empty", at: "t/grades.yaml", 5, 7)
    }

    @Test func rewardFromAnUndeclaredFundSuggestsTheNearestFund() {
        let result = Rules.load(["rewards": Rules.rewards.replacingOccurrences(of: "fund: party_building", with: "fund: party_buildin")])
        let diagnostic = expectOnlyError(result, "rules.unknown-fund", at: "t/rewards.yaml", 4, 11, suggesting: "party_building")
        #expect(diagnostic?.location?.length == 13)
    }

    @Test func rateForAWordThatIsNotAChoiceIsReportedWithTheNearestChoice() {
        let result = Rules.load(["rewards": Rules.rewards.replacingOccurrences(of: "区队: 5", with: "区对: 5")])
        expectOnlyError(result, "rules.unknown-choice", at: "t/rewards.yaml", 10, 9, suggesting: "区队")
        // The choice left without a rate is a warning, not an error.
        #expect(result.warnings.map(\.code) == ["rules.rate-missing"])
    }

    @Test func choiceWithoutARateIsOnlyAWarning() throws {
        let result = Rules.load(["rewards": Rules.rewards.replacingOccurrences(of: "        区队: 5\n", with: "")])
        #expect(result.errors.isEmpty, "\(result.listing)")
        let warning = try #require(result.warnings.first)
        #expect(warning.code == "rules.rate-missing")
        #expect(warning.message.contains("区队"))
        #expect(warning.location?.place == [6, 7])
        #expect(result.policy != nil)
    }

    @Test func perRecordByAFieldThatIsNotAChoiceIsRefused() {
        let result = Rules.load(["rewards": Rules.rewards.replacingOccurrences(of: "by: level", with: "by: note")])
        expectOnlyError(result, "rules.rate-field-type", at: "t/rewards.yaml", 7, 11)
    }

    @Test func perRecordByAFieldTheListDoesNotHaveSuggestsOne() {
        let result = Rules.load(["rewards": Rules.rewards.replacingOccurrences(of: "by: level", with: "by: levle")])
        expectOnlyError(result, "rules.unknown-field", at: "t/rewards.yaml", 7, 11, suggesting: "level")
    }

    @Test func perRecordOverAnUndeclaredListSuggestsOne() {
        let result = Rules.load(["rewards": Rules.rewards.replacingOccurrences(of: "list: suggestions", with: "list: suggestion")])
        expectOnlyError(result, "rules.unknown-list", at: "t/rewards.yaml", 6, 13, suggesting: "suggestions")
    }

    @Test func rewardWithTwoBasesIsRefused() {
        let result = Rules.load(["rewards": Rules.rewards + "    formula: 5\n"])
        let diagnostic = expectOnlyError(result, "rules.reward-basis", at: "t/rewards.yaml", 2, 5)
        #expect(diagnostic?.message.contains("per_record") == true)
        #expect(diagnostic?.message.contains("formula") == true)
    }

    @Test func rewardWithNoBasisIsRefused() {
        let rewards = "rewards:\n  - id: flat\n    title: 定额\n    fund: party_building\n"
        expectOnlyError(Rules.load(["rewards": rewards]), "rules.reward-basis", at: "t/rewards.yaml", 2, 5)
    }

    @Test func byGradeWithAnUnknownGradeSuggestsTheNearestGrade() {
        let rewards = """
            rewards:
              - id: tier
                title: 等级奖励
                fund: party_building
                by_grade:
                  合格: 50
                  合各: 20

            """
        expectOnlyError(Rules.load(["rewards": rewards]), "rules.unknown-grade", at: "t/rewards.yaml", 7, 7, suggesting: "合格")
    }

    @Test func byGradeAndFormulaRewardsLoad() throws {
        let rewards = """
            rewards:
              - id: tier
                title: 等级奖励
                fund: party_building
                by_grade:
                  合格: 50
              - id: bonus
                title: 满分奖励
                fund: party_building
                when: total >= 10 and grade == "合格"
                formula: 10 * score.i02
                cap: 50

            """
        let result = Rules.load(["rewards": rewards])
        expectClean(result)
        #expect(result.policy?.rewards.map(\.id) == ["tier", "bonus"])
        #expect(result.policy?.rewards.last?.cap == ExactDecimal(50))
    }

    @Test func byGradeWithoutGradesIsRefused() {
        let rewards = "rewards:\n  - id: tier\n    title: 等级奖励\n    fund: party_building\n    by_grade:\n      合格: 50\n"
        let result = Rules.load(["rewards": rewards, "grades": ""])
        expectOnlyError(result, "rules.no-grades", at: "t/rewards.yaml", 2, 5)
    }

    @Test func byGradeWithBrokenGradesReportsOnlyTheGrades() {
        let rewards = "rewards:\n  - id: tier\n    title: 等级奖励\n    fund: party_building\n    by_grade:\n      合格: 50\n"
        let result = Rules.load(["rewards": rewards, "grades": "grades:\n  - name: 合格\n    min: 0\n"])
        expectOnlyError(result, "rules.expected-mapping", at: "t/grades.yaml", 2, 3)
    }

    @Test func assessedItemWithAFormulaIsRefused() {
        let items = Rules.items.replacingOccurrences(of: "      method: computed", with: "      method: assessed")
        expectOnlyError(Rules.load(items: items), "rules.misplaced-key", at: "t/items.yaml", 13, 7)
    }

    @Test func negativeRateIsRefused() {
        let result = Rules.load(["rewards": Rules.rewards.replacingOccurrences(of: "矿: 30", with: "矿: -30")])
        expectOnlyError(result, "rules.negative-amount", at: "t/rewards.yaml", 9, 12)
    }
}
