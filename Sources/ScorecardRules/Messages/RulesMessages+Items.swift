import ScorecardBase

/// `items` (`ItemDecoding`). `label` names the item, e.g. 项目 i01.
extension RulesMessages {
    static func badPoints(_ label: String, _ points: ExactDecimal, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.badPoints, "\(label) 的分值应当大于 0，这里是 \(points)", hint: "写上本项分值，如 points: 5", at: location)
    }

    static func missingClause(_ label: String, at location: SourceLocation) -> Diagnostic {
        .warning(RulesCode.missingClause, "\(label) 没有注明所依据的条款（clause）", hint: "写上 clause: 考核标准N，方便核对", at: location)
    }

    /// `scoring: computed` written as one word, with no room for the formula.
    static func computedWithoutFormula(_ label: String, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.missingKey, "\(label) 按公式计分，需要写出公式", hint: "改写为：\n  scoring:\n    method: computed\n    formula: …",
            at: location)
    }

    static func formulaOnAssessed(_ label: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.misplacedKey, "\(label) 由考核人打分，不需要公式（formula）", hint: "删去 formula，或把 method 改为 computed", at: location)
    }

    static func conditionsNotAList(_ label: String, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.expectedList, "\(label) 的条件（conditions）应当是一个列表，每个条件以“- ”开头",
            hint: "如：\n  conditions:\n    - when: violations > 0\n      score: 0", at: location)
    }

    static func scoreRange(_ label: String, _ value: ExactDecimal, points: ExactDecimal, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.scoreRange, "\(label) 的得分 \(value.normalized) 超出本项分值 0 到 \(points.normalized)",
            hint: "写 0 到 \(points.normalized) 之间的分数", at: location)
    }
}
