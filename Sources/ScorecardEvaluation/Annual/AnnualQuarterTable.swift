import ScorecardBase
import ScorecardEvidence

/// A quarter's results as the year-end assessment reads them, packed: per officer the officer
/// (one reference), the total and the reward as 64-bit coefficients with their scale, the count
/// of adopted suggestions and whether the result failed. Forty bytes an officer instead of an
/// `OfficerResult` of a few hundred and a dictionary of counts by id, so that four quarters of a
/// million officers stay near the roster's size. A figure too wide for 64 bits is kept aside,
/// exactly.
public struct AnnualQuarterTable: Sendable {
    struct Entry: Sendable {
        var officer: Officer
        var total: Int64
        var reward: Int64
        var suggestions: UInt32
        /// The figures' scales; `absent` when there is none (a failed result), `wide` when the
        /// figure is in `wideFigures`.
        var totalScale: Int8
        var rewardScale: Int8
        var failed: Bool
    }

    static let absent: Int8 = -1
    static let wide: Int8 = -2

    private var entries: [Entry] = []
    /// Figures whose coefficient does not fit 64 bits, by entry and figure (0 total, 1 reward).
    private var wideFigures: [Int: ExactDecimal] = [:]

    public init() {}

    public var count: Int { entries.count }

    /// Adds an officer's result; `suggestions` is their count of adopted suggestions.
    public mutating func append(officer: Officer, total: ExactDecimal?, rewardTotal: ExactDecimal?, suggestions: Int, failed: Bool) {
        let index = entries.count
        let (totalCoefficient, totalScale) = pack(total, figure: 2 * index)
        let (rewardCoefficient, rewardScale) = pack(rewardTotal, figure: 2 * index + 1)
        entries.append(
            Entry(
                officer: officer, total: totalCoefficient, reward: rewardCoefficient,
                suggestions: UInt32(clamping: suggestions), totalScale: totalScale, rewardScale: rewardScale, failed: failed))
    }

    private mutating func pack(_ figure: ExactDecimal?, figure key: Int) -> (Int64, Int8) {
        guard let figure else { return (0, Self.absent) }
        if let narrow = Int64(exactly: figure.coefficient) { return (narrow, Int8(figure.scale)) }
        wideFigures[key] = figure
        return (0, Self.wide)
    }

    private func unpack(_ coefficient: Int64, scale: Int8, figure key: Int) -> ExactDecimal? {
        switch scale {
        case Self.absent: nil
        case Self.wide: wideFigures[key]
        default: ExactDecimal(exactly: Int128(coefficient), scale: Int(scale))
        }
    }

    public func officer(at index: Int) -> Officer { entries[index].officer }
    public func total(at index: Int) -> ExactDecimal? { unpack(entries[index].total, scale: entries[index].totalScale, figure: 2 * index) }
    public func rewardTotal(at index: Int) -> ExactDecimal? {
        unpack(entries[index].reward, scale: entries[index].rewardScale, figure: 2 * index + 1)
    }
    public func adoptedSuggestions(at index: Int) -> Int { Int(entries[index].suggestions) }
    /// Whether the officer's result for the quarter has failures.
    public func failed(at index: Int) -> Bool { entries[index].failed }

    /// Appends another part's table (parts of one quarter, in file order).
    public mutating func append(_ other: AnnualQuarterTable) {
        let shift = entries.count
        for (key, figure) in other.wideFigures { wideFigures[key + 2 * shift] = figure }
        entries += other.entries
    }

    public mutating func removeAll() {
        entries.removeAll()
        wideFigures.removeAll()
    }
}
