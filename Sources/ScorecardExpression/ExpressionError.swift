import ScorecardBase

/// A problem found while compiling an expression: syntax, unknown name, wrong type or arity.
///
/// `offset` and `length` count Unicode scalars within the expression text, so the rule loader
/// can add the expression's own position in the YAML file and underline the right characters.
public struct ExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Stable identifier, e.g. `expr.name.unknown`.
    public var code: String
    /// Plain Simplified Chinese for the policy officer.
    public var message: String
    /// The name most likely meant, for the text at `offset`.
    public var suggestion: Diagnostic.Suggestion?
    /// What to do besides (or without) the suggestion.
    public var advice: String?
    public var offset: Int
    public var length: Int

    public init(code: ExpressionCode, message: String, hint: String? = nil, offset: Int, length: Int) {
        self.code = code.rawValue
        self.message = message
        self.advice = hint
        self.offset = offset
        self.length = max(1, length)
    }

    /// What to type instead, as shown: the suggestion's question, then the advice.
    public var hint: String? { Diagnostic.Suggestion.hint(suggestion, then: advice) }

    /// This error offering `replacement`, when there is one: instead of its hint, or with
    /// `keepingHint` ahead of it.
    func suggesting(_ replacement: String?, keepingHint: Bool = false) -> ExpressionError {
        guard let replacement else { return self }
        var offered = self
        offered.suggestion = Diagnostic.Suggestion(replacement)
        if !keepingHint { offered.advice = nil }
        return offered
    }

    public var description: String {
        "[\(code)] @\(offset)+\(length): \(message)" + (hint.map { "（\($0)）" } ?? "")
    }
}

/// A problem met while evaluating a checked expression against one record: division by zero,
/// overflow, or a value that was not recorded. Points at the offending subexpression.
public struct EvaluationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var code: String
    public var message: String
    public var offset: Int
    public var length: Int

    public init(code: ExpressionCode, message: String, offset: Int, length: Int) {
        self.code = code.rawValue
        self.message = message
        self.offset = offset
        self.length = max(1, length)
    }

    public var description: String { "[\(code)] @\(offset)+\(length): \(message)" }
}
