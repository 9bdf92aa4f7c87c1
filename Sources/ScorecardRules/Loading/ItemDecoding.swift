import ScorecardBase
import ScorecardExpression
import ScorecardYAML

/// An item read for its shape, before its expressions are compiled (they may read other
/// items' scores, so every item id must be known first).
struct ItemDraft {
    var id: String
    var title: String
    var points: ExactDecimal
    var clause: String?
    var duty: String?
    var isAssessed: Bool
    var formula: YAMLNode?
    var conditions: [(when: YAMLNode, score: YAMLNode, reason: String?, location: SourceLocation)]
    var scoringLocation: SourceLocation
    var location: SourceLocation
    /// The id's scalar: its underlined place is worked out only for a message about the id.
    var idNode: YAMLNode
    var idLocation: SourceLocation { valueLocation(idNode) }
}

enum ItemDecoding {
    enum MethodWord: String, CaseIterable { case assessed, computed }

    static func draft(_ node: YAMLNode, index: Int, keys: inout KeyPlaces, sink: inout DiagnosticSink) -> ItemDraft? {
        guard
            let reader = MappingReader(
                node, context: "第 \(index + 1) 个考核项目", allowed: ["id", "title", "points", "clause", "duty", "scoring"], sink: &sink)
        else { return nil }
        let idNode = reader.required("id", sink: &sink, hint: RulesMessages.KeyHint.itemID)
        let id = idNode.flatMap { ScalarReading.identifier($0, "项目编号（id）", sink: &sink) }
        // Worded only for a message (most items have none).
        func label() -> String { id.map { "项目 \($0)" } ?? "第 \(index + 1) 个考核项目" }
        let title = reader.required("title", sink: &sink, hint: RulesMessages.KeyHint.itemTitle) {
            ScalarReading.text($0, "\(label()) 的标题（title）", sink: &$1)
        }
        let points = reader.required("points", sink: &sink, hint: RulesMessages.KeyHint.itemPoints) {
            ScalarReading.decimal($0, "\(label()) 的分值（points）", sink: &$1)
        }
        if let points, points.isNegative || points.isZero {
            sink.append(RulesMessages.badPoints(label(), points, at: reader.location(ofKey: "points")))
        }
        let clause = ScalarReading.clause(reader, sink: &sink)
        let duty = reader.optional("duty") { ScalarReading.text($0, "\(label()) 的职责条款（duty）", sink: &sink) }
        if clause == nil {
            sink.append(RulesMessages.missingClause(label(), at: node.location))
        }

        var isAssessed = true
        var formula: YAMLNode?
        var conditions: [(when: YAMLNode, score: YAMLNode, reason: String?, location: SourceLocation)] = []
        let scoringNode = reader.required("scoring", sink: &sink, hint: RulesMessages.KeyHint.itemScoring)
        if let scoringNode {
            if case .scalar = scoringNode.content {
                isAssessed = ScalarReading.keyword(scoringNode, "\(label()) 的计分方式（scoring）", as: MethodWord.self, sink: &sink) != .computed
                if !isAssessed {
                    sink.append(RulesMessages.computedWithoutFormula(label(), at: scoringNode.location))
                }
            } else if let scoring = MappingReader(
                scoringNode, context: "\(label()) 的计分方式（scoring）", allowed: ["method", "formula", "conditions"], sink: &sink)
            {
                if let id { scoring.recordKeys(under: "items[\(id)].scoring", in: &keys) }
                let method = scoring.required("method", sink: &sink, hint: RulesMessages.KeyHint.scoringMethod)
                    .flatMap { ScalarReading.keyword($0, "\(label()) 的计分方式（method）", as: MethodWord.self, sink: &sink) }
                isAssessed = method != .computed
                formula = scoring.optional("formula")
                if method == .computed, formula == nil {
                    _ = scoring.required("formula", sink: &sink, hint: RulesMessages.KeyHint.scoringFormula)
                }
                if method == .assessed, formula != nil {
                    sink.append(RulesMessages.formulaOnAssessed(label(), at: scoring.location(ofKey: "formula")))
                    formula = nil
                }
                if let list = scoring.optional("conditions") {
                    if let nodes = list.sequence {
                        for (i, conditionNode) in nodes.enumerated() {
                            guard
                                let c = MappingReader(
                                    conditionNode, context: "\(label()) 的第 \(i + 1) 个条件", allowed: ["when", "score", "reason"], sink: &sink)
                            else { continue }
                            let when = c.required("when", sink: &sink, hint: RulesMessages.KeyHint.caseCondition)
                            let score = c.required("score", sink: &sink, hint: RulesMessages.KeyHint.caseScore)
                            let reason = c.optional("reason").flatMap { ScalarReading.text($0, "条件的理由（reason）", sink: &sink) }
                            if let when, let score { conditions.append((when, score, reason, conditionNode.location)) }
                        }
                    } else {
                        sink.append(RulesMessages.conditionsNotAList(label(), at: list.location))
                    }
                }
            }
        }
        if let id { reader.recordKeys(under: "items[\(id)]", in: &keys) }
        guard let id, let title, let points, let idNode else {
            if let id { sink.markBroken([id, "score.\(id)"]) }
            return nil
        }
        return ItemDraft(
            id: id, title: title, points: points, clause: clause, duty: duty, isAssessed: isAssessed, formula: formula,
            conditions: conditions, scoringLocation: scoringNode?.location ?? node.location, location: node.location,
            idNode: idNode)
    }

    /// Compiles the item's expressions against the officer record environment.
    /// `cache` holds what was compiled in `environment` for earlier items.
    static func finish(_ draft: ItemDraft, environment: ExpressionEnvironment, cache: inout CompiledExpressions, sink: inout DiagnosticSink)
        -> Item?
    {
        func label() -> String { "项目 \(draft.id)" }
        var method: Scoring.Method = .assessed
        var ok = true
        if !draft.isAssessed {
            if let formulaNode = draft.formula,
                let formula = ExpressionReading.compile(
                    formulaNode, "\(label()) 的公式", in: environment, expecting: .number, cache: &cache, sink: &sink)
            {
                constantScoreFits(formula, draft.points, label: label(), sink: &sink)
                method = .computed(formula)
            } else {
                ok = false
            }
        }
        var conditions: [ScoreCondition] = []
        for condition in draft.conditions {
            let when = ExpressionReading.compile(
                condition.when, "\(label()) 的条件（when）", in: environment, expecting: .boolean, cache: &cache, sink: &sink)
            let score = ExpressionReading.compile(
                condition.score, "\(label()) 的条件得分（score）", in: environment, expecting: .number, cache: &cache, sink: &sink)
            if let score { constantScoreFits(score, draft.points, label: label(), sink: &sink) }
            if let when, let score {
                conditions.append(ScoreCondition(when: when, score: score, reason: condition.reason, location: condition.location))
            } else {
                ok = false
            }
        }
        guard ok else { return nil }
        return Item(
            id: draft.id, title: draft.title, points: draft.points, clause: draft.clause, duty: draft.duty,
            scoring: Scoring(method: method, conditions: conditions, location: draft.scoringLocation), location: draft.location)
    }

    /// A score written as a plain number (no record values) must fit the item, 0 to its points;
    /// otherwise every officer it applies to would fail at evaluation instead of once here.
    static func constantScoreFits(_ score: RuleExpression, _ points: ExactDecimal, label: String, sink: inout DiagnosticSink) {
        guard score.readNames.isEmpty, case .number(let value)? = try? score.evaluate([]) else { return }
        if value.isNegative || value > points {
            sink.append(RulesMessages.scoreRange(label, value, points: points, at: score.location))
        }
    }
}
