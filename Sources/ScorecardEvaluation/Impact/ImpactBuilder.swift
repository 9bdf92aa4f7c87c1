import ScorecardBase
import ScorecardEvidence
import ScorecardRules

/// Compares the officers both versions could evaluate. Counts and money are summed over those
/// officers only, so a fund's delta is what the rules changed, not who was left out.
struct ImpactBuilder {
    var old: ImpactSideRun
    var new: ImpactSideRun

    func build() throws(DecimalError) -> PolicyImpact {
        let order = GradeOrder(old: Self.bandNames(old.policy), new: Self.bandNames(new.policy))
        var changes: [OfficerChange] = []
        var unchanged = 0
        var movements: [String: GradeMovement] = [:]
        var oldGrades: [String: Int] = [:]
        var newGrades: [String: Int] = [:]
        var oldFunds: [String: ExactDecimal] = [:]
        var newFunds: [String: ExactDecimal] = [:]
        var oldTotal = ExactDecimal.zero
        var newTotal = ExactDecimal.zero
        var compared = 0

        for before in old.result.officers {
            guard let was = old.complete[before.officer.id], let now = new.complete[before.officer.id],
                let oldScore = was.total, let newScore = now.total
            else { continue }
            compared += 1
            let change = OfficerChange(
                officer: now.officer, total: try DecimalChange(old: oldScore, new: newScore),
                grade: order.change(from: was.grade, to: now.grade),
                reward: try DecimalChange(old: was.rewardTotal ?? .zero, new: now.rewardTotal ?? .zero))
            if change.total.changed || change.grade.changed || change.reward.changed {
                changes.append(change)
            } else {
                unchanged += 1
            }
            if change.grade.changed, let from = was.grade, let to = now.grade {
                movements["\(from)→\(to)", default: GradeMovement(from: from, to: to, count: 0, direction: change.grade.direction)].count +=
                    1
            }
            if let grade = was.grade { oldGrades[grade, default: 0] += 1 }
            if let grade = now.grade { newGrades[grade, default: 0] += 1 }
            try Self.add(was.rewards, to: &oldFunds, total: &oldTotal)
            try Self.add(now.rewards, to: &newFunds, total: &newTotal)
        }

        var funds: [FundChange] = []
        let oldOnlyFunds = old.policy.funds.filter { new.policy.fund(withID: $0.id) == nil }
        for fund in new.policy.funds + oldOnlyFunds {
            funds.append(
                FundChange(
                    fund: fund, inOld: old.policy.fund(withID: fund.id) != nil, inNew: new.policy.fund(withID: fund.id) != nil,
                    amount: try DecimalChange(old: oldFunds[fund.id] ?? .zero, new: newFunds[fund.id] ?? .zero)))
        }
        let gradeNames = order.new + order.old.filter { !order.new.contains($0) }
        return PolicyImpact(
            quarter: new.result.quarter, old: old.policy.metadata, new: new.policy.metadata,
            officersCompared: compared, changes: changes.sorted(by: OfficerChange.largestFirst), unchangedCount: unchanged,
            gradeMovements: movements.values.sorted { a, b in
                (order.rank(a.from), order.rank(a.to)) < (order.rank(b.from), order.rank(b.to))
            },
            gradeCounts: gradeNames.map { GradeCountChange(grade: $0, old: oldGrades[$0] ?? 0, new: newGrades[$0] ?? 0) },
            funds: funds, rewardTotal: try DecimalChange(old: oldTotal, new: newTotal), notes: [],
            scorePlaces: max(old.policy.scoring.precision, new.policy.scoring.precision),
            moneyPlaces: max(old.policy.money.precision, new.policy.money.precision),
            currency: new.policy.money.currency)
    }

    /// Band names best first, the order `QuarterResult.gradeCounts` uses.
    private static func bandNames(_ policy: Policy) -> [String] {
        (policy.grades?.bands ?? []).sorted { $0.min > $1.min }.map(\.name)
    }

    private static func add(
        _ rewards: [RewardResult], to funds: inout [String: ExactDecimal], total: inout ExactDecimal
    ) throws(DecimalError) {
        for reward in rewards {
            funds[reward.fund] = try (funds[reward.fund] ?? .zero).adding(reward.amount)
            total = try total.adding(reward.amount)
        }
    }
}
