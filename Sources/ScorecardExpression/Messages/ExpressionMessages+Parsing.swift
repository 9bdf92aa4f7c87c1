/// The shape of an expression: what is missing, extra or out of place (`Parser`).
extension ExpressionMessages {
    static func empty() -> ExpressionError {
        ExpressionError(code: ExpressionCode.syntaxEmpty, message: "表达式是空的", hint: "请写出要计算的内容", offset: 0, length: 1)
    }

    static func unmatchedParen(_ token: Token) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.syntaxUnmatchedParen, message: "多了一个“)”，前面没有与它配对的“(”",
            hint: "请删除这个 ) 或在前面补上 (", offset: token.offset, length: token.length)
    }

    /// `token` after an expression that was already complete.
    static func trailing(_ token: Token) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.syntaxTrailing, message: "表达式在这里之前已经完整，不应再出现\(token.display)",
            hint: "是否漏写了运算符（如 + 、and）？", offset: token.offset, length: token.length)
    }

    /// `what` was expected and `token` came: the end, or something else.
    static func unexpected(_ token: Token, expecting what: String) -> ExpressionError {
        if case .end = token.kind {
            return ExpressionError(
                code: ExpressionCode.syntaxIncomplete, message: "表达式没有写完，这里还缺少\(what)",
                offset: token.offset, length: 1)
        }
        return ExpressionError(
            code: ExpressionCode.syntaxUnexpected, message: "这里应该是\(what)，却是\(token.display)",
            offset: token.offset, length: token.length)
    }

    /// `a < b < c`: the second comparison `again`, at `token`.
    static func chainedComparison(_ op: Syntax.BinaryOperator, then again: Token.Symbol, at token: Token) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.syntaxChainedComparison, message: "比较不能连着写（\(op.rawValue) 后面又出现了 \(again.rawValue)）",
            hint: "请拆成两个比较并用 and 连接，例如 a < b and b < c",
            offset: token.offset, length: token.length)
    }

    /// The `open` parenthesis never closed, noticed at `current`.
    static func unclosedParen(_ open: Token, noticedAt current: Token) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.syntaxUnclosedParen,
            message: "这个“(”没有对应的“)”" + (current.kind.isEnd ? "" : "（在\(current.display)处仍未闭合）"),
            hint: "请在括号内容结束处补上 )", offset: open.offset, length: 1)
    }

    /// `if … then … else …` without its `keyword` after `after`, at `token`.
    static func missingKeyword(_ keyword: String, after: String, _ token: Token) -> ExpressionError {
        ExpressionError(
            code: keyword == "then" ? .syntaxMissingThen : .syntaxMissingElse,
            message: "\(after)后面缺少 \(keyword)" + (token.kind.isEnd ? "" : "，却是\(token.display)"),
            hint: "完整写法是 if 条件 then 值 else 值", offset: token.offset, length: token.kind.isEnd ? 1 : token.length)
    }
}
