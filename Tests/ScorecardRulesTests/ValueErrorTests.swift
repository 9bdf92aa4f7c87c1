import ScorecardBase
import Testing
import ScorecardTestSupport
@testable import ScorecardRules

/// Values of the wrong type and ids that cannot be used, each pointed at the value itself.
@Suite struct ValueErrorTests {
    /// The minimal items with the second item's `points:` line replaced.
    static func items(points: String) -> String {
        Rules.items.replacingOccurrences(of: "    points: 5\n    clause: 考核标准2", with: "    points: \(points)\n    clause: 考核标准2")
    }

    @Test func pointsThatAreNotANumberAreReportedAtTheValue() {
        let result = Rules.load(items: Self.items(points: "abc"))
        let diagnostic = expectOnlyError(result, "rules.expected-number", at: "t/items.yaml", 9, 13)
        #expect(diagnostic?.message.contains("abc") == true)
        #expect(diagnostic?.location?.length == 3)
    }

    @Test func formulaReadingTheScoreOfABrokenItemDoesNotAddAnError() {
        let items = ExpressionErrorTests.items(formula: "score.i01")
            .replacingOccurrences(of: "    points: 5\n    clause: 考核标准1", with: "    points: 五\n    clause: 考核标准1")
        expectOnlyError(Rules.load(items: items), "rules.expected-number", at: "t/items.yaml", 4, 13)
    }

    @Test func pointsWithAUnitAreRefused() {
        expectOnlyError(Rules.load(items: Self.items(points: "5分")), "rules.expected-number", at: "t/items.yaml", 9, 13)
    }

    @Test func zeroPointsAreRefused() {
        let result = Rules.load(items: Self.items(points: "0"))
        expectError(result, "rules.bad-points", at: "t/items.yaml", 9, 5)
    }

    @Test func impossibleEffectiveDateIsRefused() {
        let result = Rules.load(["policy": Rules.policy.replacingOccurrences(of: "2021-09-27", with: "2021-13-01")])
        let diagnostic = expectOnlyError(result, "rules.expected-date", at: "t/policy.yaml", 5, 14)
        #expect(diagnostic?.message.contains("2021-13-01") == true)
        #expect(diagnostic?.location?.length == 10)
    }

    @Test func fractionalPrecisionIsRefused() {
        let result = Rules.load(["policy": Rules.policy.replacingOccurrences(of: "  total: 10\n", with: "  total: 10\n  precision: 1.5\n")])
        expectOnlyError(result, "rules.expected-integer", at: "t/policy.yaml", 8, 14)
    }

    @Test func precisionOutOfRangeIsRefused() {
        let result = Rules.load(["policy": Rules.policy.replacingOccurrences(of: "  total: 10\n", with: "  total: 10\n  precision: 9\n")])
        expectOnlyError(result, "rules.out-of-range", at: "t/policy.yaml", 8, 14)
    }

    /// A key the schema types yes/no reads `no` as no (issue 13): `yes`/`no` in any case, `true`/
    /// `false`, `是`/`否`. YAML 1.1's other guesses (`on`, `y`) and `1` are still refused.
    @Test func yesAndNoReadAsWhatTheySayInAYesNoKey() {
        let roster = """
            roster:
              selection:
                - method: 指定
                  requires_reason: maybe

            """
        let diagnostic = expectOnlyError(Rules.load(["roster": roster]), "rules.expected-boolean", at: "t/roster.yaml", 4, 24)
        #expect(diagnostic?.message.contains("maybe") == true)
        #expect(diagnostic?.hint?.contains("yes/no") == true)
        for word in ["true", "是", "yes", "Yes", "YES", "True"] {
            let policy = Rules.load(["roster": roster.replacingOccurrences(of: "maybe", with: word)]).policy
            #expect(policy?.roster?.selection.first?.requiresReason == true, "\(word)")
        }
        for word in ["false", "否", "no", "No", "NO", "False"] {
            let policy = Rules.load(["roster": roster.replacingOccurrences(of: "maybe", with: word)]).policy
            #expect(policy?.roster?.selection.first?.requiresReason == false, "\(word)")
        }
        for word in ["on", "y", "1", "√"] {
            let result = Rules.load(["roster": roster.replacingOccurrences(of: "maybe", with: word)])
            #expect(result.codes == ["rules.expected-boolean"], "\(word)")
        }
    }

    @Test func fullWidthDigitsInPointsAreNamedAsFullWidth() {
        let diagnostic = expectOnlyError(Rules.load(items: Self.items(points: "５")), "rules.expected-number", at: "t/items.yaml", 9, 13)
        #expect(diagnostic?.hint?.contains("全角") == true, "\(diagnostic?.hint ?? "")")
        #expect(diagnostic?.hint?.contains("写成 5") == true, "\(diagnostic?.hint ?? "")")
    }

    @Test func fullWidthDigitsInAnIntegerAreNamedAsFullWidth() {
        let result = Rules.load(["policy": Rules.policy.replacingOccurrences(of: "  total: 10\n", with: "  total: 10\n  precision: ２\n")])
        let diagnostic = expectOnlyError(result, "rules.expected-integer", at: "t/policy.yaml", 8, 14)
        #expect(diagnostic?.hint?.contains("全角") == true)
    }

