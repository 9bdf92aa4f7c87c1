import Foundation
import Testing
import ScorecardTestSupport
import ScorecardBase
@testable import ScorecardEvaluation
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// A policy for the evaluator's own tests: one assessed item, one computed item whose formula
/// is given, two counts and the suggestions list.
func evaluatorRules(
    formula: String, rounding: String = "half-up", precision: Int = 2, rewards: String? = nil, extraItems: String = "", total: Int = 10
) -> String {
    """
    policy:
      id: eval
      name: 计算测试
      version: "1"
      effective: 2025-01-01
    scoring:
      total: \(total)
      precision: \(precision)
      rounding: \(rounding)
    funds:
      - id: party_building
        name: 党建经费
      - id: bonus
        name: 奖金
    grades:
      bands:
        - {name: 优秀, min: 9}
        - {name: 合格, min: 6, below: 9}
        - {name: 不合格, min: 0, below: 6}
    evidence:
      fields:
        - {id: planned, name: 计划次数, type: integer, min: 0, max: 100, default: 0}
        - {id: done, name: 完成次数, type: integer, min: 0, max: 100, default: 0}
      lists:
        - id: suggestions
          fields:
            - {id: level, type: choice, choices: [矿, 区队]}
      checks:
        - id: done_not_more_than_planned
          require: done <= planned
          message: 完成次数不能多于计划次数
    items:
      - id: a1
        title: 考核人打分
        points: 5
        clause: 考核标准1
        scoring: assessed
      - id: c1
        title: 完成情况
        points: 5
        clause: 考核标准2
        scoring:
          method: computed
          formula: \(formula)
    \(extraItems)
    rewards:
    \(rewards ?? """
      - id: adopted
        title: 建议采纳奖励
        fund: party_building
        per_record:
          list: suggestions
          by: level
          rates: {矿: 30, 区队: 5}
    """)

    """
}

let threeOfficers = roster([("1001", "张三", "一队"), ("1002", "李四", "一队"), ("1003", "王五", "二队")])

@Suite struct EvaluatorTests {
    @Test func exactDecimalsWithoutBinaryDrift() throws {
        let policy = try loadPolicy(evaluatorRules(formula: "5 * done / planned"))
        // 0.1 + 0.2 is 0.3 exactly; in binary floating point it is 0.30000000000000004.
        let run = evaluate(
            policy, roster: threeOfficers,
            records: [
                "officer,a1,planned,done", "1001,0.1,10,0", "1002,0.2,10,0", "1003,0.3,3,1",
            ])
        #expect(run.problems.isEmpty)
        // 1003: c1 = 5 × 1/3 = 1.666… → 1.67; total = 0.3 + 1.67 = 1.97
        let officer = try #require(run.result.officer("1003"))
        #expect(officer.score("c1") == dec("1.67"))
        #expect(officer.total == dec("1.97"))
        // Unit 一队: 0.1 + 0.2 (c1 = 0) → 0.3 exactly
        let unit = try #require(run.result.byUnit.first)
        #expect(unit.key == "一队" && unit.officers == 2)
        #expect(unit.scoreSum == dec("0.3"))
        #expect(unit.scoreSum.description == "0.3")
    }

    @Test(arguments: [
        // 5 × done / 8: an exact tie at the third place for odd done.
        ("half-up", 1, "0.63"), ("half-even", 1, "0.62"), // 0.625
        ("half-up", 3, "1.88"), ("half-even", 3, "1.88"), // 1.875: 7 is odd, even rounds up too
        ("half-up", 5, "3.13"), ("half-even", 5, "3.12"), // 3.125
        ("half-down", 5, "3.12"), ("down", 7, "4.37"), // 4.375
    ])
    func roundingModeIsTheDeclaredOne(mode: String, done: Int, expected: String) throws {
        let policy = try loadPolicy(evaluatorRules(formula: "5 * done / planned", rounding: mode))
        #expect(policy.scoring.rounding.rawValue == mode)
        let run = evaluate(
            policy, roster: threeOfficers, records: ["officer,a1,planned,done", "1001,4,8,\(done)", "1002,4,8,0", "1003,4,8,0"])
        let officer = try #require(run.result.officer("1001"))
        #expect(officer.score("c1") == dec(expected))
        let exact = try dec("5").multiplying(by: ExactDecimal(done)).dividing(by: dec("8"), scale: 10, rounding: .halfUp)
        #expect(officer.item("c1")?.basis == .computed(exact))
    }

