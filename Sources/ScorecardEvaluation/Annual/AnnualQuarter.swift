import ScorecardBase
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// One quarter as the year-end assessment sees it: the results under the version of the rules
/// the quarter was evaluated with, and each officer's count of adopted suggestions (a
/// tie-breaker that the quarterly result does not keep).
public struct AnnualQuarter: Sendable {
    public var quarter: Quarter
    /// The version of the rules the quarter was evaluated under.
    public var policy: Policy
    public var result: QuarterResult
    /// Adopted suggestions per officer id; an officer not in it has none.
    public var adoptedSuggestions: [String: Int]

    public init(quarter: Quarter, policy: Policy, result: QuarterResult, adoptedSuggestions: [String: Int]) {
        self.quarter = quarter
        self.policy = policy
        self.result = result
        self.adoptedSuggestions = adoptedSuggestions
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