    @Test func effectiveDatesMayBeWrittenTheChineseWays() {
        for written in ["2021-9-27", "2021/9/27", "2021.9.27", "2021年9月27日"] {
            let result = Rules.load(["policy": Rules.policy.replacingOccurrences(of: "2021-09-27", with: written)])
            #expect(result.policy?.metadata.effective == LocalDate(year: 2021, month: 9, day: 27), "\(written)")
        }
    }

    @Test func requireReasonWithoutTheSIsSuggested() {
        let roster = """
            roster:
              selection:
                - method: 指定
                  require_reason: true

            """
        expectOnlyError(Rules.load(["roster": roster]), "rules.unknown-key", at: "t/roster.yaml", 4, 7, suggesting: "requires_reason")
    }

    @Test func idStartingWithADigitIsRefused() {
        let result = Rules.load(items: Rules.items.replacingOccurrences(of: "id: i02", with: "id: 1abc"))
        let diagnostic = expectOnlyError(result, "rules.bad-id", at: "t/items.yaml", 7, 9)
        #expect(diagnostic?.message.contains("1abc") == true)
        #expect(diagnostic?.location?.length == 4)
    }

    @Test func idThatIsAnExpressionKeywordIsRefused() {
        let result = Rules.load(items: Rules.items.replacingOccurrences(of: "id: i02", with: "id: and"))
        let diagnostic = expectOnlyError(result, "rules.reserved-id", at: "t/items.yaml", 7, 9)
        #expect(diagnostic?.message.contains("and") == true)
    }

    @Test func idWithAHyphenIsRefused() {
        let result = Rules.load(items: Rules.items.replacingOccurrences(of: "id: i02", with: "id: i-02"))
        expectOnlyError(result, "rules.bad-id", at: "t/items.yaml", 7, 9)
    }

    @Test func idInFullWidthLettersIsRefusedBecauseNoFormulaCouldNameIt() {
        // Typed with a Chinese input method: ｉ０２ looks like i02 but an expression cannot use it.
        let result = Rules.load(items: Rules.items.replacingOccurrences(of: "id: i02", with: "id: ｉ02"))
        let diagnostic = expectOnlyError(result, "rules.bad-id", at: "t/items.yaml", 7, 9)
        #expect(diagnostic?.hint?.contains("ｉ") == true, "the hint names the full-width character")
    }

    @Test func chineseIdsAreAllowed() throws {
        let result = Rules.load(items: Rules.items.replacingOccurrences(of: "id: i01", with: "id: 遵守"))
        expectClean(result)
        #expect(result.policy?.item(withID: "遵守") != nil)
    }

    @Test func idStartingWithAChineseNumeralIsAllowedAndUsableInFormulas() throws {
        // 三违 (the "three violations") is everyday vocabulary at a coal mine; 三 is a word here, not a digit.
        let evidence = Rules.evidence.replacingOccurrences(
            of: "  lists:\n", with: "    - id: 三违次数\n      type: integer\n      default: 0\n  lists:\n")
        let items = ExpressionErrorTests.items(formula: "if 三违次数 > 0 then 0 else 5")
        let result = Rules.load(["evidence": evidence, "items": items])
        expectClean(result)
        #expect(result.policy?.evidence.field(withID: "三违次数") != nil)
    }

    @Test func duplicateItemIdsAreReportedOnceWithANoteAtTheFirst() {
        let result = Rules.load(items: Rules.items.replacingOccurrences(of: "id: i02", with: "id: i01"))
        let diagnostic = expectOnlyError(result, "rules.duplicate-id", at: "t/items.yaml", 7, 9)
        #expect(diagnostic?.message.contains("i01") == true)
        #expect(diagnostic?.notes.first?.location?.place == [2, 9])
    }

    @Test func pointsNotAddingUpToTheTotalAreReportedAtScoring() {
        let result = Rules.load(items: Self.items(points: "4"))
        let diagnostic = expectOnlyError(result, "rules.points-total", at: "t/policy.yaml", 7, 3)
        #expect(diagnostic?.message.contains("9") == true)
        #expect(diagnostic?.message.contains("10") == true)
    }

    /// Issue 13: at the `total:` key that does not add up, not at the scoring mapping's first key.
    @Test func pointsNotAddingUpPointAtTheTotalKeyWhereverItIs() {
        let policy = Rules.policy.replacingOccurrences(of: "scoring:\n  total: 10\n", with: "scoring:\n  clause: \"2.4\"\n  total: 10\n")
        let result = Rules.load(["policy": policy, "items": Self.items(points: "4")])
        let diagnostic = expectOnlyError(result, "rules.points-total", at: "t/policy.yaml", 8, 3)
        #expect(diagnostic?.location?.length == 5, "the key total")
    }

    @Test func fundWithADuplicateIdIsReported() {
        let policy = Rules.policy + "  - id: party_building\n    name: 工会经费\n"
        let diagnostic = expectOnlyError(Rules.load(["policy": policy]), "rules.duplicate-id", at: "t/policy.yaml", 11, 5)
        #expect(diagnostic?.notes.first?.location?.place == [9, 5])
    }
}
