import ScorecardBase
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// One quarter as the year-end assessment sees it: each officer's total, reward and count of
/// adopted suggestions (a tie-breaker that the quarterly result does not keep), packed, under
/// the version of the rules the quarter was evaluated with, and the quarter's rewards per fund.
public struct AnnualQuarter: Sendable {
    public var quarter: Quarter
    /// The version of the rules the quarter was evaluated under.
    public var policy: Policy
    /// The officers' results, in the order of the record table.
    public var officers: AnnualQuarterTable
    /// In the order funds are declared.
    public var byFund: [(fund: Fund, amount: ExactDecimal)]

    public init(quarter: Quarter, policy: Policy, officers: AnnualQuarterTable, byFund: [(fund: Fund, amount: ExactDecimal)]) {
        self.quarter = quarter
        self.policy = policy
        self.officers = officers
        self.byFund = byFund
    }

    /// From a quarter's collected results and each officer's count of adopted suggestions by id
    /// (an officer not in it has none).
    public init(quarter: Quarter, policy: Policy, result: QuarterResult, adoptedSuggestions: [String: Int]) {
        var table = AnnualQuarterTable()
        for officer in result.officers {
            table.append(
                officer: officer.officer, total: officer.total, rewardTotal: officer.rewardTotal,
                suggestions: adoptedSuggestions[officer.officer.id] ?? 0, failed: !officer.failures.isEmpty)
        }
        self.init(quarter: quarter, policy: policy, officers: table, byFund: result.byFund)
    }

    /// Counts the suggestions from the evidence: the rows of the list the per-record reward
    /// pays for (the first such reward), or of every list when no reward pays per record.
    public init(policy: Policy, evidence: QuarterEvidence, result: QuarterResult) {
        let slots = Self.countedLists(policy).compactMap { policy.layout.slot(ofList: $0) }
        var counts: [String: Int] = [:]
        for record in evidence.records {
            for slot in slots where slot < record.slots.count {
                if case .list(let rows) = record.slots[slot] { counts[record.officer.id, default: 0] += rows.count }
            }
        }
        self.init(quarter: evidence.quarter, policy: policy, result: result, adoptedSuggestions: counts)
    }

    /// The lists whose rows count as adopted suggestions: the one the per-record reward pays
    /// for (the first such reward), or every list when no reward pays per record.
    static func countedLists(_ policy: Policy) -> [String] {
        let paidLists = policy.rewards.compactMap { rule -> String? in
            if case .perRecord(let list, _, _) = rule.basis { return list }
            return nil
        }
        return paidLists.first.map { [$0] } ?? policy.layout.listIDs
    }
}
