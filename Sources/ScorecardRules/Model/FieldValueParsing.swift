import ScorecardBase
import ScorecardExpression

/// Turns the text of one recorded value into a typed value, the same way for rule defaults,
/// CSV cells and YAML evidence, so a value means the same wherever it is written.
public enum FieldValueParsing {
    public struct Problem: Error, Sendable, Hashable {
        public var message: String
        /// The choice most likely meant.
        public var suggestion: Diagnostic.Suggestion?
        /// What to do besides (or without) the suggestion.
        public var advice: String?

        init(message: String, hint: String?, suggesting replacement: String? = nil) {
            self.message = message
            self.suggestion = replacement.map { Diagnostic.Suggestion($0) }
            self.advice = hint
        }

        /// As shown: the suggestion's question, then the advice.
        public var hint: String? { Diagnostic.Suggestion.hint(suggestion, then: advice) }
    }

    public static func parse(_ raw: String, as type: FieldType, min: ExactDecimal?, max: ExactDecimal?) throws(Problem) -> Value {
        var text = Substring(raw)
        // Most values have nothing to trim; only look at characters when an end byte says so.
        if let first = raw.utf8.first, let last = raw.utf8.last, first <= 0x20 || first >= 0x80 || last <= 0x20 || last >= 0x80 {
            while let first = text.first, first.isWhitespace { text = text.dropFirst() }
            while let last = text.last, last.isWhitespace { text = text.dropLast() }
        }
        switch type {
        case .integer, .decimal:
            guard let number = ExactDecimal(text) else {
                throw notANumber(text, as: type, max: max)
            }
            if type == .integer, number.normalized.scale > 0 {
                throw Problem(message: "\(MessageText.quoted(text))不是整数", hint: "这一项只能填整数")
            }
            if let min, number < min {
                throw Problem(
                    message: "\(MessageText.shortened(text)) 小于允许的最小值 \(min)", hint: "允许的范围是 \(min) 到 \(max.map(\.description) ?? "不限")"
                )
            }
            if let max, number > max {
                throw Problem(
                    message: "\(MessageText.shortened(text)) 大于允许的最大值 \(max)", hint: "允许的范围是 \(min.map(\.description) ?? "不限") 到 \(max)"
                )
            }
            return .number(number)
        case .text:
            return .string(String(text))
        case .boolean:
            guard let answer = yesOrNo(text, evidenceMarks: true) else {
                throw Problem(message: "\(MessageText.quoted(text))不是“是”或“否”", hint: "填写 是 或 否（也可写 yes/no、true/false、√/×）")
            }
            return .boolean(answer)
        case .date:
            guard let date = LocalDate(text) else {
                if let serial = Int(text), let day = LocalDate(excelSerial: serial), text.count == 5 {
                    throw Problem(
                        message: "\(MessageText.quoted(text))是 Excel 的日期序号（即 \(day)），不是写出来的日期",
                        hint: "这一列在 Excel 中被设成了“常规”或“数值”格式：选中这一列，右键“设置单元格格式”，选“日期”后重新保存；或直接写 \(day)")
                }
                throw Problem(message: "\(MessageText.quoted(text))不是一个日期", hint: dateHint)
            }
            return .date(date)
        case .choice(let choices):
            let value = String(text)
            guard choices.contains(value) else {
                let suggestion = NameSuggestion.closest(to: value, among: choices)
                throw Problem(
                    message: "\(MessageText.quoted(text))不是可选的值",
                    hint: "可选：\(choices.joined(separator: "、"))", suggesting: suggestion)
            }
            return .string(value)
        }
    }

    /// How a date may be written, for hints.
    public static let dateHint = "按“年-月-日”填写，如 2025-03-31（也可写 2025/3/31、2025.3.31 或 2025年3月31日）"

    /// A yes/no answer as people write it: `是`/`否`, `yes`/`no`, `true`/`false` in any case,
    /// and in evidence also `1`/`0` and the ticks and crosses of a paper form (`√`/`×`, `✓`/`✗`).
    /// Nil for anything else: a slot typed yes/no never guesses.
    public static func yesOrNo(_ text: some StringProtocol, evidenceMarks: Bool) -> Bool? {
        switch text.lowercased() {
        case "是", "yes", "true": return true
        case "否", "no", "false": return false
        default: break
        }
        guard evidenceMarks else { return nil }
        switch text {
        case "1", "√", "✓", "✔", "☑": return true
        case "0", "×", "✗", "✘", "☒": return false
        default: return nil
        }
    }

    /// Why `text` is not a number, worded for what it most likely is: a percentage, full-width
    /// digits from a Chinese input method, or something else.
    static func notANumber(_ text: Substring, as type: FieldType, max: ExactDecimal?) -> Problem {
        if let last = text.last, last == "%" || last == "％", let percent = ExactDecimal(text.dropLast().trimmingWhitespace) {
            // Whether 95.2% is 95.2 or 0.952 depends on how the field counts; its range says which.
            let fraction = max.map { $0 <= ExactDecimal(1) } ?? false
            let hundredth = ExactDecimal(exactly: percent.coefficient, scale: percent.scale + 2)
            let written = (fraction ? hundredth ?? percent : percent).normalized.description
            return Problem(
                message: "\(MessageText.quoted(text))带了百分号",
                hint: fraction ? "这一项按小数记录（0 到 1），写成 \(written)" : "去掉百分号，写成 \(written)")
        }
        if let hint = fullWidthHint(text) {
            return Problem(message: "\(MessageText.quoted(text))不是一个数", hint: hint)
        }
        return Problem(
            message: "\(MessageText.quoted(text))不是一个数",
            hint: type == .integer ? "填写整数，如 0、3、12" : "填写数字，如 4、4.5，不要带单位或全角字符")
    }

    /// For text typed with a Chinese input method in full-width mode (`５`, `４．５`): the
    /// character to retype and the value meant, or nil when there is no full-width character.
    public static func fullWidthHint(_ text: some StringProtocol) -> String? {
        guard let first = text.unicodeScalars.first(where: { (0xFF01...0xFF5E).contains($0.value) || $0.value == 0x3002 }) else {
            return nil
        }
        var meant = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0xFF01...0xFF5E).contains(scalar.value), let half = Unicode.Scalar(scalar.value - 0xFEE0) {
                meant.append(half)
            } else if scalar.value == 0x3002 {
                meant.append(".")
            } else {
                meant.append(scalar)
            }
        }
        return "“\(Character(first))”是全角字符：请切换到英文输入法（半角）重新输入，写成 \(String(meant))"
    }
}

extension Substring {
    var trimmingWhitespace: Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}
