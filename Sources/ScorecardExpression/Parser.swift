/// Turns expression text into a syntax tree.
///
/// # The expression language
///
/// An expression computes one value from one officer's record, e.g.
/// `if reports_due == 0 then 5 else 5 * reports_on_time / reports_due`.
///
/// **Values written directly**
/// - whole numbers `12`, decimals `3.5` (exact, never rounded; no `1e3`, no `1,000`, write `0.5` not `.5`)
/// - text in straight quotes `"矿"` or `'矿'`; inside, `\"` `\'` `\\` and `\n` stand for a quote,
///   a backslash and a line break
/// - `true`, `false`
/// - dates through `date("2025-03-31")`
///
/// **Names** are letters (Chinese characters included), digits and `_`, not starting with a
/// digit. A dotted name such as `score.i07` is one name. Letters are case-sensitive.
///
/// **Operators**, from loosest to tightest binding:
/// 1. `if 条件 then 值 else 值` — `else` is required; may nest
/// 2. `or`
/// 3. `and`
/// 4. `not`
/// 5. comparisons `==` `!=` `<` `<=` `>` `>=` — only one per comparison: write
///    `a < b and b < c`, not `a < b < c`
/// 6. `+` `-`
/// 7. `*` `/` (`/` always gives a decimal, exact to 18 places)
/// 8. a leading `-` (negation)
/// 9. values, names, function calls, and anything in parentheses
/// Operators of the same level work left to right: `a - b - c` is `(a - b) - c`.
///
/// `=` is not an operator (write `==`); `&&`, `||`, `!` are not either (write `and`, `or`,
/// `not`). Full-width characters from a Chinese input method — `（ ） ， ＋ ＝ “ ”` and
/// full-width digits — are errors: switch to the English input method.
///
/// **Functions**
/// - `min(a, b, ...)`, `max(a, b, ...)` — numbers or dates
/// - `clamp(x, lo, hi)` — `x` kept within `lo...hi`
/// - `round(x, places)` rounds half away from zero ("四舍五入"); `round(x, places, "half-even")`
///   picks another mode: `half-up`, `half-even`, `half-down`, `up`, `down`, `ceiling`, `floor`.
///   `places` and the mode must be written directly (not computed).
/// - `abs(x)`, `floor(x)`, `ceil(x)`
/// - over a list: `count(list)`, `count(list, 条件)`, `sum(list, 值)`, `any(list, 条件)`,
///   `all(list, 条件)`; inside the second argument the element's fields are names of their own
///   (and hide outer names with the same spelling)
/// - `date("YYYY-MM-DD")`
///
/// **Types**: 整数 (integer), 小数 (decimal), 文本 (text), 是/否 (boolean), 日期 (date),
/// 列表 (list). Integers are used as decimals where needed; `+ - *` of two integers is an
/// integer. `==`/`!=` compare any two values of the same type; `<` etc. compare numbers or dates.
/// The two branches of `if` must have the same type (an integer and a decimal give a decimal).
struct Parser {
    private let tokens: [Token]
    private var position = 0

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    static func parse(_ scalars: [Unicode.Scalar]) throws(ExpressionError) -> Syntax {
        var parser = Parser(tokens: try Lexer.tokenize(scalars))
        if case .end = parser.current.kind {
            throw ExpressionMessages.empty()
        }
        let tree = try parser.expression()
        let rest = parser.current
        if case .end = rest.kind { return tree }
        if rest.isSymbol(.closeParen) {
            throw ExpressionMessages.unmatchedParen(rest)
        }
        throw ExpressionMessages.trailing(rest)
    }

