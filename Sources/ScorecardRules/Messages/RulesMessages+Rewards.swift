import ScorecardBase

/// `rewards` (`RewardDecoding`). `label` names the reward, e.g. 奖励 r01.
extension RulesMessages {
    static func negativeCap(_ label: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.negativeAmount, "\(label) 的上限（cap）不能为负数", at: location)
    }

    /// `bases` are the ways of computing the amount that were written: none, or more than one.
    static func rewardBasis(_ label: String, bases: [String], at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.rewardBasis, bases.isEmpty ? "\(label) 没有写明怎样计算金额" : "\(label) 同时写了 \(bases.joined(separator: "、"))，只能选一种",
            hint: "三选一：per_record（按条计奖）、by_grade（按等级定额）、formula（公式）", at: location)
    }

    static func unknownList(_ label: String, _ listID: String, lists: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic.error(
            RulesCode.unknownList, "\(label) 引用的明细“\(listID)”没有在 evidence.lists 中声明",
            hint: "先在 evidence.lists 中声明这种明细", at: location
        ).suggesting(NameSuggestion.closest(to: listID, among: lists), replacing: location)
    }

    static func unknownField(_ by: String, list listID: String, fields: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic.error(
            RulesCode.unknownField, "明细 \(listID) 没有“\(by)”这个字段",
            hint: "可用的字段：\(fields.joined(separator: "、"))", at: location
        ).suggesting(NameSuggestion.closest(to: by, among: fields), replacing: location)
    }

    static func unknownChoice(_ key: String, field: String, choices: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic.error(
            RulesCode.unknownChoice, "费率中的“\(key)”不是字段 \(field) 的可选值",
            hint: "可选：\(choices.joined(separator: "、"))", at: location
        ).suggesting(NameSuggestion.closest(to: key, among: choices), replacing: location, keepingHint: true)
    }

    static func rateMissing(_ choice: String, field: String, at location: SourceLocation) -> Diagnostic {
        .warning(
            RulesCode.rateMissing, "字段 \(field) 的可选值“\(choice)”没有费率，这类记录不计奖",
            hint: "如需计奖，在 rates 中加上“\(choice): 金额”", at: location)
    }

    static func rateFieldType(_ field: String, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.rateFieldType, "按条计奖的区分字段 \(field) 应当是 choice（选项）类型",
            hint: "在 evidence.lists 中把它声明为 type: choice 并列出 choices", at: location)
    }

    static func ratesNotAMapping(_ label: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.expectedMapping, "\(label) 应当逐行写成“名称: 金额”", hint: "如：\n  矿: 30\n  区队: 5", at: location)
    }

    static func negativeRate(_ label: String, key: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.negativeAmount, "\(label) 中“\(key)”的金额不能为负数", hint: "金额写成 0 或正数", at: location)
    }
}
