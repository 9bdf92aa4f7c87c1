import ScorecardRules

/// The money charged to one fund under each version, among the officers compared.
public struct FundChange: Sendable {
    /// The new version's declaration when it has the fund, otherwise the old one's.
    public var fund: Fund
    /// Whether each version declares the fund: one that only one version has is zero in the other.
    public var inOld: Bool
    public var inNew: Bool
    public var amount: DecimalChange
}
