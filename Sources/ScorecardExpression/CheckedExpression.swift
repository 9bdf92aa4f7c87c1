import ScorecardBase

/// An expression that has passed the checker: every name resolved to a slot, every type known.
/// Evaluating it cannot loop, has no side effects and reads only the slots given.
public struct CheckedExpression: Sendable {
    public let source: String
    public let type: ValueType
    /// Outer-environment names read (list element fields excluded), sorted and unique;
    /// for "explain" output.
    public let readNames: [String]
    /// Fields of list elements read, by name, sorted and unique: what of a list's rows must be
    /// kept for the expression (`count(建议, level == "矿")` reads `level`, not the rest).
    public let readElementNames: [String]
    /// Same for `(a+b)*c` and `( a + b ) * c`; redundant parentheses removed.
    public let canonicalForm: String
    let code: Compiled

    init(source: String, type: ValueType, readNames: [String], readElementNames: [String], code: Compiled, canonicalForm: String) {
        self.source = source
        self.type = type
        self.readNames = readNames
        self.readElementNames = readElementNames
        self.code = code
        self.canonicalForm = canonicalForm
    }

    /// Evaluates against one record's slots (indexed as declared in the environment).
    public func evaluate(_ slots: [Value]) throws(EvaluationError) -> Value {
        var frame = Frame(slots: slots)
        return try code.run(&frame)
    }

    /// The numeric result without wrapping, for hot loops; nil if the type is not a number.
    public func evaluateNumber(_ slots: [Value]) throws(EvaluationError) -> ExactDecimal? {
        guard case .number(let run) = code else { return nil }
        var frame = Frame(slots: slots)
        return try run(&frame)
    }

    /// The boolean result without wrapping; nil if the type is not boolean.
    public func evaluateBoolean(_ slots: [Value]) throws(EvaluationError) -> Bool? {
        guard case .boolean(let run) = code else { return nil }
        var frame = Frame(slots: slots)
        return try run(&frame)
    }
}
