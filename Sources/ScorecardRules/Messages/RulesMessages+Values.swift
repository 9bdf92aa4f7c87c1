import ScorecardBase

/// One written value of the wrong kind (`ScalarReading`). `label` names the key as shown, e.g.
/// 分值（points）, already spaced for the sentence.
extension RulesMessages {
    static func expectedText(_ label: String, found: String, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.expectedText, "\(label)应当是一段文字，这里却是\(found)",
            hint: "把文字写在冒号后的同一行；文字里有冒号等符号时加引号", at: location)
    }

    static func emptyValue(_ label: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.emptyValue, "\(label)不能为空", hint: "在冒号后写上内容", at: location)
    }

    /// `fullWidth` is the first full-width character in the id, the likeliest cause.
    static func badID(_ what: String, _ value: String, fullWidth: Unicode.Scalar?, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.badId, "\(what)“\(value)”不能用作编号",
            hint: fullWidth.map { "“\(Character($0))”是全角字符，请切换到英文输入法重新输入" }
                ?? "编号只能由字母、数字和下划线组成，且不能以数字开头，如 reports_due、i07",
            at: location)
    }

    static func reservedID(_ what: String, _ value: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.reservedId, "\(what)“\(value)”是表达式的保留字，不能用作编号", hint: "换一个名字，如 \(value)_1", at: location)
    }

    static func expectedNumber(_ label: String, _ value: String, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.expectedNumber, "\(label)应当是一个数，这里写的是“\(value)”",
            hint: FieldValueParsing.fullWidthHint(value) ?? "写成 5、30 或 2.5 这样的数字，不要带单位、逗号或科学计数法", at: location)
    }

    static func expectedInteger(_ label: String, _ value: String, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.expectedInteger, "\(label)应当是一个整数，这里写的是“\(value)”",
            hint: FieldValueParsing.fullWidthHint(value) ?? "写成 0、1、4 这样的整数", at: location)
    }

    static func outOfRange(_ label: String, _ number: Int, range: ClosedRange<Int>, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.outOfRange, "\(label)应当在 \(range.lowerBound) 到 \(range.upperBound) 之间，这里是 \(number)",
            hint: "改为 \(range.lowerBound) 到 \(range.upperBound) 之间的整数", at: location)
    }

    static func expectedDate(_ label: String, _ value: String, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.expectedDate, "\(label)应当是一个日期，这里写的是“\(value)”",
            hint: "按“年-月-日”写，如 2021-09-27（也可写 2021/9/27、2021.9.27 或 2021年9月27日）", at: location)
    }

    static func expectedBoolean(_ label: String, _ value: String, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.expectedBoolean, "\(label)应当是 true 或 false，这里写的是“\(value)”",
            hint: "写 true（是）或 false（否）；也可写 yes/no 或 是/否", at: location)
    }

    static func unknownWord(_ label: String, _ value: String, words: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic.error(RulesCode.unknownWord, "\(label)不能是“\(value)”", hint: "可选：\(words.joined(separator: "、"))", at: location)
            .suggesting(NameSuggestion.closest(to: value, among: words), replacing: location, keepingHint: true)
    }

    static func expectedTextList(_ label: String, found: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.expectedList, "\(label)应当是一个列表，这里却是\(found)", hint: "写成 [甲, 乙] 或逐行以“- ”开头", at: location)
    }
}
