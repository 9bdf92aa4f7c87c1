extension ExactDecimal {
    /// This value with at most `scale` places. Never adds places: when `scale >= self.scale`
    /// the value is returned unchanged (pad for display with `formatted(scale:)`). A negative
    /// `scale` counts as 0. Cannot overflow, since dropping digits only shrinks the magnitude.
    public func rounded(scale: Int, _ mode: RoundingMode = .halfUp) -> ExactDecimal {
        let target = max(0, scale)
        guard target < self.scale else { return self }
        let divisor = ExactDecimal.pow10(self.scale - target)
        let magnitude = coefficient.magnitude
        var kept = magnitude / divisor
        let discarded = DiscardedFraction(remainder: magnitude % divisor, divisor: divisor)
        if mode.roundsAwayFromZero(kept: kept, discarded: discarded, negative: coefficient < 0) { kept += 1 }
        let c = Int128(kept)
        return ExactDecimal(unchecked: coefficient < 0 ? -c : c, scale: target)
    }
}
