import ScorecardBase
import ScorecardExpression

/// One line of the scorecard (考核标准): worth `points`, scored by an assessor or computed.
public struct Item: Sendable {
    public var id: String
    public var title: String
    public var points: ExactDecimal
    public var clause: String?
    /// The duty clause (2.1.x) or condition the item measures, when the rules name one.
    public var duty: String?
    public var scoring: Scoring
    public var location: SourceLocation
}

extension Item {
    /// Every record value and item score the item's rule reads (`score.i07` for a score),
    /// in the order written; names may repeat.
    public var readNames: [String] {
        var names: [String] = []
        if case .computed(let formula) = scoring.method { names += formula.readNames }
        if scoring.isAssessed { names.append(id) }
        for condition in scoring.conditions { names += condition.when.readNames + condition.score.readNames }
        return names
    }

    /// The ids of the items whose scores this item reads.
    /// Read from the expressions alone, not `readNames`: the assessed item's own field (its id,
    /// never `score.`-prefixed) would cost an array per item for nothing.
    public var scoreDependencies: [String] {
        var ids: [String] = []
        forEachExpression { expression in
            for name in expression.readNames where name.hasPrefix("score.") { ids.append(String(name.dropFirst(6))) }
        }
        return ids
    }

    /// Each expression of the item's rule, in the order written: the formula, then each
    /// condition's test and score. Handed out one by one, not as an array made per item.
    public func forEachExpression(_ body: (RuleExpression) -> Void) {
        if case .computed(let formula) = scoring.method { body(formula) }
        for condition in scoring.conditions {
            body(condition.when)
            body(condition.score)
        }
    }
}

public struct Scoring: Sendable {
    public enum Method: Sendable {
        /// The assessor's score, read from the record field named by the item id.
        case assessed
        /// A formula over the record.
        case computed(RuleExpression)
    }

    public var method: Method
    /// Checked in order before the method; the first that holds decides the score.
    public var conditions: [ScoreCondition]
    public var location: SourceLocation

    public var isAssessed: Bool {
        if case .assessed = method { return true }
        return false
    }
}

/// "0 if any violation": a condition that overrides the item's usual score.
public struct ScoreCondition: Sendable {
    public var when: RuleExpression
    public var score: RuleExpression
    public var reason: String?
    public var location: SourceLocation
}
