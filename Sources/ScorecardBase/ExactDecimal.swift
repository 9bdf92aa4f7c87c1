/// An exact base-10 number, `coefficient × 10^-scale`, for money (to the fen) and scores.
///
/// Binary floating point cannot hold 0.1 exactly, so a sum of rewards could drift by a fen;
/// this type never rounds unless asked to (`rounded`, `dividing`, or a product with more than
/// `maxScale` places). The coefficient is an `Int128`, so about 38 significant digits fit.
///
/// The written scale is kept (`3.50` prints as `3.50`), but `==`, `<` and hashing compare the
/// numeric value only, so `3.50 == 3.5` and both hash alike.
///
/// Arithmetic is offered only as throwing methods: the inputs come from users' files, and an
/// overflow must become a reported error, never a trap.
public struct ExactDecimal: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The largest scale kept: 28 places, far below a fen yet leaving 10 integer digits even
    /// at full scale. `10^38` still fits an `Int128`, which keeps alignment simple.
    public static let maxScale = 28

    /// Never `Int128.min`: the value range is symmetric so that negation cannot overflow.
    public let coefficient: Int128
    /// Digits after the decimal point, `0...maxScale`.
    ///
    /// An `Int`, not a byte, on purpose: with a `UInt8` here (17 bytes, alignment 16) Swift 6.3.1
    /// debug builds emit an aligned SSE move on a misaligned stack slot for `ExactDecimal?` and
    /// crash (seen in `QuarterReport.itemCell`). Revisit when the compiler is upgraded.
    public let scale: Int

    public static let zero = ExactDecimal(coefficient: 0, scale: 0)

    public init(_ integer: Int) {
        coefficient = Int128(integer)
        scale = 0
    }

    /// `coefficient × 10^-scale`. A scale outside `0...maxScale` or a coefficient of
    /// `Int128.min` is a programming error and traps; values from input go through `init?(_:)`
    /// or `init?(exactly:scale:)` instead.
    public init(coefficient: Int128, scale: Int) {
        precondition((0...ExactDecimal.maxScale).contains(scale), "ExactDecimal scale out of range")
        precondition(coefficient != .min, "ExactDecimal coefficient out of range")
        self.coefficient = coefficient
        self.scale = scale
    }

    /// Nil instead of a trap when the parts are out of range.
    public init?(exactly coefficient: Int128, scale: Int) {
        guard (0...ExactDecimal.maxScale).contains(scale), coefficient != .min else { return nil }
        self.coefficient = coefficient
        self.scale = scale
    }

    /// Builds from a sign and magnitude; nil when the magnitude does not fit.
    static func make(negative: Bool, magnitude: UInt128, scale: Int) -> ExactDecimal? {
        guard magnitude <= UInt128(Int128.max) else { return nil }
        let c = Int128(magnitude)
        return ExactDecimal(unchecked: negative ? -c : c, scale: scale)
    }

    init(unchecked coefficient: Int128, scale: Int) {
        self.coefficient = coefficient
        self.scale = scale
    }

    public var isZero: Bool { coefficient == 0 }
    public var isNegative: Bool { coefficient < 0 }
    public var negated: ExactDecimal { ExactDecimal(unchecked: -coefficient, scale: scale) }

    /// The same value with trailing fractional zeros stripped (`3.50` → `3.5`, `2.00` → `2`).
    public var normalized: ExactDecimal {
        var magnitude = coefficient.magnitude
        var scale = self.scale
        ExactDecimal.stripTrailingZeros(&magnitude, &scale)
        return ExactDecimal(unchecked: coefficient < 0 ? -Int128(magnitude) : Int128(magnitude), scale: scale)
    }

    /// Divides out powers of ten while the scale allows, in large steps first.
    static func stripTrailingZeros(_ magnitude: inout UInt128, _ scale: inout Int) {
        if magnitude == 0 { scale = 0; return }
        if magnitude <= UInt128(UInt64.max) {
            // Hardware 64-bit division is several times cheaper than the 128-bit routines.
            var small = UInt64(magnitude)
            while scale >= 8, small % 100_000_000 == 0 { small /= 100_000_000; scale -= 8 }
            while scale >= 1, small % 10 == 0 { small /= 10; scale -= 1 }
            magnitude = UInt128(small)
            return
        }
        var step = 16
        while step > 0 {
            let p = pow10(step)
            while scale >= step, magnitude % p == 0 {
                magnitude /= p
                scale -= step
            }
            step >>= 1
        }
    }

    public static func == (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        compare(lhs, rhs) == 0
    }

    public static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        compare(lhs, rhs) < 0
    }

    /// Hashes the normalized form so that values equal across scales hash alike.
    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.coefficient)
        hasher.combine(n.scale)
    }

    /// -1, 0 or 1 by numeric value, whatever the scales.
    static func compare(_ a: ExactDecimal, _ b: ExactDecimal) -> Int {
        if a.scale == b.scale { return a.coefficient < b.coefficient ? -1 : (a.coefficient == b.coefficient ? 0 : 1) }
        let signA = a.coefficient.signum(), signB = b.coefficient.signum()
        if signA != signB { return signA < signB ? -1 : 1 }
        if signA == 0 { return 0 }
        // Same sign: bring the smaller scale up. If that overflows, its magnitude is larger.
        if a.scale < b.scale {
            let (scaled, overflow) = a.coefficient.multipliedReportingOverflow(by: Int128(pow10(b.scale - a.scale)))
            if overflow { return Int(signA) }
            return scaled < b.coefficient ? -1 : (scaled == b.coefficient ? 0 : 1)
        } else {
            let (scaled, overflow) = b.coefficient.multipliedReportingOverflow(by: Int128(pow10(a.scale - b.scale)))
            if overflow { return -Int(signA) }
            return a.coefficient < scaled ? -1 : (a.coefficient == scaled ? 0 : 1)
        }
    }

    /// `10^n` for `n` in `0...38`.
    static func pow10(_ n: Int) -> UInt128 { powersOfTen[n] }

    /// Immutable table, computed once.
    static let powersOfTen: [UInt128] = {
        var table: [UInt128] = [1]
        for _ in 1...38 { table.append(table[table.count - 1] * 10) }
        return table
    }()
}
