import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardEvaluation
import ScorecardRules

/// The bundled 2025 year: Q1–Q2 scored under 2021.1, Q3–Q4 under the 2025.1 demo revision
/// (which changes only the 矿 rate and the 良好 band, not scores); the annual rules are 2025.1's:
/// sum of four quarters, partial years excluded, 3 excellent with at least 320.
let seedYear: Workspace.YearRun? = {
    var problems = DiagnosticSink()
    guard let run = try? seedWorkspace.runYear(2025, sink: &problems) else { return nil }
    return run
}()

/// The 2025 year under the year-end rules, with `adjust` applied to its `annual` section.
func seedAnnual(_ adjust: (inout AnnualRules) -> Void = { _ in }) throws -> AnnualResult {
    let year = try #require(seedYear)
    var policy = year.yearEndPolicy
    if policy.annual != nil { adjust(&policy.annual!) }
    let evaluator = try #require(AnnualEvaluator(policy: policy))
    return evaluator.evaluate(year: 2025, quarters: try #require(year.annualQuarters))
}

extension AnnualResult {
    func officer(_ id: String) -> AnnualOfficerResult? { officers.first { $0.officer.id == id } }
    var rankedIDs: [String] { officers.filter { $0.rank != nil }.map(\.officer.id) }
    var excellentIDs: [String] { excellentOfficers.map(\.officer.id) }
}

@Suite struct AnnualSeedTests {
    @Test func theYearLoadsCleanlyUnderEachQuartersOwnVersion() throws {
        var problems = DiagnosticSink()
        _ = try seedWorkspace.runYear(2025, sink: &problems)
        #expect(!problems.hasErrors, "\(problems.diagnostics)")
        let result = try seedAnnual()
        #expect(result.quarters.map(\.version) == ["2021.1", "2021.1", "2025.1", "2025.1"])
        #expect(result.annualVersion == "2025.1", "the annual rules are the year-end version's")
        #expect(result.officer("10339")?.quarters.map(\.version) == ["2021.1", "2021.1", "2025.1", "2025.1"])
    }

    /// Worked by hand from the four quarters' totals (each rounded to 2 places):
    /// 10516 蒋秀梅 98.50 + 99.50 + 97.50 + 98.50 = 394.00;
    /// 10312 吕永军 97.60 + 96.50 + 97.00 + 97.90 = 389.00;
    /// 10339 袁志刚 94.20 + 95.20 + 92.80 + 93.40 = 375.60.
    /// All three are within the count of 3 and above 320, so all three are excellent.
    @Test func theTopThreeAreHandCheckedAndExcellent() throws {
        let result = try seedAnnual()
        #expect(Array(result.rankedIDs.prefix(4)) == ["10516", "10312", "10339", "10611"])
        #expect(result.officer("10516")?.annualTotal == dec("394.00"))
        #expect(result.officer("10312")?.annualTotal == dec("389.00"))
        #expect(result.officer("10339")?.annualTotal == dec("375.60"))
        #expect(result.officer("10339")?.quarters.compactMap(\.total) == [dec("94.20"), dec("95.20"), dec("92.80"), dec("93.40")])
        #expect(result.excellentIDs == ["10516", "10312", "10339"])
        #expect(result.officer("10339")?.excellentReason == "第 3 名，年度成绩 375.60 不低于 320，在 3 名的名额之内")
        #expect(result.officer("10611")?.excellentReason?.hasPrefix("名额已满") == true)
        #expect(result.officer("10516")?.yearEndReward == ExactDecimal(500))
        #expect(result.rankedCount == 19)
    }

    /// 10465 left on 2025-06-30 (Q1, Q2) and 10489 joined on 2025-07-01 (Q3, Q4): two quarters
    /// each, so under `partial_year: exclude` neither is ranked.
    @Test func midYearOfficersAreExcluded() throws {
        let result = try seedAnnual()
        for id in ["10465", "10489"] {
            let officer = try #require(result.officer(id))
            #expect(officer.quarters.count == 2)
            #expect(officer.rank == nil && officer.annualTotal == nil)
            #expect(officer.exclusion == "不满四个季度")
        }
        #expect(result.officers.suffix(2).map(\.officer.id) == ["10465", "10489"], "the unranked follow the ranked")
    }

    /// Quarterly rewards are what each quarter paid under its own version (Q1 + Q2 at 2021.1's
    /// 30 元 per 矿 adoption, Q3 + Q4 at 2025.1's 40 元); the fund also pays 3 × 500 year-end.
    @Test func theFundTotalIsTheQuartersRewardsPlusTheYearEndRewards() throws {
        let result = try seedAnnual()
        let quarterly = try seedRunsInForce.map { try #require($0?.result?.rewardTotal) }
        #expect(quarterly[3] == ExactDecimal(415), "Q4 under the revision")
        let paid = quarterly.reduce(ExactDecimal.zero) { try! $0.adding($1) }
        #expect(paid == dec("1565.00"))
        let fund = try #require(result.byFund.first { $0.id == "party_building" })
        #expect(fund.quarterly == paid)
        #expect(fund.yearEnd == ExactDecimal(1500))
        #expect(fund.total == dec("3065.00"))
        #expect(result.rewardTotal == dec("3065.00"))
        let units = try result.byUnit.reduce(ExactDecimal.zero) { try $0.adding(#require($1.rewards)) }
        let managers = try result.byManager.reduce(ExactDecimal.zero) { try $0.adding(#require($1.rewards)) }
        #expect(units == result.rewardTotal && managers == result.rewardTotal)
    }

    /// 10418 潘海军 and 10452 程立新 both have 354.50, 87.50 in Q4 and as many adopted
    /// suggestions: tied on the bundled tie-breakers, they share 6th place.
    @Test func aFullTieSharesTheRank() throws {
        let result = try seedAnnual()
        #expect(result.officer("10418")?.rank == 6 && result.officer("10452")?.rank == 6)
        #expect(result.officer("10247")?.rank == 8)
        #expect(result.officer("10452")?.tieNote?.contains("名次并列") == true)
    }

    /// 10418 was paid 65.00 in quarterly rewards, 10452 90.00; their lowest quarters are both 87.50.
    @Test func rewardTotalAndOfficerIDBreakTheSeedTie() throws {
        let byReward = try seedAnnual { $0.tieBreakers = [.rewardTotal] }
        #expect(byReward.officer("10452")?.rank == 6 && byReward.officer("10418")?.rank == 7)
        #expect(byReward.officer("10418")?.tieNote?.contains("全年所得季度奖励") == true)
        let byID = try seedAnnual { $0.tieBreakers = [.lowestQuarterTotal, .officerID] }
        #expect(byID.officer("10418")?.rank == 6 && byID.officer("10452")?.rank == 7)
        #expect(byID.officer("10452")?.tieNote?.contains("工号") == true)
    }

    @Test func partialYearsScaledOrIncluded() throws {
        // 10465: 93.50 + 93.50 = 187.00 → × 4 ÷ 2 = 374.00, between 袁志刚 (375.60) and 贺永胜 (364.60).
        let scaled = try seedAnnual { $0.partialYear = .scale }
        #expect(scaled.officer("10465")?.annualTotal == dec("374.00"))
        #expect(scaled.officer("10465")?.scaling == "187.00 × 4 ÷ 2 = 374.00")
        #expect(scaled.officer("10465")?.rank == 4)
        // 10489: 77.39 + 85.38 = 162.77 → 325.54.
        #expect(scaled.officer("10489")?.annualTotal == dec("325.54"))
        #expect(scaled.rankedCount == 21)
        let included = try seedAnnual { $0.partialYear = .include }
        #expect(included.officer("10465")?.annualTotal == dec("187.00"))
        #expect(included.officer("10465")?.scaling == nil)
        #expect(included.rankedIDs.suffix(2) == ["10465", "10489"], "two quarters' sum ranks last")
        // Averages need no scaling: 10465's average is 93.50, ranked as it is.
        let averaged = try seedAnnual {
            $0.aggregate = .average; $0.partialYear = .scale; $0.excellent.minTotal = nil
        }
        #expect(averaged.officer("10465")?.annualTotal == dec("93.50"))
        #expect(averaged.officer("10516")?.annualTotal == dec("98.50"))
    }

    @Test func excellentByCountShareMinimumAndCombined() throws {
        let byCount = try seedAnnual {
            $0.excellent.count = 5; $0.excellent.minTotal = nil
        }
        #expect(byCount.excellentIDs == ["10516", "10312", "10339", "10611", "10231"])
        // 0.2 × 19 ranked = 3.8 → 3 (never more than the share); 0.25 × 19 = 4.75 → 4.
        let byShare = try seedAnnual {
            $0.excellent.count = nil; $0.excellent.minTotal = nil; $0.excellent.share = dec("0.2")
        }
        #expect(byShare.excellentIDs.count == 3)
        #expect(byShare.excellentLimit?.count == 3)
        #expect(byShare.excellentLimit?.why.contains("向下取整为 3 名") == true)
        let quarter = try seedAnnual {
            $0.excellent.count = nil; $0.excellent.minTotal = nil; $0.excellent.share = dec("0.25")
        }
        #expect(quarter.excellentIDs.count == 4)
        // At least 350: ranks 1–7, the tie at 6th included.
        let byMinimum = try seedAnnual {
            $0.excellent.count = nil; $0.excellent.minTotal = ExactDecimal(350)
        }
        #expect(byMinimum.excellentIDs == ["10516", "10312", "10339", "10611", "10231", "10418", "10452"])
        #expect(byMinimum.officer("10247")?.excellentReason == "年度成绩 348.12 低于优秀最低分 350（min_total）")
        // Count 3 and at least 390: only 蒋秀梅 (394.00); 吕永军's 389.00 is below the minimum.
        let combined = try seedAnnual { $0.excellent.minTotal = ExactDecimal(390) }
        #expect(combined.excellentIDs == ["10516"])
        #expect(combined.officer("10312")?.excellentReason?.contains("低于优秀最低分 390") == true)
        #expect(combined.byFund.first?.yearEnd == ExactDecimal(500))
    }

    /// Six places, but 6th is shared by two: both would make seven, so neither is taken.
    @Test func aTieThatWouldOverrunTheCountIsLeftOutWhole() throws {
        let result = try seedAnnual { $0.excellent.count = 6 }
        #expect(result.excellentIDs.count == 5)
        #expect(result.officer("10418")?.excellent == false && result.officer("10452")?.excellent == false)
        #expect(result.officer("10418")?.excellentReason?.contains("并列") == true)
        #expect(result.notes.contains { $0.contains("第 6 名有 2 人并列") })
        #expect(result.officer("10247")?.excellentReason?.hasPrefix("名额已满") == true)
    }

    @Test func managersAreGroupedByRoleAndName() throws {
        let result = try seedAnnual()
        let office = try #require(result.byManager.first { $0.key == "政工联系员工作办公室" })
        #expect(office.role == "政工联系员工作办公室")
        #expect(office.officers == 2 && office.ranked.officers == 1, "10471 all year, 10489 from Q3")
        let quarter = try #require(seedRunsInForce[3]?.result)
        let q4Office = try #require(quarter.byManager.first { $0.name == "政工联系员工作办公室" })
        #expect(q4Office.total.officers == 2)
        #expect(quarter.byManager.reduce(0) { $0 + $1.total.officers } == quarter.officers.count)
    }

    @Test func theVacancyPoolIsThoseServingAtYearEndInTheRulesOrder() throws {
        let result = try seedAnnual()
        let year = try #require(seedYear)
        var rules = try #require(year.yearEndPolicy.vacancy)
        let byAnnual = VacancyList(annual: result, rules: rules, policy: year.yearEndPolicy)
        #expect(byAnnual.left.map(\.id) == ["10465"], "left on 2025-06-30")
        #expect(byAnnual.candidates.count == 20)
        #expect(byAnnual.candidates.prefix(3).map(\.officer.officer.id) == ["10516", "10312", "10339"])
        #expect(byAnnual.candidates.last?.officer.officer.id == "10489", "no annual total: after those with one")
        #expect(byAnnual.candidates.last?.note?.contains("无年度成绩") == true)
        rules.orderBy = .latestQuarterTotal
        let byQuarter = VacancyList(annual: result, rules: rules, policy: year.yearEndPolicy)
        // Q4 totals: 98.50, 97.90, 93.40, 92.00 (田晓东), 90.80 (贺永胜) …; 余国梁's 85.38 among them.
        #expect(byQuarter.candidates.prefix(5).map(\.officer.officer.id) == ["10516", "10312", "10339", "10231", "10611"])
        let position = try #require(byQuarter.candidates.first { $0.officer.officer.id == "10489" }?.position)
        #expect(position == 11, "after 10471 (88.00), 10418 and 10452 (87.50), 10247 (86.12), 10437 (85.50)")
        #expect(byQuarter.candidates.first { $0.officer.officer.id == "10231" }?.officer.rank == 5, "the annual rank is kept")
    }
}
