import ScorecardBase
import Testing
import ScorecardTestSupport
@testable import ScorecardRules

/// The policy the package ships in `rules/`: the 碱沟煤矿 liaison-officer scorecard.
@Suite struct BundledPolicyTests {
    let result = loadPolicy(path: packageRoot + "/rules")

    @Test func loadsWithNoErrorsAndNoWarnings() {
        #expect(result.diagnostics.isEmpty, "\(result.listing)")
        #expect(result.policy != nil)
    }

    @Test func readsEveryRuleFileInNameOrder() throws {
        let policy = try #require(result.policy)
        let names = policy.files.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        #expect(names == ["annual.yaml", "eligibility.yaml", "evidence.yaml", "items.yaml", "policy.yaml", "rewards.yaml", "roster.yaml"])
    }

    @Test func hasTwentyItemsOfFivePointsMakingOneHundred() throws {
        let policy = try #require(result.policy)
        #expect(policy.items.count == 20)
        #expect(policy.items.map(\.id) == (1...20).map { $0 < 10 ? "i0\($0)" : "i\($0)" })
        #expect(policy.items.allSatisfy { $0.points == ExactDecimal(5) })
        #expect(policy.scoring.total == ExactDecimal(100))
        #expect(policy.scoring.precision == 2)
        #expect(policy.scoring.rounding == .halfUp)
    }

    @Test func itemsSevenEightAndSixteenAreComputedAndTwelveHasOneCondition() throws {
        let policy = try #require(result.policy)
        let computed = policy.items.filter { !$0.scoring.isAssessed }.map(\.id)
        #expect(computed == ["i07", "i08", "i16"])
        let i12 = try #require(policy.item(withID: "i12"))
        #expect(i12.scoring.isAssessed)
        #expect(i12.scoring.conditions.count == 1)
        #expect(i12.scoring.conditions.first?.when.source == "violations > 0")
        #expect(i12.scoring.conditions.first?.reason?.isEmpty == false)
        let withConditions = policy.items.filter { !$0.scoring.conditions.isEmpty }.map(\.id)
        #expect(withConditions == ["i12"])
    }

    @Test func everyItemNamesItsClause() throws {
        let policy = try #require(result.policy)
        for item in policy.items {
            #expect(item.clause?.hasPrefix("考核标准") == true, "\(item.id)")
        }
    }

    @Test func suggestionRewardPaysThirtyForTheMineAndFiveForTheTeamFromPartyBuilding() throws {
        let policy = try #require(result.policy)
        #expect(policy.rewards.count == 1)
        let reward = try #require(policy.rewards.first)
        #expect(reward.fund == "party_building")
        #expect(policy.fund(withID: "party_building")?.name == "党建经费")
        guard case .perRecord(let list, let by, let rates) = reward.basis else {
            Issue.record("expected a per-record reward, got \(reward.basis)")
            return
        }
        #expect(list == "suggestions")
        #expect(by == "level")
        #expect(rates.map(\.key) == ["矿", "区队"])
        #expect(rates.map(\.amount) == [ExactDecimal(30), ExactDecimal(5)])
    }

    @Test func eligibilityHasFourCriteriaAllRequired() throws {
        let eligibility = try #require(result.policy?.eligibility)
        #expect(eligibility.requirement == .all)
        #expect(eligibility.criteria.map(\.id) == ["political", "keen", "performance", "relations"])
        #expect(eligibility.candidateFields.count == 4)
    }

    @Test func rosterHasOneOfficerPerShiftElectedOrAppointedWithAReasonAndTraining() throws {
        let roster = try #require(result.policy?.roster)
        #expect(roster.area == "shift")
        #expect(roster.officersPerArea == 1)
        #expect(roster.selection.map(\.method) == ["选举", "指定"])
        #expect(roster.selection.map(\.requiresReason) == [false, true])
        #expect(roster.training?.required == true)
        #expect(roster.reporting?.managers.count == 3)
    }

    @Test func gradesHaveFourBandsCoveringZeroToTheTotal() throws {
        let grades = try #require(result.policy?.grades)
        #expect(grades.bands.map(\.name) == ["优秀", "良好", "合格", "不合格"])
        #expect(grades.band(for: ExactDecimal(100))?.name == "优秀")
        #expect(grades.band(for: ExactDecimal(90))?.name == "优秀")
        #expect(grades.band(for: ExactDecimal(coefficient: 8999, scale: 2))?.name == "良好")
        #expect(grades.band(for: ExactDecimal(60))?.name == "合格")
        #expect(grades.band(for: .zero)?.name == "不合格")
    }

    @Test func metadataKeepsTheVersionAsTextAndTheEffectiveDate() throws {
        let metadata = try #require(result.policy?.metadata)
        #expect(metadata.version == "2021.1")
        #expect(metadata.effective == LocalDate(year: 2021, month: 9, day: 27))
        #expect(metadata.source?.published == LocalDate(year: 2021, month: 9, day: 27))
    }

    @Test func annualRulesNameThreeExcellentOfficersFromTheFund() throws {
        let annual = try #require(result.policy?.annual)
        #expect(annual.quartersRequired == 4)
        #expect(annual.tieBreakers == [.latestQuarterTotal, .adoptedSuggestions])
        #expect(annual.excellent.count == 3)
        #expect(annual.excellent.minTotal == ExactDecimal(320))
        #expect(annual.reward?.fund == "party_building")
        #expect(result.policy?.vacancy?.orderBy == .latestAnnualTotal)
    }

    @Test func assessedItemsAddOneScoreFieldEachBeforeTheDeclaredFields() throws {
        let policy = try #require(result.policy)
        let assessed = policy.evidence.fields.filter { $0.assessedItem != nil }
        #expect(assessed.count == 17)
        #expect(assessed.allSatisfy { $0.max == ExactDecimal(5) && $0.min == .zero })
        #expect(policy.layout.fieldIDs.prefix(17).allSatisfy { $0.hasPrefix("i") })
        #expect(policy.evidence.checks.count == 3)
        #expect(policy.evaluationOrder.count == 20)
    }
}
