import ScorecardBase
import ScorecardEvidence
import ScorecardRules

/// The year-end assessment (clause 2.4). Pure: takes the year's quarterly results, each under
/// its own version of the rules, and applies the `annual` rules of the version in force at the
/// year's end (the version its last quarter used).
public struct AnnualEvaluator: Sendable {
    /// The year-end version: its `annual` rules, scoring precision and money settings apply.
    public let policy: Policy
    public let rules: AnnualRules

    /// nil when the version has no `annual` section; see `missingRules`.
    public init?(policy: Policy) {
        guard let rules = policy.annual else { return nil }
        self.policy = policy
        self.rules = rules
    }

    /// Why there can be no annual ranking under `policy`.
    public static func missingRules(_ policy: Policy) -> Diagnostic {
        .error(
            EvaluationCode.annualNoRules, "规则版本 \(policy.metadata.version) 中没有 annual 一节，无法进行年度评选",
            hint: "在年末所用的规则版本中加上 annual 一节（见 docs/rules.md 3.11）", at: policy.metadata.location)
    }

    private var scorePlaces: Int { policy.scoring.precision }
    private var ranking: AnnualRanking {
        AnnualRanking(tieBreakers: rules.tieBreakers, scorePlaces: scorePlaces, moneyPlaces: policy.money.precision)
    }

    public func evaluate(year: Int, quarters given: [AnnualQuarter]) -> AnnualResult {
        let quarters = given.filter { $0.quarter.year == year }.sorted { $0.quarter < $1.quarter }
        let everyone = officers(in: quarters).map(standing)
        let ranked = ranking.ranked(everyone.filter { $0.annualTotal != nil }, on: \.annualTotal, figureName: "年度成绩")
        let selection = ExcellentSelection(rule: rules.excellent, scorePlaces: scorePlaces)
        var (officers, notes) = selection.apply(to: ranked)
        if let reward = rules.reward {
            let amount = reward.amount.rounded(scale: policy.money.precision, policy.money.rounding)
            for index in officers.indices where officers[index].excellent { officers[index].yearEndReward = amount }
        }
        officers += everyone.filter { $0.annualTotal == nil }
        let missing = (1...4).compactMap { Quarter(year: year, number: $0) }.filter { q in !quarters.contains { $0.quarter == q } }
        if !missing.isEmpty {
            notes.insert("\(year) 年缺少 \(missing.map(\.description).joined(separator: "、")) 的记录，年度结果是暂定的", at: 0)
        }
        // Groups follow the roster (first appearance), not the ranking.
        let final = Dictionary(officers.map { ($0.officer.id, $0) }, uniquingKeysWith: { first, _ in first })
        let inRosterOrder = everyone.compactMap { final[$0.officer.id] }
        return AnnualResult(
            year: year, quarters: quarters.map { ($0.quarter, $0.policy.metadata.version) },
            annualVersion: policy.metadata.version, rules: rules, officers: officers, rankedCount: ranked.count,
            excellentLimit: selection.limit(ranked: ranked.count),
            byUnit: groups(inRosterOrder) { (nil, $0.unit) },
            byManager: groups(inRosterOrder) { ($0.reportsTo.role, $0.reportsTo.name) },
            byFund: funds(quarters, officers: officers), notes: notes)
    }

    /// Everyone with a record in any quarter, in the order they first appear, as recorded in
    /// the latest quarter they appear in.
    private func officers(in quarters: [AnnualQuarter]) -> [AnnualOfficerResult] {
        var order: [String] = []
        var byID: [String: AnnualOfficerResult] = [:]
        for quarter in quarters {
            for result in quarter.result.officers {
                let id = result.officer.id
                if byID[id] == nil {
                    order.append(id)
                    byID[id] = AnnualOfficerResult(
                        officer: result.officer, quarters: [], quarterSum: .zero, excellent: false,
                        yearEndReward: .zero, quarterlyRewards: .zero, adoptedSuggestions: 0)
                }
                guard var officer = byID[id] else { continue }
                officer.officer = result.officer
                officer.quarters.append(.init(
                    quarter: quarter.quarter, version: quarter.policy.metadata.version,
                    total: result.total, rewardTotal: result.rewardTotal))
                officer.quarterSum = result.total.flatMap { total in officer.quarterSum.flatMap { try? $0.adding(total) } }
                officer.quarterlyRewards = sum([officer.quarterlyRewards, result.rewardTotal ?? .zero])
                officer.adoptedSuggestions += quarter.adoptedSuggestions[id] ?? 0
                byID[id] = officer
            }
        }
        return order.compactMap { byID[$0] }
    }

