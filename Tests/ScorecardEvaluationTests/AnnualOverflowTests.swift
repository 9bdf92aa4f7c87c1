import Testing
import ScorecardBase
import ScorecardEvidence
import ScorecardRules
@testable import ScorecardEvaluation

/// Figures past what an exact decimal holds (its coefficient is an `Int128`) are reported as
/// `eval.overflow` with the officer or the total they are about, never replaced by a guess.
@Suite struct AnnualOverflowTests {
    /// Over half the largest coefficient: two of them do not add up.
    static let half = ExactDecimal(coefficient: Int128.max / 2 + 1, scale: 0)

    func policy(_ annual: String = "quarters_required: 2") throws -> Policy {
        try loadPolicy(
            evaluatorRules(formula: "min(done, 5)") + """
                annual:
                  \(annual)
                  excellent: {count: 1}

                """)
    }

    func year(_ policy: Policy, _ quarters: [[(Int, ExactDecimal?, ExactDecimal?)]]) throws -> AnnualResult {
        let annual = quarters.enumerated().map { number, rows in
            var table = AnnualQuarterTable()
            for (officer, total, reward) in rows {
                table.append(officer: threeOfficers.officers[officer], total: total, rewardTotal: reward, suggestions: 0, failed: false)
            }
            return AnnualQuarter(quarter: quarter(number + 1), policy: policy, officers: table, byFund: [])
        }
        return try #require(AnnualEvaluator(policy: policy)).evaluate(year: 2025, quarters: annual)
    }

    @Test func aQuarterSumPastTheLimitIsReportedAndLeavesTheOfficerUnranked() throws {
        let result = try year(
            policy(),
            [
                [(0, Self.half, .zero), (1, ExactDecimal(8), .zero)],
                [(0, Self.half, .zero), (1, ExactDecimal(7), .zero)],
            ])
        let problem = try #require(result.failures.first)
        #expect(result.failures.count == 1)
        #expect(problem.code == "eval.overflow")
        #expect(problem.message.contains("1001"))
        #expect(problem.location == threeOfficers.officers[0].location)
        let first = try #require(result.officers.first { $0.officer.id == "1001" })
        #expect(first.annualTotal == nil && first.quarterSum == nil)
        #expect(first.exclusion == "各季度成绩之和超出可计算的范围")
        #expect(result.officers.first { $0.officer.id == "1002" }?.annualTotal == ExactDecimal(15))
    }

    @Test func anAverageThatCannotBeKeptAtTheScorePrecisionIsReported() throws {
        // Whole, the sum fits; at the scoring precision's two places it does not.
        let wide = ExactDecimal(coefficient: Int128.max / 4, scale: 0)
        let result = try year(policy("quarters_required: 2\n  aggregate: average"), [[(0, wide, .zero)], [(0, wide, .zero)]])
        #expect(result.failures.map(\.code) == ["eval.overflow"])
        #expect(result.failures.first?.message.contains("年度平均成绩") == true)
        #expect(result.officers.first?.annualTotal == nil)
    }

    @Test func rewardsPastTheLimitAreReportedForTheOfficerAndTheirGroups() throws {
        let result = try year(
            policy(),
            [
                [(0, ExactDecimal(8), Self.half), (1, ExactDecimal(8), .zero)],
                [(0, ExactDecimal(8), Self.half), (1, ExactDecimal(8), .zero)],
            ])
        #expect(!result.failures.isEmpty)
        #expect(result.failures.allSatisfy { $0.code == "eval.overflow" })
        #expect(result.failures.contains { $0.message.contains("1001") && $0.message.contains("季度奖励之和") })
    }

    @Test func aShownSumPastTheLimitIsNilNotItsFirstAddend() {
        let huge = ExactDecimal(coefficient: Int128.max, scale: 0)
        let fund = AnnualFundTotal(id: "f", name: "经费", clause: nil, quarterly: huge, yearEnd: huge)
        #expect(fund.total == nil)
        let sound = AnnualFundTotal(id: "g", name: "经费", clause: nil, quarterly: ExactDecimal(1), yearEnd: ExactDecimal(2))
        #expect(sound.total == ExactDecimal(3))
    }

    @Test func sumsThatFitAreNotReported() throws {
        let result = try year(
            policy(),
            [
                [(0, ExactDecimal(8), ExactDecimal(30)), (1, ExactDecimal(6), .zero)],
                [(0, ExactDecimal(7), ExactDecimal(5)), (1, ExactDecimal(9), .zero)],
            ])
        #expect(result.failures.isEmpty)
        #expect(result.officers.first { $0.officer.id == "1001" }?.quarterlyRewards == ExactDecimal(35))
    }

