/// Exact arithmetic that reports overflow instead of trapping. No operators on purpose:
/// every call site must decide what an overflow means for the user.
extension ExactDecimal {
    public func adding(_ other: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        if scale == other.scale {
            let (sum, overflow) = coefficient.addingReportingOverflow(other.coefficient)
            guard !overflow, sum != .min else { throw .overflow }
            return ExactDecimal(unchecked: sum, scale: scale)
        }
        let (a, b, s) = try ExactDecimal.aligned(self, other)
        let (sum, overflow) = a.addingReportingOverflow(b)
        guard !overflow, sum != .min else { throw .overflow }
        return ExactDecimal(unchecked: sum, scale: s)
    }

    public func subtracting(_ other: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        try adding(other.negated)
    }

    /// Exact unless the product has more than `maxScale` places; then it is rounded half-even
    /// to `maxScale` places.
    public func multiplying(by other: ExactDecimal) throws(DecimalError) -> ExactDecimal {
        if let product = ExactDecimal.product(self, other) { return product }
        // Trailing zeros may be what overflowed (e.g. 2.000… × 10^30); retry without them.
        let a = normalized, b = other.normalized
        if a.scale != scale || b.scale != other.scale, let product = ExactDecimal.product(a, b) { return product }
        throw .overflow
    }

    private static func product(_ a: ExactDecimal, _ b: ExactDecimal) -> ExactDecimal? {
        let negative = (a.coefficient < 0) != (b.coefficient < 0)
        let (high, low) = a.coefficient.magnitude.multipliedFullWidth(by: b.coefficient.magnitude)
        let scale = a.scale + b.scale
        if scale <= maxScale {
            guard high == 0 else { return nil }
            return make(negative: negative, magnitude: low, scale: scale)
        }
        let divisor = pow10(scale - maxScale)
        guard high < divisor else { return nil }
        var (kept, remainder) = divisor.dividingFullWidth((high, low))
        let discarded = DiscardedFraction(remainder: remainder, divisor: divisor)
        if RoundingMode.halfEven.roundsAwayFromZero(kept: kept, discarded: discarded, negative: negative) {
            let (next, overflow) = kept.addingReportingOverflow(1)
            guard !overflow else { return nil }
            kept = next
        }
        return make(negative: negative, magnitude: kept, scale: maxScale)
    }

    /// The quotient rounded to `scale` places with `rounding`, then stripped of trailing zeros,
    /// so an exact quotient comes back exact and short (`15 / 4` → `3.75`).
    public func dividing(
        by other: ExactDecimal, scale: Int = 18, rounding: RoundingMode = .halfEven
    ) throws(DecimalError) -> ExactDecimal {
        guard other.coefficient != 0 else { throw .divisionByZero }
        if coefficient == 0 { return .zero }
        let target = max(0, min(scale, ExactDecimal.maxScale))
        let negative = (coefficient < 0) != (other.coefficient < 0)
        let dividend = coefficient.magnitude, divisor = other.coefficient.magnitude
        // Result coefficient = dividend × 10^shift / divisor.
        let shift = target + other.scale - self.scale
        var kept: UInt128
        let discarded: DiscardedFraction
        if shift >= 0 {
            var remainder: UInt128
            if shift <= 38, case let (scaled, false) = dividend.multipliedReportingOverflow(by: ExactDecimal.pow10(shift)) {
                if scaled <= UInt128(UInt64.max), divisor <= UInt128(UInt64.max) {
                    // Common case (scores, money): hardware 64-bit division.
                    let (q, r) = UInt64(scaled).quotientAndRemainder(dividingBy: UInt64(divisor))
                    (kept, remainder) = (UInt128(q), UInt128(r))
                } else {
                    (kept, remainder) = scaled.quotientAndRemainder(dividingBy: divisor)
                }
            } else {
                (kept, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
                var left = shift
                while left > 0 {
                    let step = min(left, 38)
                    let p = ExactDecimal.pow10(step)
                    let (shifted, overflow) = kept.multipliedReportingOverflow(by: p)
                    guard !overflow else { throw .overflow }
                    // remainder < divisor, so this partial quotient is below 10^step.
                    let (digits, rest) = divisor.dividingFullWidth(remainder.multipliedFullWidth(by: p))
                    let (sum, o2) = shifted.addingReportingOverflow(digits)
                    guard !o2 else { throw .overflow }
                    kept = sum
                    remainder = rest
                    left -= step
                }
            }
            discarded = DiscardedFraction(remainder: remainder, divisor: divisor)
        } else {
            // Too many places in the dividend: truncate, then drop `-shift` more digits,
            // remembering whether anything non-zero was already lost.
            let (whole, remainder) = dividend.quotientAndRemainder(dividingBy: divisor)
            let sticky = remainder != 0
            let drop = -shift
            if drop > 38 {
                kept = 0
                discarded = whole == 0 && !sticky ? .zero : .belowHalf
            } else {
                let p = ExactDecimal.pow10(drop)
                let (q, r) = whole.quotientAndRemainder(dividingBy: p)
                kept = q
                let exact = DiscardedFraction(remainder: r, divisor: p)
                switch exact {
                case .zero: discarded = sticky ? .belowHalf : .zero
                case .half: discarded = sticky ? .aboveHalf : .half
                default: discarded = exact
                }
            }
        }
        if rounding.roundsAwayFromZero(kept: kept, discarded: discarded, negative: negative) {
            let (next, overflow) = kept.addingReportingOverflow(1)
            guard !overflow else { throw .overflow }
            kept = next
        }
        var resultScale = target
        ExactDecimal.stripTrailingZeros(&kept, &resultScale)
        guard let result = ExactDecimal.make(negative: negative, magnitude: kept, scale: resultScale) else {
            throw .overflow
        }
        return result
    }

    /// Both coefficients at the larger scale.
    private static func aligned(
        _ a: ExactDecimal, _ b: ExactDecimal
    ) throws(DecimalError) -> (Int128, Int128, Int) {
        if a.scale < b.scale {
            let (scaled, overflow) = a.coefficient.multipliedReportingOverflow(by: Int128(pow10(b.scale - a.scale)))
            guard !overflow else { throw .overflow }
            return (scaled, b.coefficient, b.scale)
        }
        let (scaled, overflow) = b.coefficient.multipliedReportingOverflow(by: Int128(pow10(a.scale - b.scale)))
        guard !overflow else { throw .overflow }
        return (a.coefficient, scaled, a.scale)
    }
}
