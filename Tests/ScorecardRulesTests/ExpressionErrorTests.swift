import ScorecardBase
import Testing
import ScorecardTestSupport
@testable import ScorecardRules

/// Mistakes inside formulas and conditions point at the column inside the YAML scalar.
@Suite struct ExpressionErrorTests {
    /// The minimal items with the second item's formula replaced; the formula starts at line 13, column 16.
    static func items(formula: String) -> String {
        Rules.items.replacingOccurrences(
            of: "if reports_due == 0 then 5 else 5 * reports_on_time / reports_due", with: formula)
    }

    @Test func undeclaredFieldInAFormulaPointsInsideTheScalar() {
        // Column 16 + offset 20.
        let result = Rules.load(items: Self.items(formula: "reports_due + 5.0 * reprts_due"))
        let diagnostic = expectOnlyError(result, "expr.name.unknown", at: "t/items.yaml", 13, 36, suggesting: "reports_due")
        #expect(diagnostic?.location?.length == 10)
        #expect(diagnostic?.message.contains("i02") == true)
    }

    /// Issue 13: a formula written with a field's Chinese name (as on the sheet's header) is
    /// told the id to write; the names are labels, not aliases (decided in docs/rules.md 4.2).
    @Test func aFieldsChineseNameInAFormulaIsToldTheIdToWrite() throws {
        let evidence = Rules.evidence.replacingOccurrences(
            of: "    - id: reports_on_time\n", with: "    - id: reports_on_time\n      name: 按时准确上报次数\n")
        let result = Rules.load([
            "evidence": evidence, "items": Self.items(formula: "if reports_due == 0 then 5 else 5 * 按时准确上报次数 / reports_due"),
        ])
        let diagnostic = try #require(expectOnlyError(result, "expr.name.label", at: "t/items.yaml", 13, 52))
        #expect(diagnostic.location?.length == 8)
        #expect(diagnostic.message.contains("reports_on_time"), "\(diagnostic.message)")
        #expect(diagnostic.hint?.contains("改为 reports_on_time") == true, "\(diagnostic.hint ?? "")")
    }

    @Test func aListsChineseNameInAFormulaIsToldTheIdToWrite() throws {
        let evidence = Rules.evidence.replacingOccurrences(of: "    - id: suggestions\n", with: "    - id: suggestions\n      name: 采纳建议\n")
        let result = Rules.load(["evidence": evidence, "items": Self.items(formula: "min(5, count(采纳建议))")])
        let diagnostic = try #require(expectOnlyError(result, "expr.name.label", at: "t/items.yaml", 13, 29))
        #expect(diagnostic.hint?.contains("suggestions") == true)
    }

    @Test func quotedFormulaStillPointsInsideTheScalar() {
        let result = Rules.load(items: Self.items(formula: "\"reports_due + 5.0 * reprts_due\""))
        expectOnlyError(result, "expr.name.unknown", at: "t/items.yaml", 13, 37)
    }

    @Test func formulaOnTheLineBelowABlockIndicatorPointsAtItsLine() {
        let items = Rules.items.replacingOccurrences(
            of: "formula: if reports_due == 0 then 5 else 5 * reports_on_time / reports_due",
            with: "formula: |\n        if reports_due == 0 then 5\n        else 5 * reports_on_tme / reports_due")
        expectOnlyError(Rules.load(items: items), "expr.name.unknown", at: "t/items.yaml", 15, 18, suggesting: "reports_on_time")
    }

    @Test func scoreOfAnUnknownItemIsReportedWithTheNearestItem() {
        let result = Rules.load(items: Self.items(formula: "score.i1"))
        expectOnlyError(result, "expr.name.unknown", at: "t/items.yaml", 13, 16, suggesting: "score.i01")
    }

    @Test func formulaReadingAnotherItemsScoreLoads() throws {
        let result = Rules.load(items: Self.items(formula: "score.i01"))
        expectClean(result)
        let i02 = try #require(result.policy?.item(withID: "i02"))
        guard case .computed(let formula) = i02.scoring.method else {
            Issue.record("i02 should be computed")
            return
        }
        #expect(formula.readNames == ["score.i01"])
        #expect(formula.location.place == [13, 16])
    }

    @Test func twoItemsReadingEachOthersScoreAreACycle() {
        let result = Rules.load(
            items: """
                items:
                  - id: a
                    title: 甲
                    points: 5
                    clause: 考核标准1
                    scoring:
                      method: computed
                      formula: score.b
                  - id: b
                    title: 乙
                    points: 5
                    clause: 考核标准2
                    scoring:
                      method: computed
                      formula: score.a

                """)
        let diagnostic = expectOnlyError(result, "rules.score-cycle", at: "t/items.yaml", 2, 5)
        #expect(diagnostic?.message.contains("a → b → a") == true)
    }

    @Test func twoSeparateCyclesAreBothReported() {
        func item(_ id: String, reads other: String) -> String {
            "  - id: \(id)\n    title: 项目\n    points: 2.5\n    clause: 考核标准1\n    scoring:\n      method: computed\n      formula: score.\(other)\n"
        }
        let items = "items:\n" + item("a", reads: "b") + item("b", reads: "a") + item("c", reads: "d") + item("d", reads: "c")
        let cycles = Rules.load(items: items).errors.filter { $0.code == "rules.score-cycle" }
        #expect(cycles.compactMap(\.location?.line) == [2, 16])
        #expect(cycles.map { $0.message.contains("a → b → a") } == [true, false])
        #expect(cycles.map { $0.message.contains("c → d → c") } == [false, true])
    }

