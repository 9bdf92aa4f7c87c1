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
    public static func missingRules(_ policy: Policy) -> Diagnostic { EvaluationMessages.annualNoRules(policy) }

    private var scorePlaces: Int { policy.scoring.precision }
    private var ranking: AnnualRanking {
        AnnualRanking(tieBreakers: rules.tieBreakers, scorePlaces: scorePlaces, moneyPlaces: policy.money.precision)
    }

    public func evaluate(year: Int, quarters given: [AnnualQuarter]) -> AnnualResult {
        let quarters = given.filter { $0.quarter.year == year }.sorted { $0.quarter < $1.quarter }
        // Sums past what an exact decimal holds: each reported, never a guessed figure.
        var sink = DiagnosticSink()
        // One array of results, reordered and marked in place: a million officers' results are
        // not copied from one step to the next. `rosterPosition` remembers where each stood.
        var officers = self.officers(in: quarters, year: year, sink: &sink)
        for index in officers.indices { standing(&officers[index], sink: &sink) }
        // The ranked first, the others after them, each in roster order.
        var rosterPosition = officers.indices.filter { officers[$0].annualTotal != nil }
        let rankedCount = rosterPosition.count
        rosterPosition += officers.indices.filter { officers[$0].annualTotal == nil }
        officers.permute(by: rosterPosition)
        let rankOrder = ranking.rank(&officers, count: rankedCount, on: \.annualTotal, figureName: "年度成绩")
        rosterPosition.replaceSubrange(0..<rankedCount, with: rankOrder.map { rosterPosition[$0] })
        let selection = ExcellentSelection(rule: rules.excellent, scorePlaces: scorePlaces)
        let limit = selection.limit(ranked: rankedCount, sink: &sink)
        var notes = selection.apply(to: &officers, count: rankedCount, cap: limit)
        if let yearEndReward = rules.reward.map({ $0.amount.rounded(scale: policy.money.precision, policy.money.rounding) }) {
            for index in 0..<rankedCount where officers[index].excellent { officers[index].yearEndReward = yearEndReward }
        }
        let missing = (1...4).compactMap { Quarter(year: year, number: $0) }.filter { q in !quarters.contains { $0.quarter == q } }
        if !missing.isEmpty {
            notes.insert("\(year) 年缺少 \(missing.map(\.description).joined(separator: "、")) 的记录，年度结果是暂定的", at: 0)
        }
        // Groups follow the roster (first appearance), not the ranking.
        var inRosterOrder = [Int](repeating: 0, count: officers.count)
        for (index, position) in rosterPosition.enumerated() { inRosterOrder[position] = index }
        var result = AnnualResult(
            year: year, quarters: quarters.map { ($0.quarter, $0.policy.metadata.version) },
            annualVersion: policy.metadata.version, rules: rules, officers: officers, rankedCount: rankedCount,
            excellentLimit: limit,
            byUnit: groups(officers, in: inRosterOrder, sink: &sink) { (nil, $0.unit) },
            byManager: groups(officers, in: inRosterOrder, sink: &sink) { ($0.reportsTo.role, $0.reportsTo.name) },
            byFund: funds(quarters, officers: officers, sink: &sink), notes: notes)
        checkTotals(of: result, sink: &sink)
        result.failures = sink.take()
        return result
    }

    /// The sums the report shows but does not keep (an officer's quarterly and year-end
    /// rewards together, a group's and a fund's, the year's): each must be computable, or the
    /// year is not published (`AnnualResult.failures`).
    private func checkTotals(of result: AnnualResult, sink: inout DiagnosticSink) {
        for index in result.officers.indices where result.officers[index].rewardTotal == nil {
            let officer = result.officers[index].officer
            sink.append(overflow(.officerRewards(officer, year: result.year), at: officer.location))
        }
        for group in result.byUnit + result.byManager where group.rewards == nil {
            sink.append(overflow(.groupRewards(group.key, year: result.year), at: nil))
        }
        var quarterly = ExactDecimal.zero
        var yearEnd = ExactDecimal.zero
        for fund in result.byFund {
            guard fund.total != nil else {
                sink.append(overflow(.fundTotal(fund.name, year: result.year), at: nil))
                continue
            }
            add(fund.quarterly, to: &quarterly, what: .quarterlyRewards(year: result.year), sink: &sink)
            add(fund.yearEnd, to: &yearEnd, what: .yearEndRewards(year: result.year), sink: &sink)
        }
        var total = quarterly
        add(yearEnd, to: &total, what: .rewards(year: result.year), sink: &sink)
    }

    private func overflow(_ sum: EvaluationMessages.YearSum, at location: SourceLocation?) -> Diagnostic {
        EvaluationMessages.overflow(sum, at: location)
    }

    /// Adds to a running sum; an overflow is reported (once per sum) and leaves the sum as it was.
    /// `what` is worded only then, not for every officer of a sound year.
    private func add(
        _ value: ExactDecimal, to sum: inout ExactDecimal, what: @autoclosure () -> EvaluationMessages.YearSum, sink: inout DiagnosticSink
    ) {
        do {
            sum = try sum.adding(value)
        } catch {
            let problem = overflow(what(), at: nil)
            if !sink.diagnostics.contains(problem) { sink.append(problem) }
        }
    }

    /// Everyone with a record in any quarter, in the order they first appear, as recorded in
    /// the latest quarter they appear in.
    private func officers(in quarters: [AnnualQuarter], year: Int, sink: inout DiagnosticSink) -> [AnnualOfficerResult] {
        var everyone: [AnnualOfficerResult] = []
        var positions: [String: Int] = [:]
        // Nearly everyone is in every quarter: room for the largest quarter's officers at once.
        let largest = quarters.map(\.officers.count).max() ?? 0
        everyone.reserveCapacity(largest)
        positions.reserveCapacity(largest)
        for quarter in quarters {
            let table = quarter.officers
            let version = quarter.policy.metadata.version
            for entry in 0..<table.count {
                let officer = table.officer(at: entry)
                let id = officer.id
                let position: Int
                if let known = positions[id] {
                    position = known
                } else {
                    position = everyone.count
                    positions[id] = position
                    var lines: [AnnualOfficerResult.QuarterLine] = []
                    lines.reserveCapacity(quarters.count)
                    everyone.append(
                        AnnualOfficerResult(
                            officer: officer, quarters: lines, quarterSum: .zero, excellent: false,
                            yearEndReward: .zero, quarterlyRewards: .zero, adoptedSuggestions: 0))
                }
                let total = table.total(at: entry)
                let rewardTotal = table.rewardTotal(at: entry)
                // Changed in place in the array: a copy out and back would copy its quarters.
                everyone[position].officer = officer
                everyone[position].quarters.append(
                    .init(quarter: quarter.quarter, version: version, total: total, rewardTotal: rewardTotal))
                if let total, let sofar = everyone[position].quarterSum {
                    do {
                        everyone[position].quarterSum = try sofar.adding(total)
                    } catch {
                        everyone[position].quarterSum = nil
                        sink.append(overflow(.officerQuarterScores(officer, year: year), at: officer.location))
                    }
                } else {
                    everyone[position].quarterSum = nil
                }
                add(
                    rewardTotal ?? .zero, to: &everyone[position].quarterlyRewards,
                    what: .officerQuarterlyRewards(officer, year: year), sink: &sink)
                everyone[position].adoptedSuggestions += table.adoptedSuggestions(at: entry)
            }
        }
        return everyone
    }

    /// The annual total per `aggregate` and `partial_year`, or why the officer is not ranked.
    private func standing(_ officer: inout AnnualOfficerResult, sink: inout DiagnosticSink) {
        let count = officer.quarters.count
        guard let sum = officer.quarterSum else {
            let failed = officer.quarters.filter { $0.total == nil }.map(\.quarter.description)
            officer.exclusion = failed.isEmpty ? "各季度成绩之和超出可计算的范围" : "\(failed.joined(separator: "、")) 的结果未能算出"
            return
        }
        let rounding = policy.scoring.rounding
        // The average only when the rules read it: its overflow is then a reported failure.
        var average = sum
        if rules.aggregate == .average {
            do {
                average = try sum.dividing(by: ExactDecimal(count), scale: scorePlaces, rounding: rounding)
            } catch {
                sink.append(overflow(.officerAverage(officer.officer), at: rules.location))
                officer.exclusion = "年度成绩超出可计算的范围"
                return
            }
        }
        let aggregate = rules.aggregate == .sum ? sum : average
        guard count < rules.quartersRequired else {
            officer.annualTotal = aggregate
            return
        }
        switch rules.partialYear {
        case .exclude:
            officer.exclusion = "不满\(chineseCount(rules.quartersRequired))个季度"
        case .include:
            officer.annualTotal = aggregate
        case .scale where rules.aggregate == .average:
            officer.annualTotal = average // an average is already a per-quarter figure
        case .scale:
            let scaled: ExactDecimal
            do {
                scaled = try sum.multiplying(by: ExactDecimal(4)).dividing(by: ExactDecimal(count), scale: scorePlaces, rounding: rounding)
            } catch {
                sink.append(overflow(.officerScaled(officer.officer), at: rules.location))
                officer.exclusion = "年度成绩超出可计算的范围"
                return
            }
            officer.annualTotal = scaled
            officer.scaling = "\(sum.formatted(scale: scorePlaces)) × 4 ÷ \(count) = \(scaled.formatted(scale: scorePlaces))"
        }
    }

    /// A group's key: a manager's role and name, or a unit's name (no role).
    private struct GroupKey: Hashable {
        var role: String?
        var name: String
    }

    /// Per unit or per manager, in the order each first appears as `officers` are taken in `order`.
    private func groups(
        _ officers: [AnnualOfficerResult], in order: [Int], sink: inout DiagnosticSink, by key: (Officer) -> (role: String?, name: String)
    ) -> [AnnualGroupTotal] {
        var groups: [AnnualGroupTotal] = []
        var positions: [GroupKey: Int] = [:]
        for index in order {
            let (role, name) = key(officers[index].officer)
            let position: Int
            if let known = positions[GroupKey(role: role, name: name)] {
                position = known
            } else {
                position = groups.count
                positions[GroupKey(role: role, name: name)] = position
                groups.append(
                    AnnualGroupTotal(
                        role: role, key: name, officers: 0, ranked: GroupTotal(key: name, officers: 0, scoreSum: .zero, reward: .zero),
                        excellent: 0, quarterlyRewards: .zero, yearEndRewards: .zero))
            }
            // Changed in place: a group is not copied out and back for every officer.
            groups[position].officers += 1
            if let total = officers[index].annualTotal {
                groups[position].ranked.officers += 1
                add(total, to: &groups[position].ranked.scoreSum, what: .groupScores(name), sink: &sink)
            }
            if officers[index].excellent { groups[position].excellent += 1 }
            add(officers[index].quarterlyRewards, to: &groups[position].quarterlyRewards, what: .groupQuarterlyRewards(name), sink: &sink)
            add(officers[index].yearEndReward, to: &groups[position].yearEndRewards, what: .groupYearEndRewards(name), sink: &sink)
            // An overflow of this sum is reported once, by `checkTotals`; `rewards` is then nil.
            if let rewards = groups[position].rewards { groups[position].ranked.reward = rewards }
        }
        return groups
    }

    /// Quarterly rewards per fund as each quarter charged them, plus the year-end reward; funds
    /// in the year-end version's order, then any only an earlier version declared.
    private func funds(_ quarters: [AnnualQuarter], officers: [AnnualOfficerResult], sink: inout DiagnosticSink) -> [AnnualFundTotal] {
        var order = policy.funds.map(\.id)
        var totals: [String: AnnualFundTotal] = [:]
        for fund in policy.funds {
            totals[fund.id] = AnnualFundTotal(id: fund.id, name: fund.name, clause: fund.clause, quarterly: .zero, yearEnd: .zero)
        }
        for quarter in quarters {
            for (fund, amount) in quarter.byFund {
                if totals[fund.id] == nil {
                    order.append(fund.id)
                    totals[fund.id] = AnnualFundTotal(id: fund.id, name: fund.name, clause: fund.clause, quarterly: .zero, yearEnd: .zero)
                }
                var sofar = totals[fund.id]?.quarterly ?? .zero
                add(amount, to: &sofar, what: .fundQuarterlyRewards(fund.name), sink: &sink)
                totals[fund.id]?.quarterly = sofar
            }
        }
        if let reward = rules.reward {
            var paid = ExactDecimal.zero
            for index in officers.indices {
                add(officers[index].yearEndReward, to: &paid, what: .yearEndRewardTotal(reward.title), sink: &sink)
            }
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
