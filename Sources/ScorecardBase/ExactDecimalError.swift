/// Why an `ExactDecimal` operation has no result. Thrown rather than trapped because operands
/// come from users' files.
public enum DecimalError: Error, Hashable, Sendable {
    /// The exact result needs more than about 38 significant digits.
    case overflow
    case divisionByZero
}