    @Test func anItemReadingItsOwnScoreIsACycle() {
        let result = Rules.load(items: Self.items(formula: "score.i02"))
        let diagnostic = expectOnlyError(result, "rules.score-cycle", at: "t/items.yaml", 7, 5)
        #expect(diagnostic?.message.contains("i02 → i02") == true)
    }

    @Test func conditionReadingAScoreTakesPartInTheCycleCheck() {
        let items = Self.items(formula: "score.i01").replacingOccurrences(
            of: "    scoring: assessed\n",
            with: """
                    scoring:
                      method: assessed
                      conditions:
                        - when: score.i02 > 4
                          score: 5

                """)
        expectOnlyError(Rules.load(items: items), "rules.score-cycle", at: "t/items.yaml", 2, 5)
    }

    @Test func fullWidthPunctuationInAFormulaNamesTheCharacterToType() {
        let result = Rules.load(items: Self.items(formula: "5 * （reports_on_time + 1)"))
        let diagnostic = expectOnlyError(result, "expr.syntax.full-width", at: "t/items.yaml", 13, 20)
        #expect(diagnostic?.message.contains("（") == true)
        #expect(diagnostic?.hint?.contains("(") == true)
    }

    @Test func singleEqualsSignIsExplained() {
        let result = Rules.load(items: Self.items(formula: "if reports_due = 0 then 5 else 0"))
        expectOnlyError(result, "expr.syntax.single-equals", at: "t/items.yaml", 13, 31, suggesting: "==")
    }

    @Test func columnsCountChineseCharactersAsOneEach() {
        let evidence = """
            evidence:
              fields:
                - id: 应报次数
                  type: integer
                  default: 0
                - id: 按时次数
                  type: integer
                  default: 0
              lists:
                - id: suggestions
                  fields:
                    - id: level
                      type: choice
                      choices: [矿, 区队]

            """
        let result = Rules.load(["evidence": evidence, "items": Self.items(formula: "if 应报次数 == 0 then 5 else 5 * 按时次 / 应报次数")])
        expectOnlyError(result, "expr.name.unknown", at: "t/items.yaml", 13, 45, suggesting: "按时次数")
    }

    @Test func chineseTextEarlierOnTheSameLineCountsOneColumnPerCharacter() {
        let items = """
            items:
              - {id: i01, title: 遵守规章, points: 5, clause: 考核标准1, scoring: assessed}
              - {id: i02, title: 按时上报, points: 5, clause: 考核标准2, scoring: {method: computed, formula: 5 * reprts}}

            """
        expectOnlyError(Rules.load(items: items), "expr.name.unknown", at: "t/items.yaml", 3, 95)
    }

    @Test func columnsCountUnicodeScalarsNotBytesUTF16UnitsOrCharacters() {
        // 𡈼 is one scalar but two UTF-16 units and four UTF-8 bytes; "e\u{301}" is one
        // Character but two scalars. Columns count scalars, as libyaml does.
        let items =
            "items:\n  - {id: i01, title: 遵守规章, points: 5, clause: 考核标准1, scoring: assessed}\n"
            + "  - {id: i02, title: 𡈼e\u{301}, points: 5, clause: 考核标准2, scoring: {method: computed, formula: 5 * reprts}}\n"
        // "  - {id: i02, title: " is 21 scalars, the title 3, ", points: …, formula: " 65, "5 * " 4.
        expectOnlyError(Rules.load(items: items), "expr.name.unknown", at: "t/items.yaml", 3, 21 + 3 + 65 + 4 + 1)
    }

    @Test func formulaOfTheWrongTypeIsRefused() {
        let result = Rules.load(items: Self.items(formula: "reports_due > 0"))
        expectOnlyError(result, "expr.type.expected", at: "t/items.yaml", 13, 16)
    }

    @Test func conditionThatIsNotAComparisonIsRefused() {
        let items = Rules.items.replacingOccurrences(
            of: "    scoring: assessed\n",
            with: """
                    scoring:
                      method: assessed
                      conditions:
                        - when: reports_due
                          score: 0

                """)
        expectOnlyError(Rules.load(items: items), "expr.type.expected", at: "t/items.yaml", 9, 17)
    }

    @Test func conditionScoreAboveThePointsIsRefusedAtLoadTime() {
        let items = Rules.items.replacingOccurrences(
            of: "    scoring: assessed\n",
            with: """
                    scoring:
                      method: assessed
                      conditions:
                        - when: reports_due > 10
                          score: 50

                """)
        let diagnostic = expectOnlyError(Rules.load(items: items), "rules.score-range", at: "t/items.yaml", 10, 18)
        #expect(diagnostic?.message.contains("50") == true)
    }

    @Test func constantFormulaOutsideThePointsIsRefusedAtLoadTime() {
        expectOnlyError(Rules.load(items: Self.items(formula: "-1")), "rules.score-range", at: "t/items.yaml", 13, 16)
        expectClean(Rules.load(items: Self.items(formula: "2.5 * 2")))
    }

    @Test func emptyFormulaIsReported() {
        let result = Rules.load(items: Self.items(formula: "\"  \""))
        expectOnlyError(result, "rules.empty-value", at: "t/items.yaml", 13, 16)
    }
}
