import ScorecardBase

/// A decimal from a literal the test wrote; a literal that does not parse stops the test run,
/// since it is a mistake in the test, not in the engine.
public func dec(_ text: String) -> ExactDecimal {
    guard let value = ExactDecimal(text) else { fatalError("bad decimal literal in a test: \(text)") }
    return value
}
