import ScorecardBase
import ScorecardExpression

/// Turns the text of one recorded value into a typed value, the same way for rule defaults,
/// CSV cells and YAML evidence, so a value means the same wherever it is written.
public enum FieldValueParsing {
    public struct Problem: Error, Sendable, Hashable {
        public var message: String
        public var hint: String?
    }

    public static func parse(_ raw: String, as type: FieldType, min: ExactDecimal?, max: ExactDecimal?) -> Result<Value, Problem> {
        var text = Substring(raw)
        // Most values have nothing to trim; only look at characters when an end byte says so.
        if let first = raw.utf8.first, let last = raw.utf8.last, first <= 0x20 || first >= 0x80 || last <= 0x20 || last >= 0x80 {
            while let first = text.first, first.isWhitespace { text = text.dropFirst() }
            while let last = text.last, last.isWhitespace { text = text.dropLast() }
        }
        switch type {
        case .integer, .decimal:
            guard let number = ExactDecimal(text) else {
                return .failure(Problem(
                    message: "\(MessageText.quoted(text))不是一个数",
                    hint: type == .integer ? "填写整数，如 0、3、12" : "填写数字，如 4、4.5，不要带单位或全角字符"))
            }
            if type == .integer, number.normalized.scale > 0 {
                return .failure(Problem(message: "\(MessageText.quoted(text))不是整数", hint: "这一项只能填整数"))
            }
            if let min, number < min {
                return .failure(Problem(message: "\(MessageText.shortened(text)) 小于允许的最小值 \(min)", hint: "允许的范围是 \(min) 到 \(max.map(\.description) ?? "不限")"))
            }
            if let max, number > max {
                return .failure(Problem(message: "\(MessageText.shortened(text)) 大于允许的最大值 \(max)", hint: "允许的范围是 \(min.map(\.description) ?? "不限") 到 \(max)"))
            }
            return .success(.number(number))
        case .text:
            return .success(.string(String(text)))
        case .boolean:
            switch text {
            case "是", "true", "TRUE", "True", "1": return .success(.boolean(true))
            case "否", "false", "FALSE", "False", "0": return .success(.boolean(false))
            default: return .failure(Problem(message: "\(MessageText.quoted(text))不是“是”或“否”", hint: "填写 是 或 否"))
            }
        case .date:
            guard let date = LocalDate(text) else {
                return .failure(Problem(message: "\(MessageText.quoted(text))不是一个日期", hint: "按“年-月-日”填写，如 2025-03-31"))
            }
            return .success(.date(date))
        case .choice(let choices):
            let value = String(text)
            guard choices.contains(value) else {
                let suggestion = NameSuggestion.closest(to: value, among: choices)
                return .failure(Problem(
                    message: "\(MessageText.quoted(text))不是可选的值",
                    hint: (suggestion.map { "是否想写“\($0)”？" } ?? "") + "可选：\(choices.joined(separator: "、"))"))
            }
            return .success(.string(value))
        }
    }
}