    @Test func thirdsAtPrecisionTwoAndZero() throws {
        let two = try loadPolicy(evaluatorRules(formula: "5 * done / planned"))
        let zero = try loadPolicy(evaluatorRules(formula: "5 * done / planned", precision: 0))
        let records = ["officer,a1,planned,done", "1001,4.5,3,1", "1002,4,3,2", "1003,4,6,1"]
        let atTwo = evaluate(two, roster: threeOfficers, records: records).result
        let atZero = evaluate(zero, roster: threeOfficers, records: records).result
        // 5/3 = 1.666… ; 10/3 = 3.333… ; 5/6 = 0.8333…
        #expect(atTwo.officers.map { $0.score("c1") } == [dec("1.67"), dec("3.33"), dec("0.83")])
        #expect(atZero.officers.map { $0.score("c1") } == [dec("2"), dec("3"), dec("1")])
        // At precision 0 an assessed 4.5 is rounded too (half-up → 5): the total is 5 + 2 = 7.
        #expect(atZero.officer("1001")?.score("a1") == dec("5"))
        #expect(atZero.officer("1001")?.total == dec("7"))
    }

    @Test func divisionByZeroFailsOneOfficerOnly() throws {
        let rules = evaluatorRules(formula: "5 * done / planned")
        let policy = try loadPolicy(rules, file: "rules/items.yaml")
        let run = evaluate(
            policy, roster: threeOfficers,
            records: [
                "officer,a1,planned,done", "1001,4,10,8", "1002,3,0,0", "1003,5,4,4",
            ], suggestions: ["officer,level", "1001,矿", "1002,矿", "1003,区队"])
        #expect(run.problems.isEmpty)
        let failed = try #require(run.result.officer("1002"))
        #expect(failed.failures.count == 1)
        let failure = try #require(failed.failures.first)
        #expect(failure.code == "expr.eval.division-by-zero")
        #expect(failure.message.contains("1002") && failure.message.contains("李四") && failure.message.contains("c1"))
        // The place of the divisor in the rule file: line and column of `planned` in the formula.
        let lines = rules.split(separator: "\n", omittingEmptySubsequences: false)
        let formulaLine = try #require(lines.firstIndex { $0.contains("formula: 5 * done / planned") })
        let column = try #require(lines[formulaLine].range(of: "/ planned")).upperBound
        let divisorColumn =
            lines[formulaLine].unicodeScalars.distance(from: lines[formulaLine].unicodeScalars.startIndex, to: column) - "planned".count + 1
        #expect(
            failure.location
                == SourceLocation(file: "rules/items.yaml", line: formulaLine + 1, column: divisorColumn, length: "planned".count))
        #expect(failed.total == nil && failed.grade == nil && failed.rewardTotal == nil)
        #expect(!failed.isComplete)
        // The assessed item still has its score; the failed one has none.
        #expect(failed.score("a1") == dec("3"))
        #expect(failed.score("c1") == nil)

