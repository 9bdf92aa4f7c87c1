/// Whether a quarter's results may be written out and recorded, and if not, why: decided in
/// one place (`QuarterOutcome.publication`), for every command.
public enum Publication: Sendable, Hashable {
    /// Sound evidence and every officer's result computed: may be written and recorded as final.
    case final
    /// Written, but not final: some officers have no result, because it could not be computed
    /// (`failedOfficers`) or because their evidence has problems and the run was partial
    /// (`excludedOfficers`).
    case incomplete(failedOfficers: Int, excludedOfficers: Int)
    /// Nothing may be written: the evidence has errors and the run was not partial.
    case withheld(evidenceErrors: Int)

    /// Whether results may be written at all.
    public var mayWrite: Bool {
        if case .withheld = self { return false }
        return true
    }

    /// Whether the results may be recorded as the quarter's final ones.
    public var mayRecord: Bool { self == .final }
}
