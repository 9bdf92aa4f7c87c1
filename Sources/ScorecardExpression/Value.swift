import ScorecardBase

/// One value in a record slot or an expression result. Integers and decimals are both
/// `.number`; the checker's `ValueType` keeps them apart.
public enum Value: Hashable, Sendable {
    case number(ExactDecimal)
    case string(String)
    case boolean(Bool)
    case date(LocalDate)
    /// Elements, each the values of its `RecordType.fields` in order.
    case list([[Value]])
    /// Nothing was recorded. Reading it is an evaluation error, never a silent zero.
    case missing
}
