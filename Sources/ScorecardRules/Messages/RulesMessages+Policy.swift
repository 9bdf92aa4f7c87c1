import ScorecardBase

/// The policy as a whole: its sections and what holds across them (`PolicyLoader`).
extension RulesMessages {
    /// `files` could not be read to the end (a syntax error or a hit limit).
    static func incomplete(_ files: [String]) -> Diagnostic {
        .warning(
            RulesCode.incomplete, "\(files.joined(separator: "、")) 未能读完，跨文件的检查（缺少的节、引用、分值合计）这次没有进行",
            hint: "先改正上面的语法错误，再运行一次检查", at: nil)
    }

    static func emptySection(_ name: String, hint: String, at location: SourceLocation?) -> Diagnostic {
        .error(RulesCode.missingSection, "“\(name)”这一节是空的", hint: hint, at: location)
    }

    static func missingSection(_ name: String, hint: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.missingSection, "规则中缺少“\(name)”这一节", hint: hint, at: location)
    }

    static func missingItems(at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.missingSection, "规则中缺少“items”（考核项目）这一节", hint: "列出考核标准的各个项目", at: location)
    }

    static func evidenceListsNotAList(at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.expectedList, "evidence.lists 应当是一个列表", hint: "每种明细以“- ”开头，写出 id 和 fields", at: location)
    }

    static func evidenceChecksNotAList(at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.expectedList, "evidence.checks 应当是一个列表", hint: "每项检查以“- ”开头，写出 id、require 和 message", at: location)
    }

    /// A declared field or list named like an assessed item, whose score takes that column.
    static func fieldNamedLikeItem(_ id: String, at location: SourceLocation, item: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.duplicateId, "记录字段“\(id)”与考核人打分的项目同名：该项目的打分已占用这一列",
            hint: "给字段换一个编号", at: location, notes: [.init("项目写在这里", at: item)])
    }

    static func noGrades(reward: String, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.noGrades, "奖励 \(reward) 按等级定额，但规则中没有 grades（等级）",
            hint: "在 grades 中写出各个等级，或改用 per_record、formula 计奖", at: location)
    }

    static func unknownGrade(_ grade: String, reward: String, grades: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic.error(
            RulesCode.unknownGrade, "奖励 \(reward) 中的“\(grade)”不是已声明的等级",
            hint: "可用的等级：\(grades.joined(separator: "、"))", at: location
        ).suggesting(NameSuggestion.closest(to: grade, among: grades), replacing: location)
    }
}
