import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// Why one item of one officer's quarter scored what it did: the data `explain` prints line by
/// line and the HTML report shows in each officer's card, worked out once from the result, the
/// record and the rules.
package struct ItemExplanation: Sendable {
    package enum Basis: Sendable {
        /// The assessor's score as recorded, and where.
        case assessed(raw: ExactDecimal, location: SourceLocation?)
        /// The formula (its source as written) and its exact value; `roundingChanged` when
        /// rounding to the scoring precision changed it.
        case computed(formula: String?, exact: ExactDecimal, roundingChanged: Bool)
        /// The condition that held (as written), the score it sets and the rule's reason.
        case condition(when: String, score: String, reason: String?)
        /// The item could not be evaluated; the officer's failures say why.
        case notComputed
    }

    package var item: Item
    package var score: ExactDecimal?
    package var basis: Basis
    /// The record values the item's rule read (its own assessed score left out), with where each
    /// was recorded (nil for a default).
    package var inputs: [(name: String, value: Value, location: SourceLocation?)]

    /// Every item of the rules, in rule order, for one officer. Without the record (a result
    /// read back from elsewhere) the values read and their places are left out.
    package static func all(policy: Policy, result: OfficerResult, record: OfficerRecord?) -> [ItemExplanation] {
        var locations: [String: SourceLocation] = [:]
        for (index, id) in policy.layout.fieldIDs.enumerated() {
            if let location = record?.fieldLocation(index) { locations[id] = location }
        }
        return policy.items.enumerated().map { index, item in
            let itemResult = result.items[index]
            let basis: Basis
            switch itemResult.basis {
            case .assessed(let raw):
                basis = .assessed(raw: raw, location: locations[item.id])
            case .computed(let raw):
                var formula: String?
                if case .computed(let expression) = item.scoring.method { formula = expression.source }
                basis = .computed(formula: formula, exact: raw, roundingChanged: itemResult.score.map { $0 != raw } ?? true)
            case .condition(let conditionIndex, let reason):
                let condition = item.scoring.conditions[conditionIndex]
                basis = .condition(when: condition.when.source, score: condition.score.source, reason: reason)
            case nil:
                basis = .notComputed
            }
            let inputs =
                record.map { record in
                    ItemInputs.values(read: item, record: record, result: result, layout: policy.layout)
                        .filter { $0.name != item.id || !item.scoring.isAssessed }
                        .map { (name: $0.name, value: $0.value, location: locations[$0.name]) }
                } ?? []
            return ItemExplanation(item: item, score: itemResult.score, basis: basis, inputs: inputs)
        }
    }

    /// `依据 考核标准7；对应职责/条件 2.1.2；规则 rules/items.yaml:50:5`
    var basisLine: String {
        var parts: [String] = []
        if let clause = item.clause { parts.append("依据 \(clause)") }
        if let duty = item.duty { parts.append("对应职责/条件 \(duty)") }
        parts.append("规则 \(item.location)")
        return parts.joined(separator: "；")
    }

    /// `reports_due = 6（seeds/2025-Q4/scores.csv:18:75）`, one per input.
    var inputTexts: [String] {
        inputs.map { input in
            var text = "\(input.name) = \(input.value.reportText)"
            if let location = input.location { text += "（\(location)）" }
            return text
        }
    }
}

extension RoundingMode {
    /// The rounding rule in the words of a policy officer: 四舍五入…
    var chineseWord: String {
        switch self {
        case .halfUp: "四舍五入"
        case .halfEven: "四舍六入五成双"
        case .halfDown: "五舍六入"
        case .up: "进位"
        case .down: "舍去"
        case .ceiling: "向上取整"
        case .floor: "向下取整"
        }
    }
}
