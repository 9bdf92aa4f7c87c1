import ScorecardBase
import Testing
import ScorecardTestSupport
@testable import ScorecardRules

/// The schema, not YAML's implicit typing, decides what a scalar means.
@Suite struct TypingTests {
    @Test func versionWrittenAsANumberKeepsItsTrailingZero() {
        let result = Rules.load(["policy": Rules.policy.replacingOccurrences(of: "version: \"1\"", with: "version: 2021.10")])
        expectClean(result)
        #expect(result.policy?.metadata.version == "2021.10")
    }

    @Test func titleNoStaysTheWordNo() {
        let result = Rules.load(items: Rules.items.replacingOccurrences(of: "title: 遵守规章", with: "title: no"))
        expectClean(result)
        #expect(result.policy?.item(withID: "i01")?.title == "no")
    }

    @Test func pointsWithALeadingZeroAreDecimalNotOctal() {
        let result = Rules.load(items: ValueErrorTests.items(points: "05"))
        expectClean(result)
        #expect(result.policy?.item(withID: "i02")?.points == ExactDecimal(5))
        // 010 would be 8 in YAML 1.1's octal; a policy officer means ten.
        let ten = Rules.load([
            "items": ValueErrorTests.items(points: "010"), "policy": Rules.policy.replacingOccurrences(of: "total: 10", with: "total: 15"),
        ])
        #expect(ten.policy?.item(withID: "i02")?.points == ExactDecimal(10), "\(ten.listing)")
    }

    @Test func effectiveDateIsReadFromThePlainScalar() {
        let result = Rules.load()
        #expect(result.policy?.metadata.effective == LocalDate(year: 2021, month: 9, day: 27))
    }

    @Test func quotedNumbersAreAccepted() {
        let result = Rules.load(items: ValueErrorTests.items(points: "\"5\""))
        expectClean(result)
        #expect(result.policy?.item(withID: "i02")?.points == ExactDecimal(5))
    }

    @Test func decimalPointsAddUpExactly() {
        let items = Rules.items
            .replacingOccurrences(of: "    points: 5\n    clause: 考核标准1", with: "    points: 2.5\n    clause: 考核标准1")
            .replacingOccurrences(of: "    points: 5\n    clause: 考核标准2", with: "    points: 7.50\n    clause: 考核标准2")
        expectClean(Rules.load(items: items))
    }

    @Test func clauseWrittenAsANumberKeepsItsText() {
        let result = Rules.load(items: Rules.items.replacingOccurrences(of: "clause: 考核标准1", with: "clause: 2.10"))
        expectClean(result)
        #expect(result.policy?.item(withID: "i01")?.clause == "2.10")
    }

    @Test func itemWithoutAClauseIsAWarningAtTheItem() throws {
        let result = Rules.load(items: Rules.items.replacingOccurrences(of: "    clause: 考核标准1\n", with: ""))
        #expect(result.errors.isEmpty)
        #expect(result.policy != nil)
        let warning = try #require(result.warnings.first)
        #expect(result.warnings.count == 1)
        #expect(warning.code == "rules.missing-clause")
        #expect(warning.location?.place == [2, 5])
        #expect(warning.hint?.isEmpty == false)
    }
}

/// Problems found by the YAML layer come through the rules loader with their places.
@Suite struct YAMLSurfaceTests {
    @Test func duplicateKeyWithinAnItemIsReportedWithANoteAtTheFirst() {
        let items = Rules.items.replacingOccurrences(of: "    clause: 考核标准2\n", with: "    clause: 考核标准2\n    points: 4\n")
        let result = Rules.load(items: items)
        let diagnostic = expectOnlyError(result, "yaml.duplicate-key", at: "t/items.yaml", 11, 5)
        #expect(diagnostic?.notes.first?.location?.place == [9, 5])
    }

    @Test func syntaxErrorIsReportedAtItsPlace() {
        let items = Rules.items.replacingOccurrences(of: "title: 按时上报", with: "title: 按时: 上报")
        let result = Rules.load(items: items)
        let diagnostic = expectOnlyError(result, "yaml.syntax", at: "t/items.yaml", 8, 14)
        #expect(diagnostic?.message.isEmpty == false)
    }

    @Test func syntaxErrorInOneFileDoesNotHideOrInventProblemsElsewhere() {
        let items = Rules.items.replacingOccurrences(of: "title: 按时上报", with: "title: 按时: 上报")
        let rewards = Rules.rewards.replacingOccurrences(of: "fund: party_building", with: "fund: party_buildin")
        let result = Rules.load(["items": items, "rewards": rewards])
        #expect(result.errors.map(\.code) == ["yaml.syntax", "rules.unknown-fund"], "\(result.listing)")
    }

    @Test func syntaxErrorBeforeASectionDoesNotAlsoReportTheSectionMissing() {
        let policy = "policy: [\n" + Rules.policy.dropFirst("policy:\n".count)
        let result = Rules.load(["policy": String(policy)])
        #expect(result.errors.first?.code == "yaml.syntax", "\(result.listing)")
        #expect(!result.codes.contains("rules.missing-section"), "\(result.listing)")
        #expect(!result.codes.contains("rules.points-total"), "\(result.listing)")
    }

    @Test func tabIndentationIsASyntaxError() {
        let result = Rules.load(["extra": "annual:\n\texcellent: {count: 3}\n"])
        #expect(result.errors.first?.code == "yaml.syntax", "\(result.listing)")
        #expect(result.errors.first?.location?.file == "t/extra.yaml")
        #expect(result.errors.first?.location?.line == 2)
    }

    @Test func undefinedAliasIsReported() {
        let items = Rules.items.replacingOccurrences(of: "    scoring: assessed", with: "    scoring: *assessed")
        let result = Rules.load(items: items)
        expectError(result, "yaml.undefined-alias", at: "t/items.yaml", 6, 14)
    }

    @Test func anchoredScoringIsReusedWithAMergeKey() throws {
        let items = """
            items:
              - id: i01
                title: 遵守规章
                points: 5
                clause: 考核标准1
                scoring: &computed
                  method: computed
                  formula: reports_due
              - id: i02
                title: 按时上报
                points: 5
                clause: 考核标准2
                scoring:
                  <<: *computed
                  formula: reports_on_tme

            """
        let result = Rules.load(items: items)
        // The merged method applies, and the explicit formula wins and is located where written.
        expectOnlyError(result, "expr.name.unknown", at: "t/items.yaml", 15, 16, suggesting: "reports_on_time")
        let fixed = Rules.load(items: items.replacingOccurrences(of: "reports_on_tme", with: "reports_on_time"))
        expectClean(fixed)
        let i02 = try #require(fixed.policy?.item(withID: "i02"))
        guard case .computed(let formula) = i02.scoring.method else {
            Issue.record("the merged method should make i02 computed")
            return
        }
        #expect(formula.source == "reports_on_time")
    }

    @Test func aliasedMappingReportsItsErrorsWhereTheAnchorWasWritten() {
        let items = """
            items:
              - id: i01
                title: 遵守规章
                points: 5
                clause: 考核标准1
                scoring: &computed
                  method: computed
                  formula: reports_du
              - id: i02
                title: 按时上报
                points: 5
                clause: 考核标准2
                scoring: *computed

            """
        let result = Rules.load(items: items)
        let errors = result.errors.filter { $0.code == "expr.name.unknown" }
        #expect(errors.count == 2)
        #expect(errors.allSatisfy { $0.location?.place == [8, 16] })
        #expect(Set(errors.map(\.message)).count == 2, "each error names its own item")
    }
}
