import ScorecardExpression

/// A field or list that one version reads and the other does not, and whether the quarter's
/// files hold it: what decides whether a proposed version can be evaluated on today's records.
public struct EvidenceNeed: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        /// A column of the records table (an assessed item's score or a declared field).
        case field
        /// An itemised list, a file of its own (`suggestions.csv`).
        case list
    }

    public enum Presence: Sendable, Hashable {
        /// The quarter's files have it.
        case present
        /// No column (or every cell left empty): the version reads its default for everyone.
        case defaulted(Value)
        /// Absent, with no default: for a field, the version cannot evaluate anyone.
        case missing
        /// An absent list: the version reads it as having no rows this quarter.
        case empty
    }

    public var kind: Kind
    public var id: String
    /// The Chinese label, when the rules give one.
    public var name: String?
    /// Set when the field is an assessed item's score.
    public var assessedItem: String?
    public var neededBy: ImpactSide
    public var presence: Presence

    public var displayName: String { name ?? id }
}
