import ScorecardBase
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// Keeps of a quarter only what the year-end assessment reads: each officer's total and reward
/// (not the twenty item results, nor the record), and the adopted suggestions counted as the
/// rows go by. A year of four large quarters then costs four slim lists, not four quarters.
public struct AnnualQuarterSink: QuarterSink, Sendable {
    public private(set) var results: [OfficerResult] = []
    /// Adopted suggestions per officer id; an officer not in it has none.
    public private(set) var adoptedSuggestions: [String: Int] = [:]
    /// The list slots counted: those of the list the per-record reward pays for (the first such
    /// reward), or every list when no reward pays per record, as `AnnualQuarter` counts them.
    private let countedSlots: [Int]

    public init(policy: Policy) {
        countedSlots = AnnualQuarter.countedLists(policy).compactMap { policy.layout.slot(ofList: $0) }
    }

    public mutating func accept(_ result: OfficerResult, of record: OfficerRecord) {
        results.append(OfficerResult(
            officer: result.officer, items: [], total: result.total, grade: result.grade, rewards: [],
            rewardTotal: result.rewardTotal, findings: [], failures: result.failures, recordLocation: result.recordLocation))
        var count = 0
        for slot in countedSlots where slot < record.slots.count {
            if case .list(let rows) = record.slots[slot] { count += rows.count }
        }
        if count > 0 { adoptedSuggestions[result.officer.id, default: 0] += count }
    }

    public mutating func restart() {
        results.removeAll()
        adoptedSuggestions.removeAll()
    }

    public func part() -> AnnualQuarterSink? {
        var part = self
        part.restart()
        return part
    }

    public mutating func append(_ part: AnnualQuarterSink) {
        results += part.results
        adoptedSuggestions.merge(part.adoptedSuggestions, uniquingKeysWith: +)
    }
}
