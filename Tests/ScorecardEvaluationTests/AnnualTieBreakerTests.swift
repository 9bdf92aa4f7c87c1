import Testing
import ScorecardBase
import ScorecardEvaluation
import ScorecardRules

/// Three officers with the same two-quarter sum (14), told apart only by the tie-breakers:
///   1001: Q1 8, Q2 6 (lowest 6, latest 6), 2 suggestions 区队 → 10 元
///   1002: Q1 6, Q2 8 (lowest 6, latest 8), none
///   1003: Q1 7, Q2 7 (lowest 7, latest 7), 1 suggestion 矿 → 30 元
@Suite struct AnnualTieBreakerTests {
    func ranking(_ breakers: String) throws -> [String] {
        let annual = """
            annual:
              quarters_required: 2
              tie_breakers: [\(breakers)]
              excellent: {count: 1}

            """
        let policy = try loadPolicy(evaluatorRules(formula: "min(done, 5)") + annual)
        let header = "officer,a1,planned,done"
        let q1 = evaluate(
            policy, roster: threeOfficers, records: [header, "1001,4,4,4", "1002,3,3,3", "1003,5,2,2"],
            suggestions: ["officer,level", "1001,区队", "1001,区队"], quarter: quarter(1))
        let q2 = evaluate(
            policy, roster: threeOfficers, records: [header, "1001,3,3,3", "1002,4,4,4", "1003,5,2,2"],
            suggestions: ["officer,level", "1003,矿"], quarter: quarter(2))
        let quarters = [q1, q2].map { AnnualQuarter(policy: policy, evidence: $0.evidence, result: $0.result) }
        let result = try #require(AnnualEvaluator(policy: policy)).evaluate(year: 2025, quarters: quarters)
        #expect(result.officers.allSatisfy { $0.annualTotal == ExactDecimal(14) })
        return result.officers.map { "\($0.rank ?? 0):\($0.officer.id)" }
    }

    @Test func latestQuarterTotal() throws {
        #expect(try ranking("latest_quarter_total") == ["1:1002", "2:1003", "3:1001"])
    }

    @Test func lowestQuarterTotalThenOfficerID() throws {
        #expect(try ranking("lowest_quarter_total") == ["1:1003", "2:1001", "2:1002"], "1001 and 1002 tie on 6")
        #expect(try ranking("lowest_quarter_total, officer_id") == ["1:1003", "2:1001", "3:1002"])
    }

    @Test func adoptedSuggestionsCountRecordsNotMoney() throws {
        #expect(try ranking("adopted_suggestions") == ["1:1001", "2:1003", "3:1002"])
        #expect(try ranking("reward_total") == ["1:1003", "2:1001", "3:1002"])
    }

    @Test func noTieBreakersLeaveAThreeWayTie() throws {
        #expect(try ranking("") == ["1:1001", "1:1002", "1:1003"])
    }
}