    private var current: Token { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = current
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func unexpected(_ what: String) -> ExpressionError {
        ExpressionMessages.unexpected(current, expecting: what)
    }

    mutating func expression() throws(ExpressionError) -> Syntax { try or() }

    private mutating func or() throws(ExpressionError) -> Syntax {
        var left = try and()
        while current.isKeyword(.or) {
            _ = advance()
            let right = try and()
            left = .spanning(.binary(.or, left, right), from: left, to: right)
        }
        return left
    }

    private mutating func and() throws(ExpressionError) -> Syntax {
        var left = try not()
        while current.isKeyword(.and) {
            _ = advance()
            let right = try not()
            left = .spanning(.binary(.and, left, right), from: left, to: right)
        }
        return left
    }

    private mutating func not() throws(ExpressionError) -> Syntax {
        guard current.isKeyword(.not) else { return try comparison() }
        let keyword = advance()
        let operand = try not()
        return Syntax(kind: .unary(.not, operand), offset: keyword.offset, length: operand.end - keyword.offset)
    }

    private mutating func comparison() throws(ExpressionError) -> Syntax {
        let left = try additive()
        guard case .symbol(let symbol) = current.kind, symbol.isComparison,
            let op = Syntax.BinaryOperator(rawValue: symbol.rawValue)
        else { return left }
        _ = advance()
        let right = try additive()
        if case .symbol(let again) = current.kind, again.isComparison {
            throw ExpressionMessages.chainedComparison(op, then: again, at: current)
        }
        return .spanning(.binary(op, left, right), from: left, to: right)
    }

    private mutating func additive() throws(ExpressionError) -> Syntax {
        var left = try multiplicative()
        while case .symbol(let s) = current.kind, s == .plus || s == .minus {
            _ = advance()
            let right = try multiplicative()
            left = .spanning(.binary(s == .plus ? .add : .subtract, left, right), from: left, to: right)
        }
        return left
    }

    private mutating func multiplicative() throws(ExpressionError) -> Syntax {
        var left = try unary()
        while case .symbol(let s) = current.kind, s == .star || s == .slash {
            _ = advance()
            let right = try unary()
            left = .spanning(.binary(s == .star ? .multiply : .divide, left, right), from: left, to: right)
        }
        return left
    }

    private mutating func unary() throws(ExpressionError) -> Syntax {
        guard current.isSymbol(.minus) else { return try primary() }
        let minus = advance()
        let operand = try unary()
        return Syntax(kind: .unary(.negate, operand), offset: minus.offset, length: operand.end - minus.offset)
    }

    private mutating func primary() throws(ExpressionError) -> Syntax {
        let token = current
        switch token.kind {
        case .number(let value, let isInteger):
            _ = advance()
            return Syntax(kind: .number(value, isInteger: isInteger), offset: token.offset, length: token.length)
        case .string(let text):
            _ = advance()
            return Syntax(kind: .string(text), offset: token.offset, length: token.length)
        case .keyword(.true), .keyword(.false):
            _ = advance()
            return Syntax(kind: .boolean(token.isKeyword(.true)), offset: token.offset, length: token.length)
        case .keyword(.if):
            return try conditional()
        case .name(let name):
            _ = advance()
            guard current.isSymbol(.openParen) else {
                return Syntax(kind: .name(name), offset: token.offset, length: token.length)
            }
            return try call(name, at: token)
        case .symbol(.openParen):
            let open = advance()
            var inner = try expression()
            guard current.isSymbol(.closeParen) else { throw unclosed(open) }
            let close = advance()
            // The parentheses belong to the range, so errors underline them too.
            inner.offset = open.offset
            inner.length = close.offset + close.length - open.offset
            return inner
        default:
            throw unexpected("一个数值、名称或左括号")
        }
    }

    private func unclosed(_ open: Token) -> ExpressionError {
        ExpressionMessages.unclosedParen(open, noticedAt: current)
    }

    private mutating func call(_ name: String, at nameToken: Token) throws(ExpressionError) -> Syntax {
        let open = advance()
        var arguments: [Syntax] = []
        if !current.isSymbol(.closeParen) {
            while true {
                if current.kind.isEnd { throw unclosed(open) }
                arguments.append(try expression())
                if current.isSymbol(.comma) { _ = advance(); continue }
                break
            }
        }
        guard current.isSymbol(.closeParen) else {
            if current.kind.isEnd { throw unclosed(open) }
            throw unexpected("“,”或“)”")
        }
        let close = advance()
        return Syntax(
            kind: .call(name, nameLength: nameToken.length, arguments: arguments),
            offset: nameToken.offset, length: close.offset + close.length - nameToken.offset)
    }

    private mutating func conditional() throws(ExpressionError) -> Syntax {
        let ifToken = advance()
        let condition = try expression()
        guard current.isKeyword(.then) else { throw missing("then", after: "if 的条件", current) }
        _ = advance()
        let whenTrue = try expression()
        guard current.isKeyword(.else) else { throw missing("else", after: "then 的值", current) }
        _ = advance()
        let whenFalse = try expression()
        return Syntax(
            kind: .conditional(condition, whenTrue, whenFalse),
            offset: ifToken.offset, length: whenFalse.end - ifToken.offset)
    }

    private func missing(_ keyword: String, after: String, _ token: Token) -> ExpressionError {
        ExpressionMessages.missingKeyword(keyword, after: after, token)
    }
}

extension Token.Kind {
    var isEnd: Bool {
        if case .end = self { return true }
        return false
    }
}
