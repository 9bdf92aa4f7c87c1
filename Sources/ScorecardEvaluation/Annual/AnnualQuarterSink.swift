import ScorecardBase
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// Keeps of a quarter only what the year-end assessment reads, packed (`AnnualQuarterTable`):
/// each officer's total and reward (not the twenty item results, nor the record), and the
/// adopted suggestions counted as the rows go by. A year of four large quarters then costs four
/// small tables, not four quarters.
public struct AnnualQuarterSink: QuarterSink, Sendable {
    public private(set) var table = AnnualQuarterTable()
    /// The list slots counted: those of the list the per-record reward pays for (the first such
    /// reward), or every list when no reward pays per record, as `AnnualQuarter` counts them.
    private let countedSlots: [Int]

    public init(policy: Policy) {
        countedSlots = AnnualQuarter.countedLists(policy).compactMap { policy.layout.slot(ofList: $0) }
    }

    public mutating func accept(_ result: OfficerResult, of record: OfficerRecord) {
        var count = 0
        for slot in countedSlots where slot < record.slots.count {
            if case .list(let rows) = record.slots[slot] { count += rows.count }
        }
        table.append(
            officer: result.officer, total: result.total, rewardTotal: result.rewardTotal, suggestions: count,
            failed: !result.failures.isEmpty)
    }

    /// A list-free quarter's plain rows come from the kernel (no `OfficerResult` made per
    /// officer); with a counted list the rows carry lists, which only the general way reads.
    public var takesPlainResults: Bool { countedSlots.isEmpty }

    public mutating func accept(_ result: borrowing PlainResult, of officer: Officer, kernel: QuarterKernel) {
        // The kernel declines a row it cannot finish, so a plain result never failed; its
        // figures are whole coefficients at the policy's places, as the summary reads them.
        table.append(
            officer: officer, total: ExactDecimal(coefficient: Int128(result.total), scale: kernel.scorePlaces),
            rewardTotal: ExactDecimal(coefficient: Int128(result.rewardTotal), scale: kernel.moneyPlaces), suggestions: 0, failed: false)
    }

    public mutating func restart() {
        table.removeAll()
    }

    public func part() -> AnnualQuarterSink? {
        var part = self
        part.restart()
        return part
    }

    public mutating func append(_ part: AnnualQuarterSink) {
        table.append(part.table)
    }
}
