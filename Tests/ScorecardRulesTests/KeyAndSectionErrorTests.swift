import ScorecardBase
import Testing
import ScorecardTestSupport
@testable import ScorecardRules

/// Keys and sections that are misspelt, missing, repeated or of the wrong kind.
@Suite struct KeyAndSectionErrorTests {
    @Test func minimalPolicyLoadsCleanly() {
        expectClean(Rules.load())
    }

    @Test func unknownKeyIsReportedAtTheKeyWithASuggestion() {
        let result = Rules.load(
            items: """
                items:
                  - id: i01
                    title: 遵守规章
                    pionts: 5
                    clause: 考核标准1
                    scoring: assessed
                  - id: i02
                    title: 按时上报
                    points: 5
                    clause: 考核标准2
                    scoring: assessed

                """)
        let diagnostic = expectError(result, "rules.unknown-key", at: "t/items.yaml", 4, 5, suggesting: "points")
        #expect(diagnostic?.message.contains("pionts") == true)
        #expect(diagnostic?.location?.length == 6)
        // The item still lacks its points; that is reported once, at the item.
        expectError(result, "rules.missing-key", at: "t/items.yaml", 2, 5)
        #expect(!result.codes.contains("rules.points-total"), "a points total over a broken item only misleads:\n\(result.listing)")
    }

    @Test func unknownKeyFarFromAnyAllowedKeyListsTheAllowedKeys() {
        let result = Rules.load(["policy": Rules.policy.replacingOccurrences(of: "  version:", with: "  remark: x\n  version:")])
        let diagnostic = expectOnlyError(result, "rules.unknown-key", at: "t/policy.yaml", 4, 3)
        #expect(diagnostic?.hint?.contains("effective") == true)
    }

    @Test func unknownSectionIsReportedWithASuggestion() {
        let result = Rules.load(["extra": "itmes: []\n"])
        let diagnostic = expectOnlyError(result, "rules.unknown-section", at: "t/extra.yaml", 1, 1, suggesting: "items")
        #expect(diagnostic?.message.contains("itmes") == true)
    }

    @Test func misspeltItemsSectionIsOneErrorNotACascade() {
        let result = Rules.load(items: Rules.items.replacingOccurrences(of: "items:", with: "itmes:"))
        expectError(result, "rules.unknown-section", at: "t/items.yaml", 1, 1, suggesting: "items")
        #expect(!result.codes.contains("rules.points-total"), "\(result.listing)")
    }

    @Test func duplicateSectionAcrossTwoFilesHasANoteAtTheFirst() {
        let result = Rules.load(["zz": "scoring:\n  total: 10\n"])
        let diagnostic = expectOnlyError(result, "rules.duplicate-section", at: "t/zz.yaml", 1, 1)
        #expect(diagnostic?.notes.count == 1)
        #expect(diagnostic?.notes.first?.location?.file == "t/policy.yaml")
        #expect(diagnostic?.notes.first?.location?.place == [6, 1])
    }

    @Test func missingPolicyVersionIsReportedAtThePolicyMapping() {
        let result = Rules.load(["policy": Rules.policy.replacingOccurrences(of: "  version: \"1\"\n", with: "")])
        let diagnostic = expectOnlyError(result, "rules.missing-key", at: "t/policy.yaml", 2, 3)
        #expect(diagnostic?.message.contains("version") == true)
        #expect(diagnostic?.hint?.contains("version") == true)
    }

    @Test func emptyRequiredValueIsReportedAtItsKey() {
        let result = Rules.load(["policy": Rules.policy.replacingOccurrences(of: "  version: \"1\"", with: "  version:")])
        let diagnostic = expectOnlyError(result, "rules.missing-key", at: "t/policy.yaml", 4, 3)
        #expect(diagnostic?.message.contains("没有填写") == true)
    }

    @Test func missingItemPointsIsReportedAtTheItem() {
        let result = Rules.load(
            items: """
                items:
                  - id: i01
                    title: 遵守规章
                    clause: 考核标准1
                    scoring: assessed
                  - id: i02
                    title: 按时上报
                    points: 10
                    clause: 考核标准2
                    scoring: assessed

                """)
        let diagnostic = expectOnlyError(result, "rules.missing-key", at: "t/items.yaml", 2, 5)
        #expect(diagnostic?.message.contains("points") == true)
    }

    @Test func computedItemWithoutFormulaIsReportedAtItsScoring() {
        let result = Rules.load(
            items: """
                items:
                  - id: i01
                    title: 遵守规章
                    points: 5
                    clause: 考核标准1
                    scoring: assessed
                  - id: i02
                    title: 按时上报
                    points: 5
                    clause: 考核标准2
                    scoring:
                      method: computed

                """)
        let diagnostic = expectOnlyError(result, "rules.missing-key", at: "t/items.yaml", 12, 7)
        #expect(diagnostic?.message.contains("formula") == true)
    }

    @Test func computedWrittenAsAPlainWordAsksForTheFormula() {
        let result = Rules.load(items: Rules.items.replacingOccurrences(of: "scoring: assessed", with: "scoring: computed"))
        expectOnlyError(result, "rules.missing-key", at: "t/items.yaml", 6, 14)
    }

    @Test func unknownScoringMethodSuggestsTheNearestWord() {
        let result = Rules.load(items: Rules.items.replacingOccurrences(of: "scoring: assessed", with: "scoring: asessed"))
        expectOnlyError(result, "rules.unknown-word", at: "t/items.yaml", 6, 14, suggesting: "assessed")
    }

    @Test func sectionThatIsNotAListSaysSo() {
        let result = Rules.load(["rewards": "rewards:\n  id: adopted\n"])
        expectOnlyError(result, "rules.expected-list", at: "t/rewards.yaml", 2, 3)
    }

    @Test func itemThatIsNotAMappingSaysSo() {
        let result = Rules.load(items: Rules.items.replacingOccurrences(of: "items:\n", with: "items:\n  - i00\n"))
        expectOnlyError(result, "rules.expected-mapping", at: "t/items.yaml", 2, 5)
    }

    @Test func fileWhoseTopLevelIsAListIsRefused() {
        let result = Rules.load(["extra": "- policy\n"])
        expectOnlyError(result, "rules.expected-sections", at: "t/extra.yaml", 1, 1)
    }

    @Test func missingPolicySectionIsReported() {
        let result = Rules.load(["policy": "scoring:\n  total: 10\nfunds:\n  - id: party_building\n    name: 党建经费\n"])
        let diagnostic = expectOnlyError(result, "rules.missing-section", at: "t/evidence.yaml", 1, 1)
        #expect(diagnostic?.message.contains("policy") == true)
    }

    @Test func emptyPolicySectionIsReportedAtItsKeyNotInAnotherFile() {
        let policy = Rules.policy.replacingOccurrences(
            of: "policy:\n  id: test\n  name: 测试制度\n  version: \"1\"\n  effective: 2021-09-27\n", with: "policy:\n")
        let diagnostic = expectOnlyError(Rules.load(["policy": policy]), "rules.missing-section", at: "t/policy.yaml", 1, 1)
        #expect(diagnostic?.message.contains("policy") == true)
    }

    @Test func itemsWrittenAsAWordIsOneError() {
        expectOnlyError(Rules.load(items: "items: 无\n"), "rules.expected-list", at: "t/items.yaml", 1, 8)
    }

    @Test func emptyAndCommentOnlyFilesAreAllowed() {
        expectClean(Rules.load(["extra": "", "notes": "# 说明：本文件暂无规则\n", "blank": "---\n"]))
    }
}
