import ScorecardBase
import ScorecardExpression
import Testing
import ScorecardTestSupport
@testable import ScorecardRules

/// `eligibility`, `annual`, `roster` and `evidence`.
@Suite struct StructureErrorTests {
    static let eligibility = """
        eligibility:
          candidate_fields:
            - id: peer_approval
              type: decimal
              min: 0
              max: 100
          criteria:
            - id: relations
              title: 在周围同事中有良好的人际关系
              require: peer_approval >= 80

        """

    static let annual = """
        annual:
          tie_breakers:
            - latest_quarter_total
          excellent:
            count: 3
          reward:
            amount: 500
            fund: party_building

        """

    @Test func optionalSectionsLoad() throws {
        let result = Rules.load(["eligibility": Self.eligibility, "annual": Self.annual])
        expectClean(result)
        let policy = try #require(result.policy)
        #expect(policy.eligibility?.criteria.first?.requirement.readNames == ["peer_approval"])
        #expect(policy.annual?.excellent.count == 3)
        #expect(policy.annual?.reward?.amount == ExactDecimal(500))
        #expect(policy.annual?.aggregate == .sum)
        #expect(policy.annual?.quartersRequired == 4)
    }

    @Test func eligibilityCriterionThatIsNotAConditionIsRefused() {
        let text = Self.eligibility.replacingOccurrences(of: "peer_approval >= 80", with: "peer_approval + 80")
        expectOnlyError(Rules.load(["eligibility": text]), "expr.type.expected", at: "t/eligibility.yaml", 10, 16)
    }

    @Test func eligibilityCriterionCannotReadTheQuarterlyRecord() {
        let text = Self.eligibility.replacingOccurrences(of: "peer_approval >= 80", with: "reports_due > 0")
        expectOnlyError(Rules.load(["eligibility": text]), "expr.name.unknown", at: "t/eligibility.yaml", 10, 16)
    }

    @Test func duplicateCriterionIdsAreReported() {
        let text = Self.eligibility + "    - id: relations\n      title: 重复\n      require: peer_approval >= 90\n"
        let diagnostic = expectOnlyError(Rules.load(["eligibility": text]), "rules.duplicate-id", at: "t/eligibility.yaml", 11, 7)
        #expect(diagnostic?.notes.first?.location?.place == [8, 7])
    }

    @Test func excellentWithNothingSetIsRefused() {
        let text = Self.annual.replacingOccurrences(of: "  excellent:\n    count: 3\n", with: "  excellent: {}\n")
        expectOnlyError(Rules.load(["annual": text]), "rules.excellent-empty", at: "t/annual.yaml", 4, 14)
    }

    @Test func excellentShareAboveOneIsRefused() {
        let text = Self.annual.replacingOccurrences(of: "    count: 3\n", with: "    share: 1.5\n")
        expectOnlyError(Rules.load(["annual": text]), "rules.bad-share", at: "t/annual.yaml", 5, 5)
    }

    @Test func excellentShareOfOneFifthLoads() {
        let text = Self.annual.replacingOccurrences(of: "    count: 3\n", with: "    share: 0.2\n")
        let result = Rules.load(["annual": text])
        expectClean(result)
        #expect(result.policy?.annual?.excellent.share == ExactDecimal(coefficient: 2, scale: 1))
    }

    @Test func unknownTieBreakerSuggestsTheNearestWord() {
        let text = Self.annual.replacingOccurrences(of: "    - latest_quarter_total", with: "    - latest_quarter_totl")
        let diagnostic = expectOnlyError(
            Rules.load(["annual": text]), "rules.unknown-word", at: "t/annual.yaml", 3, 7, suggesting: "latest_quarter_total")
        #expect(diagnostic?.message.contains("latest_quarter_totl") == true)
    }

    @Test func annualRewardFromAnUndeclaredFundSuggestsTheNearestFund() {
        let text = Self.annual.replacingOccurrences(of: "fund: party_building", with: "fund: partybuilding")
        expectOnlyError(Rules.load(["annual": text]), "rules.unknown-fund", at: "t/annual.yaml", 8, 11, suggesting: "party_building")
    }

    @Test func quartersRequiredBeyondFourIsRefused() {
        let text = Self.annual.replacingOccurrences(of: "annual:\n", with: "annual:\n  quarters_required: 5\n")
        expectOnlyError(Rules.load(["annual": text]), "rules.out-of-range", at: "t/annual.yaml", 2, 22)
    }

    @Test func rosterDefaultsToOneOfficerPerShift() throws {
        let result = Rules.load(["roster": "roster:\n  selection:\n    - method: 选举\n"])
        expectClean(result)
        let roster = try #require(result.policy?.roster)
        #expect(roster.area == "shift")
        #expect(roster.officersPerArea == 1)
        #expect(roster.selection.first?.requiresReason == false)
    }
}

@Suite struct EvidenceErrorTests {
    /// The minimal evidence with the first field's lines (after `- id: reports_due`) replaced.
    static func evidence(reportsDue lines: String) -> String {
        Rules.evidence.replacingOccurrences(
            of: "    - id: reports_due\n      type: integer\n      default: 0\n",
            with: "    - id: reports_due\n" + lines)
    }

    @Test func choicesOnAFieldThatIsNotAChoiceAreRefused() {
        let text = Self.evidence(reportsDue: "      type: integer\n      choices: [1, 2]\n")
        expectOnlyError(Rules.load(evidence: text), "rules.misplaced-key", at: "t/evidence.yaml", 5, 7)
    }

