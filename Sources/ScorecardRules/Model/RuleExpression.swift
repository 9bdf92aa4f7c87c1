import ScorecardBase
import ScorecardExpression
import ScorecardYAML

/// A checked expression together with the YAML scalar it was written in, so that a failure
/// while evaluating it can still point at the column inside the rule file.
public struct RuleExpression: Sendable {
    public let checked: CheckedExpression
    private let node: YAMLNode

    init(checked: CheckedExpression, node: YAMLNode) {
        self.checked = checked
        self.node = node
    }

    public var source: String { checked.source }
    public var readNames: [String] { checked.readNames }
    public var readElementNames: [String] { checked.readElementNames }
    public var type: ValueType { checked.type }
    /// Where the expression starts in its rule file.
    public var location: SourceLocation { node.location(ofScalarOffset: 0, length: checked.source.unicodeScalars.count) }

    /// The place in the rule file of the part of the expression an evaluation error is about.
    public func location(of error: EvaluationError) -> SourceLocation {
        node.location(ofScalarOffset: error.offset, length: error.length)
    }

    @inline(__always)
    public func evaluate(_ slots: [Value]) throws(EvaluationError) -> Value {
        try checked.evaluate(slots)
    }
}
