import ScorecardBase

/// The fields and lists of `evidence` (`EvidenceDecoding`). `label` names the field, e.g. 字段 reports_due.
extension RulesMessages {
    static func emptyChoices(_ label: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.emptyChoices, "\(label) 的可选值（choices）不能为空", hint: "列出可选的值，如 choices: [矿, 区队]", at: location)
    }

    static func duplicateChoice(_ label: String, _ choice: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.duplicateChoice, "\(label) 的可选值“\(choice)”重复了", hint: "删去重复的“\(choice)”", at: location)
    }

    static func choicesWithoutChoice(at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.misplacedKey, "只有 choice 类型的字段才能写 choices", hint: "把 type 改成 choice，或删去 choices", at: location)
    }

    /// `key` is `min` or `max`.
    static func boundOnNonNumber(_ key: String, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.misplacedKey, "只有数值字段（integer、decimal）才能写 \(key)",
            hint: "删去 \(key)，或把 type 改为 integer 或 decimal", at: location)
    }

    static func fractionalBound(_ key: String, field id: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.expectedInteger, "整数字段 \(id) 的\(key)应当是整数", hint: "写成整数，或把 type 改为 decimal", at: location)
    }

    static func badRange(_ label: String, min: ExactDecimal, max: ExactDecimal, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.badRange, "\(label) 的上限 \(max) 小于下限 \(min)", hint: "交换 min 与 max", at: location)
    }

    static func withinQuarterOnNonDate(at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.misplacedKey, "只有日期字段（date）才能写 within_quarter", hint: "删去 within_quarter，或把 type 改为 date", at: location)
    }

    static func badDefault(_ label: String, _ problem: FieldValueParsing.Problem, at location: SourceLocation) -> Diagnostic {
        Diagnostic.error(RulesCode.badDefault, "\(label) 的默认值（default）不合适：\(problem.message)", at: location)
            .passingOn(problem.suggestion, advice: problem.advice, replacing: location)
    }

    static func defaultNotAValue(_ label: String, found: String, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.badDefault, "\(label) 的默认值（default）应当是一个值，这里却是\(found)",
            hint: "把默认值写在冒号后的同一行，如 default: 0", at: location)
    }

    static func fieldsNotAList(_ context: String, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.expectedList, "\(context) 应当是一个列表，每个字段以“- ”开头", hint: "如：\n  - id: reports_due\n    type: integer",
            at: location)
    }
}