    @Test func choiceFieldWithoutChoicesIsRefused() {
        let text = Self.evidence(reportsDue: "      type: choice\n")
        expectOnlyError(Rules.load(evidence: text), "rules.missing-key", at: "t/evidence.yaml", 3, 7)
    }

    @Test func minimumAboveMaximumIsReportedAtMax() {
        let text = Self.evidence(reportsDue: "      type: integer\n      min: 10\n      max: 5\n")
        expectOnlyError(Rules.load(evidence: text), "rules.bad-range", at: "t/evidence.yaml", 6, 7, suggesting: "交换")
    }

    @Test func defaultOutsideTheRangeIsReportedAtTheDefault() {
        let text = Self.evidence(reportsDue: "      type: integer\n      min: 0\n      max: 100\n      default: 101\n")
        let diagnostic = expectOnlyError(Rules.load(evidence: text), "rules.bad-default", at: "t/evidence.yaml", 7, 16)
        #expect(diagnostic?.message.contains("101") == true)
    }

    @Test func defaultThatIsAListIsRefusedNotReadAsEmptyText() {
        let text = Rules.evidence.replacingOccurrences(of: "          type: text\n", with: "          type: text\n          default: [无]\n")
        expectOnlyError(Rules.load(evidence: text), "rules.bad-default", at: "t/evidence.yaml", 17, 20)
    }

    @Test func fractionalBoundOfAnIntegerFieldIsRefused() {
        let text = Self.evidence(reportsDue: "      type: integer\n      max: 2.5\n")
        expectOnlyError(Rules.load(evidence: text), "rules.expected-integer", at: "t/evidence.yaml", 5, 12)
    }

    @Test func boundOnATextFieldIsMisplaced() {
        let text = Rules.evidence.replacingOccurrences(of: "          type: text\n", with: "          type: text\n          max: 3\n")
        expectOnlyError(Rules.load(evidence: text), "rules.misplaced-key", at: "t/evidence.yaml", 17, 11)
    }

    @Test func unknownFieldTypeSuggestsTheNearestTypeAndFormulasReadingTheFieldStayQuiet() {
        let text = Self.evidence(reportsDue: "      type: interger\n")
        expectOnlyError(Rules.load(evidence: text), "rules.unknown-word", at: "t/evidence.yaml", 4, 13, suggesting: "integer")
    }

    @Test func fieldTypeWrittenInChineseListsTheTypes() {
        let text = Self.evidence(reportsDue: "      type: 整数\n")
        let diagnostic = expectOnlyError(Rules.load(evidence: text), "rules.unknown-word", at: "t/evidence.yaml", 4, 13)
        #expect(diagnostic?.hint?.contains("integer") == true)
    }

    @Test func fieldNamedLikeAnAssessedItemIsRefused() {
        let text = Rules.evidence.replacingOccurrences(of: "  lists:\n", with: "    - id: i01\n      type: integer\n  lists:\n")
        let diagnostic = expectOnlyError(Rules.load(evidence: text), "rules.duplicate-id", at: "t/evidence.yaml", 9, 7)
        #expect(diagnostic?.notes.first?.location?.file == "t/items.yaml")
    }

    @Test func checkWithANonBooleanRequireIsRefused() {
        let text =
            Rules.evidence + "  checks:\n    - id: on_time\n      require: reports_on_time - reports_due\n      message: 按时上报次数不能多于应报次数\n"
        expectOnlyError(Rules.load(evidence: text), "expr.type.expected", at: "t/evidence.yaml", 19, 16)
    }

    @Test func checkCannotReadItemScores() {
        let text = Rules.evidence + "  checks:\n    - id: on_time\n      require: score.i01 <= 5\n      message: 分数\n"
        expectOnlyError(Rules.load(evidence: text), "expr.name.unknown", at: "t/evidence.yaml", 19, 16)
    }

    @Test func checkLoads() throws {
        let text =
            Rules.evidence
            + "  checks:\n    - id: on_time\n      require: reports_on_time <= reports_due\n      message: 按时上报次数不能多于应报次数\n      clause: 考核标准7\n"
        let result = Rules.load(evidence: text)
        expectClean(result)
        let check = try #require(result.policy?.evidence.checks.first)
        #expect(check.clause == "考核标准7")
        #expect(check.requirement.location.place == [19, 16])
    }

    @Test func withinQuarterOnlyOnDates() {
        let text = Self.evidence(reportsDue: "      type: integer\n      within_quarter: true\n")
        expectOnlyError(Rules.load(evidence: text), "rules.misplaced-key", at: "t/evidence.yaml", 5, 7)
    }

    @Test func fieldDefaultsAreTypedBySchema() throws {
        let text = Rules.evidence.replacingOccurrences(
            of: "  lists:\n",
            with: """
                    - id: joined
                      type: date
                      default: 2021-09-27
                    - id: active
                      type: boolean
                      default: 是
                    - id: unit
                      type: choice
                      choices: [矿, 区队]
                      default: 区队
                  lists:

                """)
        let result = Rules.load(evidence: text)
        expectClean(result)
        let evidence = try #require(result.policy?.evidence)
        #expect(evidence.field(withID: "joined")?.defaultValue == .date(LocalDate(year: 2021, month: 9, day: 27)!))
        #expect(evidence.field(withID: "active")?.defaultValue == .boolean(true))
        #expect(evidence.field(withID: "unit")?.defaultValue == .string("区队"))
        #expect(evidence.field(withID: "reports_due")?.defaultValue == .number(.zero))
    }
}
