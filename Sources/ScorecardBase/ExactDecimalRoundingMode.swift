/// How to drop digits. Raw values are the spellings rule files use (`round(x, 2, "half-even")`).
///
/// `halfUp` and `halfDown` are about ties measured away from zero: `halfUp` rounds -2.5 to -3,
/// the way Chinese finance rules ("四舍五入") are read.
public enum RoundingMode: String, Sendable, Hashable, CaseIterable {
    case halfUp = "half-up"
    case halfEven = "half-even"
    case halfDown = "half-down"
    /// Away from zero.
    case up
    /// Toward zero (truncation).
    case down
    /// Toward positive infinity.
    case ceiling
    /// Toward negative infinity.
    case floor
}

/// Where the dropped part of a magnitude lies relative to one unit of the kept last place.
enum DiscardedFraction {
    case zero, belowHalf, half, aboveHalf

    /// Classifies `remainder / divisor` (with `remainder < divisor`) without overflowing.
    init(remainder: UInt128, divisor: UInt128) {
        if remainder == 0 { self = .zero; return }
        let rest = divisor - remainder
        self = remainder < rest ? .belowHalf : (remainder == rest ? .half : .aboveHalf)
    }
}

extension RoundingMode {
    /// Whether the truncated magnitude `kept` must grow by one.
    func roundsAwayFromZero(kept: UInt128, discarded: DiscardedFraction, negative: Bool) -> Bool {
        if discarded == .zero { return false }
        switch self {
        case .down: return false
        case .up: return true
        case .ceiling: return !negative
        case .floor: return negative
        case .halfUp: return discarded != .belowHalf
        case .halfDown: return discarded == .aboveHalf
        case .halfEven: return discarded == .aboveHalf || (discarded == .half && kept & 1 == 1)
        }
    }
}
