import ScorecardBase

/// Where a value came from in the rules: how it was worked out, the places of the rule parts
/// that produced it, and the clause behind them — the line `explain` gives for it.
package struct RuleTrace: Sendable, Hashable {
    package struct Place: Sendable, Hashable {
        /// What is written there, e.g. `矿 30`; nil when the place speaks for itself.
        package var label: String?
        package var location: SourceLocation

        package init(_ location: SourceLocation, _ label: String? = nil) {
            self.label = label
            self.location = location
        }
    }

    package var explanation: String
    package var places: [Place]
    package var clause: String?

    package init(_ explanation: String, places: [Place] = [], clause: String? = nil) {
        self.explanation = explanation
        self.places = places
        self.clause = clause
    }
}

/// One expectation after its case ran: what was expected, what came out, and where it came from.
package struct ExpectationOutcome: Sendable {
    package var expectation: Expectation
    /// Whose figure: `联系员 10533 石磊`, `候选人 C01 张三`, or `本用例`.
    package var subject: String
    /// Which figure: `项目 i07 的得分`.
    package var what: String
    package var expected: String
    /// nil when there is no such value (the officer has no result, the item could not be scored).
    package var actual: String?
    package var passed: Bool
    package var trace: RuleTrace?
    /// Set when the expectation names something the rules or the case do not have; it is then
    /// an error in the test, neither passed nor failed.
    package var error: Diagnostic?
}

/// One case after it ran.
package struct CaseOutcome: Sendable {
    package enum Status: String, Sendable, Hashable {
        case passed, failed, skipped
        /// The case could not run as written (no such version, an unknown name): an error in
        /// the test file, not a result.
        case error
    }

    package var testCase: TestCase
    package var status: Status
    /// The version the case ran under (for a year: the year-end version).
    package var version: String?
    /// The quarter, or the year, as words: `2025-Q4`, `2025 年`.
    package var period: String?
    package var expectations: [ExpectationOutcome]
    /// Problems no expectation accounts for: errors in the inline evidence, results that could
    /// not be computed. Any of them fails the case.
    package var unexpected: [Diagnostic]
    /// Why the case could not run, or names it uses that its rules do not have.
    package var errors: [Diagnostic]
    /// The rule parts the case exercised, per version (see `Coverage`).
    package var covered: [String: Set<String>]

    package var failedExpectations: [ExpectationOutcome] { expectations.filter { !$0.passed && $0.error == nil } }
}
