import ScorecardBase

/// A `Diagnostic` that can be thrown or carried in a `Result`.
///
/// `Diagnostic` itself is a plain value that is collected, not thrown; this wrapper exists only
/// because `Result` and typed `throws` need an `Error`.
public struct DiagnosticError: Error, Sendable, Hashable, CustomStringConvertible {
    public var diagnostic: Diagnostic

    public init(_ diagnostic: Diagnostic) {
        self.diagnostic = diagnostic
    }

    public var description: String { diagnostic.description }
}
