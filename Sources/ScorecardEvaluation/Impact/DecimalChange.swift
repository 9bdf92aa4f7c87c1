import ScorecardBase

/// A figure under the old and the new version and the difference, new − old, worked out once
/// and exactly so that every format prints the same delta.
public struct DecimalChange: Sendable, Hashable {
    public var old: ExactDecimal
    public var new: ExactDecimal
    public var delta: ExactDecimal

    public init(old: ExactDecimal, new: ExactDecimal) throws(DecimalError) {
        self.old = old
        self.new = new
        self.delta = try new.subtracting(old)
    }

    public var changed: Bool { !delta.isZero }
    /// |new − old|, for ordering changes by size whatever their sign.
    public var size: ExactDecimal { delta.isNegative ? delta.negated : delta }
}
