import ScorecardBase

/// The settings sections: scoring, grades, eligibility, the annual review (`MetadataDecoding`,
/// `StructureDecoding`).
extension RulesMessages {
    static func badTotal(at location: SourceLocation?) -> Diagnostic {
        .error(RulesCode.badTotal, "满分（total）应当大于 0", hint: "写上满分，如 total: 100", at: location)
    }

    static func bandsNotAList(at location: SourceLocation?) -> Diagnostic {
        .error(
            RulesCode.expectedList, "等级（grades.bands）应当是一个列表，每个等级以“- ”开头",
            hint: "如：\n  bands:\n    - name: 合格\n      min: 60", at: location)
    }

    static func criteriaNotAList(at location: SourceLocation?) -> Diagnostic {
        .error(RulesCode.expectedList, "任职条件（criteria）应当是一个列表", hint: "每项条件以“- ”开头，写出 id、title 和 require", at: location)
    }

    static func selectionNotAList(at location: SourceLocation?) -> Diagnostic {
        .error(RulesCode.expectedList, "选配方式（selection）应当是一个列表", hint: "每种方式以“- ”开头，如 - method: 选举", at: location)
    }

    static func tieBreakersNotAList(at location: SourceLocation?) -> Diagnostic {
        .error(RulesCode.expectedList, "并列时的比较项（tie_breakers）应当是一个列表", hint: "每项以“- ”开头，如 - latest_quarter_total", at: location)
    }

    static func badShare(at location: SourceLocation?) -> Diagnostic {
        .error(
            RulesCode.badShare, "优秀比例（share）应在 0 到 1 之间，如 0.2 表示 20%",
            hint: "写成 0 到 1 之间的小数，如 share: 0.2；要限定人数请写 count", at: location)
    }

    static func excellentEmpty(at location: SourceLocation?) -> Diagnostic {
        .error(RulesCode.excellentEmpty, "annual.excellent 没有给出任何评选办法", hint: "至少写 count、share、min_total 中的一项", at: location)
    }
}