    @Test func aShareWhoseProductCannotBeComputedAllowsNoOneAndIsReported() throws {
        // The rules loader takes a share of 0 to 1 only: set past it by hand.
        var rule = try #require(try policy().annual).excellent
        rule.count = nil
        rule.share = ExactDecimal(coefficient: Int128.max, scale: 0)
        var sink = DiagnosticSink()
        let limit = ExcellentSelection(rule: rule, scorePlaces: 2).limit(ranked: 10, sink: &sink)
        let problems = sink.diagnostics
        #expect(limit?.count == 0)
        #expect(problems.map(\.code) == ["eval.overflow"])
        #expect(problems.first?.location == rule.location)
    }

    @Test func theQuarterTableKeepsFiguresTooWideForSixtyFourBitsExactly() {
        var table = AnnualQuarterTable()
        let wide = ExactDecimal(coefficient: Int128.max, scale: 3)
        let written = ExactDecimal(coefficient: 9050, scale: 2)
        table.append(officer: threeOfficers.officers[0], total: wide, rewardTotal: nil, suggestions: 4, failed: true)
        table.append(officer: threeOfficers.officers[1], total: written, rewardTotal: ExactDecimal(35), suggestions: 0, failed: false)
        var joined = AnnualQuarterTable()
        joined.append(officer: threeOfficers.officers[2], total: nil, rewardTotal: wide, suggestions: 1, failed: false)
        joined.append(table)
        #expect(joined.count == 3)
        #expect(joined.rewardTotal(at: 0) == wide && joined.total(at: 0) == nil)
        #expect(joined.total(at: 1) == wide && joined.rewardTotal(at: 1) == nil && joined.failed(at: 1))
        #expect(joined.adoptedSuggestions(at: 1) == 4)
        #expect(joined.total(at: 2)?.scale == 2 && joined.total(at: 2) == written)
        #expect(joined.officer(at: 2).id == "1002")
    }
}

/// The quarter's own overflows, forced through the rules and the evidence.
@Suite struct QuarterOverflowTests {
    @Test func aPerRecordRewardPastTheLimitIsReportedForTheOfficerAtTheRule() throws {
        let rewards = """
              - id: adopted
                title: 建议采纳奖励
                fund: party_building
                per_record:
                  list: suggestions
                  by: level
                  rates: {矿: 100000000000000000000000000000000000, 区队: 5}
            """
        let policy = try loadPolicy(evaluatorRules(formula: "min(done, 5)", rewards: rewards))
        let many = Array(repeating: "1001,矿", count: 2000)
        let run = evaluate(
            policy, roster: threeOfficers, records: ["officer,a1,planned,done", "1001,4,4,4", "1002,3,3,3", "1003,5,2,2"],
            suggestions: ["officer,level"] + many + ["1002,矿"])
        let first = try #require(run.result.officer("1001"))
        #expect(first.failures.map(\.code) == ["eval.overflow"])
        #expect(first.failures.first?.message.contains("1001") == true)
        #expect(first.failures.first?.location == policy.rewards.first?.location)
        #expect(first.rewardTotal == nil)
        let rate = ExactDecimal(coefficient: 100_000_000_000_000_000_000_000_000_000_000_000, scale: 0)
        #expect(run.result.officer("1002")?.rewardTotal == rate)
    }

    @Test func pointsThatCannotBeAddedUpAreARuleError() throws {
        let huge = "90000000000000000000000000000000000000"
        let rules = evaluatorRules(formula: "min(done, 5)")
            .replacingOccurrences(of: "points: 5\n    clause: 考核标准1", with: "points: \(huge)\n    clause: 考核标准1")
            .replacingOccurrences(of: "points: 5\n    clause: 考核标准2", with: "points: \(huge)\n    clause: 考核标准2")
        #expect(rules.components(separatedBy: huge).count == 3)
        var problems = DiagnosticSink()
        _ = PolicyLoader.load(sources: [RuleSource(displayPath: "rules.yaml", bytes: Array(rules.utf8))], sink: &problems)
        let problem = try #require(problems.diagnostics.first { $0.code == "rules.points-total" })
        #expect(problem.message.contains("超出可计算的范围"))
    }
}
