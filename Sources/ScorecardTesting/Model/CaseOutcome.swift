import ScorecardBase

/// Where a value came from in the rules: how it was worked out, the places of the rule parts
/// that produced it, and the clause behind them — the line `explain` gives for it.
public struct RuleTrace: Sendable, Hashable {
    public struct Place: Sendable, Hashable {
        /// What is written there, e.g. `矿 30`; nil when the place speaks for itself.
        public var label: String?
        public var location: SourceLocation

        public init(_ location: SourceLocation, _ label: String? = nil) {
            self.label = label
            self.location = location
        }
    }

    public var explanation: String
    public var places: [Place]
    public var clause: String?

    public init(_ explanation: String, places: [Place] = [], clause: String? = nil) {
        self.explanation = explanation
        self.places = places
        self.clause = clause
    }
}

/// One expectation after its case ran: what was expected, what came out, and where it came from.
public struct ExpectationOutcome: Sendable {
    public var expectation: Expectation
    /// Whose figure: `联系员 10533 石磊`, `候选人 C01 张三`, or `本用例`.
    public var subject: String
    /// Which figure: `项目 i07 的得分`.
    public var what: String
    public var expected: String
    /// nil when there is no such value (the officer has no result, the item could not be scored).
    public var actual: String?
    public var passed: Bool
    public var trace: RuleTrace?
    /// Set when the expectation names something the rules or the case do not have; it is then
    /// an error in the test, neither passed nor failed.
    public var error: Diagnostic?
}

/// One case after it ran.
public struct CaseOutcome: Sendable {
    public enum Status: String, Sendable, Hashable {
        case passed, failed, skipped
        /// The case could not run as written (no such version, an unknown name): an error in
        /// the test file, not a result.
        case error
    }

    public var testCase: TestCase
    public var status: Status
    /// The version the case ran under (for a year: the year-end version).
    public var version: String?
    /// The quarter, or the year, as words: `2025-Q4`, `2025 年`.
    public var period: String?
    public var expectations: [ExpectationOutcome]
    /// Problems no expectation accounts for: errors in the inline evidence, results that could
    /// not be computed. Any of them fails the case.
    public var unexpected: [Diagnostic]
    /// Why the case could not run, or names it uses that its rules do not have.
    public var errors: [Diagnostic]
    /// The rule parts the case exercised, per version (see `Coverage`).
    public var covered: [String: Set<String>]

    public var failedExpectations: [ExpectationOutcome] { expectations.filter { !$0.passed && $0.error == nil } }
}
