/// The engine's version, in one place: `scorecard --version` prints it and every recorded
/// quarter stores it, so a record says which engine computed it.
public enum ScorecardVersion {
    public static let current = "0.1.0"
}
