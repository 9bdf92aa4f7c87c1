import ScorecardBase
import ScorecardExpression

/// How rule values are shown in a diff, and the forms they are compared by: numbers by value
/// (`5` and `5.0` are the same), word lists as sets where their order means nothing.
enum DiffText {
    static func number(_ value: ExactDecimal) -> String { value.normalized.description }
    static func number(_ value: ExactDecimal?) -> String? { value.map(number) }
    static func integer(_ value: Int?) -> String? { value.map(String.init) }
    static func flag(_ value: Bool) -> String { value ? "是" : "否" }

    static func words(_ words: [String]) -> String { words.joined(separator: "、") }
    /// Compared regardless of order.
    static func wordSet(_ words: [String]) -> String { words.sorted().joined(separator: "、") }

    static func value(_ value: Value?) -> String? {
        guard let value else { return nil }
        switch value {
        case .number(let number): return number.normalized.description
        case .string(let text): return text
        case .boolean(let flag): return flag ? "是" : "否"
        case .date(let date): return date.description
        case .list(let elements): return "\(elements.count) 条"
        case .missing: return "空"
        }
    }

    /// `choice（矿、区队）`, and a key that ignores the order of the choices.
    static func type(_ type: FieldType) -> (text: String, key: String) {
        guard let choices = type.choices else { return (type.keyword, type.keyword) }
        return ("choice（\(words(choices))）", "choice:" + wordSet(choices))
    }
}