        // Everyone else is evaluated as usual.
        #expect(run.result.officer("1001")?.total == dec("8")) // 4 + 5 × 8/10 = 4 + 4
        #expect(run.result.officer("1003")?.total == dec("10")) // 5 + 5 × 4/4
        #expect(run.result.failures.map(\.code) == [failure.code])
        // Summaries leave out the incomplete officer: its reward is not charged.
        #expect(run.result.rewardTotal == dec("35")) // 1001 矿 30 + 1003 区队 5
        #expect(run.result.byFund.first { $0.fund.id == "party_building" }?.amount == dec("35"))
        #expect(run.result.gradeCounts.map(\.count) == [1, 1, 0]) // 1003 优秀, 1001 合格
        #expect(run.result.byUnit.map(\.officers) == [1, 1])
    }

    @Test func scoreOutsideThePointsIsAFailureNotClamped() throws {
        let policy = try loadPolicy(evaluatorRules(formula: "done - planned"))
        // 1001: 7 - 1 = 6 > 5; 1002: 0 - 2 = -2 < 0; 1003: 3 - 1 = 2, fine.
        let run = evaluate(policy, roster: threeOfficers, records: ["officer,a1,planned,done", "1001,4,1,7", "1002,4,2,0", "1003,4,1,3"])
        for id in ["1001", "1002"] {
            let officer = try #require(run.result.officer(id))
            #expect(officer.failures.map(\.code) == ["eval.score-range"], "\(id)")
            #expect(officer.failures.first?.location == policy.item(withID: "c1")?.scoring.location)
            #expect(officer.total == nil)
        }
        #expect(run.result.officer("1001")?.failures.first?.message.contains("算得 6") == true)
        #expect(run.result.officer("1003")?.total == dec("6"))
        // Both break the record check too (done > planned for 1001): a finding, not a failure.
        #expect(run.result.officer("1001")?.findings.map(\.code) == ["evidence.check"])
    }

    @Test func recordCheckFailingIsAFindingAtTheRecord() throws {
        let policy = try loadPolicy(evaluatorRules(formula: "if planned == 0 then 5 else min(5, 5 * done / planned)"))
        let run = evaluate(policy, roster: threeOfficers, records: ["officer,a1,planned,done", "1001,4,1,3", "1002,4,2,2", "1003,4,0,0"])
        let officer = try #require(run.result.officer("1001"))
        #expect(officer.findings.count == 1)
        let finding = try #require(officer.findings.first)
        #expect(finding.code == "evidence.check")
        #expect(finding.severity == .error)
        // At the first value the check reads (`done`, the fourth cell), not the row's start.
        #expect(finding.location == SourceLocation(file: "scores.csv", line: 2, column: 10))
        #expect(finding.message.contains("done_not_more_than_planned") && finding.message.contains("完成次数不能多于计划次数"))
        #expect(finding.hint?.contains("done") == true && finding.hint?.contains("planned") == true)
        // A finding does not stop the evaluation: min(5, 15) = 5.
        #expect(officer.total == dec("9"))
        #expect(run.result.findings.count == 1)
        #expect(run.result.failures.isEmpty)
    }

    static let i07 = """
          - id: i07
            title: 完成率
            points: 5
            clause: 考核标准3
            scoring:
              method: computed
              formula: FORMULA
        """

    @Test func itemReadsAnotherItemsScore() throws {
        // c1 comes before i07 but reads score.i07: the evaluation order follows the reference.
        let i07 = Self.i07.replacingOccurrences(of: "FORMULA", with: "if planned == 0 then 5 else 5 * done / planned")
        let policy = try loadPolicy(evaluatorRules(formula: "score.i07 / 2", extraItems: i07, total: 15))
        #expect(policy.items.map(\.id) == ["a1", "c1", "i07"])
        #expect(policy.evaluationOrder.map { policy.items[$0].id } == ["a1", "i07", "c1"])
        let run = evaluate(policy, roster: threeOfficers, records: ["officer,a1,planned,done", "1001,4,3,1", "1002,4,0,0", "1003,4,4,3"])
        #expect(run.result.failures.isEmpty, "\(run.result.failures)")
        // 1001: i07 = 5 × 1/3 → 1.67; c1 = 1.67 / 2 = 0.835 → 0.84 (from the rounded i07)
        let officer = try #require(run.result.officer("1001"))
        #expect(officer.score("i07") == dec("1.67"))
        #expect(officer.score("c1") == dec("0.84"))
        let record = try #require(run.evidence.records.first { $0.officer.id == "1001" })
        let c1 = try #require(policy.item(withID: "c1"))
        let inputs = ItemInputs.values(read: c1, record: record, result: officer, layout: policy.layout)
        #expect(inputs.map(\.name) == ["score.i07"])
        #expect(inputs.first?.value == .number(dec("1.67")))
        #expect(officer.total == dec("6.51")) // 4 + 0.84 + 1.67
        // Items are listed in rule order whatever the evaluation order.
        #expect(officer.items.map(\.itemID) == ["a1", "c1", "i07"])
        #expect(run.result.officer("1003")?.score("c1") == dec("1.88")) // i07 = 3.75, / 2 = 1.875 → 1.88
    }

    @Test func failedItemIsNotReportedAgainByTheItemThatReadsIt() throws {
        let i07 = Self.i07.replacingOccurrences(of: "FORMULA", with: "5 * done / planned")
        let policy = try loadPolicy(evaluatorRules(formula: "score.i07 / 2", extraItems: i07, total: 15))
        let run = evaluate(policy, roster: threeOfficers, records: ["officer,a1,planned,done", "1001,4,0,0", "1002,4,2,1", "1003,4,4,3"])
        let officer = try #require(run.result.officer("1001"))
        // One cause, one failure: the division in i07. c1 cannot be computed either, silently.
        #expect(officer.failures.count == 1)
        #expect(officer.failures.first?.code.hasSuffix("division-by-zero") == true)
        #expect(officer.score("c1") == nil && officer.score("i07") == nil)
        #expect(officer.total == nil)
        #expect(run.result.officer("1002")?.total == dec("7.75")) // i07 = 5 × 1/2 = 2.5, c1 = 1.25: 4 + 1.25 + 2.5
    }

    @Test func byGradeRewardTiers() throws {
        let rewards = """
              - id: tier
                title: 等级奖励
                fund: bonus
                by_grade: {优秀: 100, 合格: 20.5}
            """
        let policy = try loadPolicy(evaluatorRules(formula: "5 * done / planned", rewards: rewards))
        let run = evaluate(policy, roster: threeOfficers, records: ["officer,a1,planned,done", "1001,5,4,4", "1002,3,4,4", "1003,0,4,1"])
        // 1001: 10 → 优秀 → 100; 1002: 8 → 合格 → 20.5; 1003: 1.25 → 不合格 → no tier → 0
        #expect(run.result.officers.map(\.grade) == ["优秀", "合格", "不合格"])
        #expect(run.result.officers.map(\.rewardTotal) == [dec("100"), dec("20.50"), dec("0")])
        #expect(run.result.byFund.map(\.amount) == [dec("0"), dec("120.5")])
        #expect(run.result.rewardTotal == dec("120.50"))
        #expect(run.result.gradeCounts.map(\.grade) == ["优秀", "合格", "不合格"])
        #expect(run.result.gradeCounts.map(\.count) == [1, 1, 1])
    }

    @Test func formulaRewardWithConditionAndCap() throws {
        let rewards = """
              - id: scaled
                title: 按分奖励
                fund: bonus
                when: total >= 6
                formula: total * 10 / 3
                cap: 30
            """
        let policy = try loadPolicy(evaluatorRules(formula: "5 * done / planned", rewards: rewards))
        let run = evaluate(policy, roster: threeOfficers, records: ["officer,a1,planned,done", "1001,5,4,4", "1002,2,1,1", "1003,4,4,1"])
        // 1001: total 10 → 100/3 = 33.33… > 30 → capped at 30
        let capped = try #require(run.result.officer("1001")?.rewards.first)
        #expect(capped.amount == dec("30") && capped.capped && !capped.withheld)
        // 1002: total 7 → 70/3 = 23.333… → 23.33 (to the fen, half-up)
        let rounded = try #require(run.result.officer("1002")?.rewards.first)
        #expect(rounded.amount == dec("23.33") && !rounded.capped && !rounded.withheld)
        #expect(rounded.amount.scale == 2)
        // 1003: total 4 + 1.25 = 5.25 < 6 → withheld, nothing paid
        let withheld = try #require(run.result.officer("1003")?.rewards.first)
        #expect(withheld.withheld && withheld.amount == dec("0"))
        #expect(run.result.rewardTotal == dec("53.33"))
        #expect(run.result.byFund.map(\.fund.id) == ["party_building", "bonus"])
        #expect(run.result.byFund.map(\.amount) == [dec("0"), dec("53.33")])
    }

    @Test func negativeRewardIsAFailureNotANegativePayment() throws {
        let rewards = """
              - id: above_eight
                title: 超出 8 分的部分
                fund: bonus
                formula: (total - 8) * 10
            """
        let policy = try loadPolicy(evaluatorRules(formula: "5 * done / planned", rewards: rewards))
        let run = evaluate(policy, roster: threeOfficers, records: ["officer,a1,planned,done", "1001,5,4,4", "1002,2,1,1", "1003,4,4,4"])
        // 1001: (10 - 8) × 10 = 20; 1003: (9 - 8) × 10 = 10
        #expect(run.result.officer("1001")?.rewardTotal == dec("20"))
        #expect(run.result.officer("1003")?.rewardTotal == dec("10"))
        // 1002: (7 - 8) × 10 = -10 — a rule that pays back money is a mistake in the rule.
        let officer = try #require(run.result.officer("1002"))
        #expect(officer.failures.map(\.code) == ["eval.reward-range"])
        #expect(officer.failures.first?.message.contains("-10") == true)
        #expect(officer.failures.first?.location == policy.rewards.first?.location)
        #expect(officer.rewardTotal == nil)
        #expect(run.result.rewardTotal == dec("30"))
    }

    @Test func perUnitTotalsAndAverages() throws {
        let policy = try loadPolicy(evaluatorRules(formula: "5 * done / planned"))
        let four = roster([("1001", "张三", "一队"), ("1002", "李四", "二队"), ("1003", "王五", "一队"), ("1004", "赵六", "一队")])
        let run = evaluate(
            policy, roster: four,
            records: [
                "officer,a1,planned,done", "1001,4,3,2", "1002,5,1,1", "1003,3.5,3,3", "1004,2,3,1",
            ], suggestions: ["officer,level", "1001,矿", "1003,区队", "1003,区队", "1002,区队"])
        // 一队: 1001 4 + 3.33 = 7.33; 1003 3.5 + 5 = 8.5; 1004 2 + 1.67 = 3.67 → 19.50 over 3
        // 二队: 1002 5 + 5 = 10
        #expect(run.result.byUnit.map(\.key) == ["一队", "二队"])
        let first = run.result.byUnit[0], second = run.result.byUnit[1]
        #expect(first.officers == 3 && first.scoreSum == dec("19.50") && first.reward == dec("40"))
        #expect(second.officers == 1 && second.scoreSum == dec("10") && second.reward == dec("5"))
        // 19.5 / 3 = 6.5 exactly; 20 / 3 would be 6.67
        #expect(try first.averageScore(precision: 2, rounding: .halfUp) == dec("6.50"))
        #expect(try second.averageScore(precision: 2, rounding: .halfUp) == dec("10"))
        let thirds = GroupTotal(key: "x", officers: 3, scoreSum: dec("20"), reward: .zero)
        #expect(try thirds.averageScore(precision: 2, rounding: .halfUp) == dec("6.67"))
        #expect(try thirds.averageScore(precision: 1, rounding: .down) == dec("6.6"))
        #expect(
            try GroupTotal(key: "empty", officers: 0, scoreSum: .zero, reward: .zero).averageScore(precision: 2, rounding: .halfUp) == nil)
    }

    @Test func anAverageThatCannotBeWorkedOutThrowsRatherThanLookingLikeAnEmptyGroup() {
        // Four more places than shown: a sum near the decimal's limit has no room for them.
        let huge = GroupTotal(key: "x", officers: 1, scoreSum: ExactDecimal(coefficient: Int128.max / 10, scale: 0), reward: .zero)
        #expect(throws: DecimalError.self) { try huge.averageScore(precision: 2, rounding: .halfUp) }
    }

    @Test func missingAssessedScoreIsAFailureForThatOfficer() throws {
        let policy = try loadPolicy(evaluatorRules(formula: "5"))
        var slots = policy.layout.emptySlots()
        slots[policy.layout.slot(ofField: "planned")!] = .number(dec("1"))
        slots[policy.layout.slot(ofField: "done")!] = .number(dec("1"))
        slots[policy.layout.slot(ofList: "suggestions")!] = .list([])
        let officer = threeOfficers.officers[0]
        let record = OfficerRecord(officer: officer, slots: slots, location: SourceLocation(file: "s.csv", line: 2, column: 1))
        let result = QuarterEvaluator(policy: policy).evaluate(record)
        #expect(result.failures.map(\.code) == ["eval.missing-value"])
        #expect(result.total == nil)
        #expect(result.score("c1") == dec("5"))
    }
}