    /// The annual total per `aggregate` and `partial_year`, or why the officer is not ranked.
    private func standing(_ officer: AnnualOfficerResult) -> AnnualOfficerResult {
        var officer = officer
        let count = officer.quarters.count
        guard let sum = officer.quarterSum else {
            let failed = officer.quarters.filter { $0.total == nil }.map(\.quarter.description)
            officer.exclusion = "\(failed.joined(separator: "、")) 的结果未能算出"
            return officer
        }
        let rounding = policy.scoring.rounding
        let average = (try? sum.dividing(by: ExactDecimal(count), scale: scorePlaces, rounding: rounding)) ?? sum
        let aggregate = rules.aggregate == .sum ? sum : average
        guard count < rules.quartersRequired else {
            officer.annualTotal = aggregate
            return officer
        }
        switch rules.partialYear {
        case .exclude:
            officer.exclusion = "不满\(chineseCount(rules.quartersRequired))个季度"
        case .include:
            officer.annualTotal = aggregate
        case .scale where rules.aggregate == .average:
            officer.annualTotal = average // an average is already a per-quarter figure
        case .scale:
            let scaled = (try? sum.multiplying(by: ExactDecimal(4)).dividing(by: ExactDecimal(count), scale: scorePlaces, rounding: rounding)) ?? sum
            officer.annualTotal = scaled
            officer.scaling = "\(sum.formatted(scale: scorePlaces)) × 4 ÷ \(count) = \(scaled.formatted(scale: scorePlaces))"
        }
        return officer
    }

    /// Per unit or per manager, in the order each first appears.
    private func groups(
        _ officers: [AnnualOfficerResult], by key: (Officer) -> (role: String?, name: String)
    ) -> [AnnualGroupTotal] {
        var order: [String] = []
        var totals: [String: AnnualGroupTotal] = [:]
        for officer in officers {
            let (role, name) = key(officer.officer)
            let id = (role ?? "") + "\u{0}" + name
            var group = totals[id] ?? {
                order.append(id)
                return AnnualGroupTotal(
                    role: role, key: name, officers: 0, ranked: GroupTotal(key: name, officers: 0, scoreSum: .zero, reward: .zero),
                    excellent: 0, quarterlyRewards: .zero, yearEndRewards: .zero)
            }()
            group.officers += 1
            if let total = officer.annualTotal {
                group.ranked.officers += 1
                group.ranked.scoreSum = sum([group.ranked.scoreSum, total])
            }
            if officer.excellent { group.excellent += 1 }
            group.quarterlyRewards = sum([group.quarterlyRewards, officer.quarterlyRewards])
            group.yearEndRewards = sum([group.yearEndRewards, officer.yearEndReward])
            group.ranked.reward = group.rewards
            totals[id] = group
        }
        return order.compactMap { totals[$0] }
    }

    /// Quarterly rewards per fund as each quarter charged them, plus the year-end reward; funds
    /// in the year-end version's order, then any only an earlier version declared.
    private func funds(_ quarters: [AnnualQuarter], officers: [AnnualOfficerResult]) -> [AnnualFundTotal] {
        var order = policy.funds.map(\.id)
        var totals: [String: AnnualFundTotal] = [:]
        for fund in policy.funds {
            totals[fund.id] = AnnualFundTotal(id: fund.id, name: fund.name, clause: fund.clause, quarterly: .zero, yearEnd: .zero)
        }
        for quarter in quarters {
            for (fund, amount) in quarter.result.byFund {
                if totals[fund.id] == nil {
                    order.append(fund.id)
                    totals[fund.id] = AnnualFundTotal(id: fund.id, name: fund.name, clause: fund.clause, quarterly: .zero, yearEnd: .zero)
                }
                let sofar = totals[fund.id]?.quarterly ?? .zero
                totals[fund.id]?.quarterly = sum([sofar, amount])
            }
        }
        if let reward = rules.reward {
            let paid = sum(officers.map(\.yearEndReward))
            totals[reward.fund]?.yearEnd = paid
        }
        return order.compactMap { totals[$0] }
    }
}

/// 一 to 四 for a count of quarters; other numbers as digits.
func chineseCount(_ count: Int) -> String {
    let words = ["零", "一", "二", "三", "四"]
    return words.indices.contains(count) ? words[count] : " \(count) "
}
