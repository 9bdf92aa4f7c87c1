import ScorecardBase

/// One lexical unit with its place in the expression (in Unicode scalars).
struct Token: Sendable {
    enum Keyword: String, Sendable, CaseIterable {
        case `if`, then, `else`, and, or, not, `true`, `false`
    }

    enum Symbol: String, Sendable {
        case plus = "+", minus = "-", star = "*", slash = "/"
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case openParen = "(", closeParen = ")", comma = ","

        var isComparison: Bool {
            switch self {
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
            default: false
            }
        }
    }

    enum Kind: Sendable {
        /// `text` is the literal as written, kept for messages.
        case number(ExactDecimal, isInteger: Bool)
        case string(String)
        case name(String)
        case keyword(Keyword)
        case symbol(Symbol)
        case end
    }

    var kind: Kind
    var offset: Int
    var length: Int

    func isSymbol(_ symbol: Symbol) -> Bool {
        if case .symbol(let s) = kind { return s == symbol }
        return false
    }

    func isKeyword(_ keyword: Keyword) -> Bool {
        if case .keyword(let k) = kind { return k == keyword }
        return false
    }

    /// How the token is named in messages.
    var display: String {
        switch kind {
        case .number(let value, _): "数字 \(value)"
        case .string(let text): "文本 \"\(text)\""
        case .name(let name): "名称 \(name)"
        case .keyword(let k): "“\(k.rawValue)”"
        case .symbol(let s): "“\(s.rawValue)”"
        case .end: "表达式结尾"
        }
    }
}
