extension ExactDecimal {
    /// Plain notation keeping the scale: `3.50`, `-0.05`, `100`. Never an exponent.
    public var description: String {
        ExactDecimal.render(magnitude: coefficient.magnitude, scale: scale, negative: coefficient < 0, places: scale)
    }

    /// Exactly `scale` places (`30` at 2 → `30.00`), rounding half-up when digits are dropped.
    public func formatted(scale places: Int) -> String {
        let target = max(0, min(places, ExactDecimal.maxScale))
        let value = rounded(scale: target, .halfUp)
        return ExactDecimal.render(
            magnitude: value.coefficient.magnitude, scale: value.scale, negative: value.coefficient < 0, places: target)
    }

    /// Digits of `magnitude × 10^-scale`, zero-padded on the right up to `places >= scale`.
    static func render(magnitude: UInt128, scale: Int, negative: Bool, places: Int) -> String {
        var digits = String(magnitude)
        if digits.count <= scale {
            digits = String(repeating: "0", count: scale - digits.count + 1) + digits
        }
        var text = negative && magnitude != 0 ? "-" : ""
        let integerCount = digits.count - scale
        text += digits.prefix(integerCount)
        if places > 0 {
            text += "."
            text += digits.dropFirst(integerCount)
            text += String(repeating: "0", count: places - scale)
        }
        return text
    }
}
