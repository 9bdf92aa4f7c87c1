import ScorecardBase

/// Rule files, their sections and the keys of a mapping (`RuleFiles`, `RuleSections`, `MappingReader`).
extension RulesMessages {
    static func rulesNotFound(_ path: String) -> Diagnostic {
        .error(RulesCode.notFound, "找不到规则文件或文件夹“\(path)”", hint: "检查路径；不给路径时使用当前目录下的 rules/", at: nil)
    }

    /// A single-version folder with no rule file (`emptyFolder` words a folder of versions).
    static func noRuleFiles(_ path: String) -> Diagnostic {
        .error(RulesCode.emptyFolder, "文件夹“\(path)”里没有规则文件（.yaml）", hint: "规则文件的扩展名应为 .yaml 或 .yml", at: nil)
    }

    static func expectedSections(found: String, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.expectedSections, "规则文件的最外层应当是若干节（如 policy:、items:），这里却是\(found)",
            hint: "每个文件从顶格的“节名:”开始写", at: location)
    }

    static func complexSectionName(at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.complexKey, "节名必须是简单的文字", hint: "节名顶格写再加冒号，如 items:", at: location)
    }

    static func sectionNotAList(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.expectedList, "“\(name)”应当是一个列表，每一条以“- ”开头", hint: "如：\n\(name):\n  - id: ...", at: location)
    }

    static func duplicateSection(_ name: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.duplicateSection, "“\(name)”这一节写了不止一次", hint: "把两处合并成一处", at: location,
            notes: [.init("第一次写在这里", at: first)])
    }

    static func unknownSection(_ name: String, sections: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic.error(RulesCode.unknownSection, "没有“\(name)”这一节", hint: "可用的节：\(sections.joined(separator: "、"))", at: location)
            .suggesting(NameSuggestion.closest(to: name, among: sections), replacing: location)
    }

    /// `context` is already spaced for the sentence; `hint` is the colon hint when one fits.
    static func expectedMapping(_ context: String, found: String, hint: String?, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.expectedMapping, "\(context)应当是一组“键: 值”（映射），这里却是\(found)",
            hint: hint ?? "在下一行缩进写出各个键，如“  id: ...”", at: location)
    }

    static func complexKey(_ context: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.complexKey, "\(context)中的键必须是简单的文字", hint: "键写成一个词再加冒号，如 id:、title:", at: location)
    }

    static func unknownKey(_ key: String, in context: String, allowed: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic.error(RulesCode.unknownKey, "\(context)中没有“\(key)”这个键", hint: "可用的键：\(allowed.joined(separator: "、"))", at: location)
            .suggesting(NameSuggestion.closest(to: key, among: allowed), replacing: location)
    }

    /// `written`: the key is there with nothing after its colon.
    static func missingKey(_ key: String, in context: String, written: Bool, hint: String?, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.missingKey, written ? "\(context)的“\(key)”没有填写内容" : "\(context)缺少必填的“\(key)”",
            hint: hint ?? "请补上“\(key): …”", at: location)
    }
}
