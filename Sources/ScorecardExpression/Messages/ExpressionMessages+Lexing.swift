import ScorecardBase

/// Characters and literals: the typing mistakes non-programmers make (`Lexer`).
extension ExpressionMessages {
    static func singleEquals(at offset: Int) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.syntaxSingleEquals, message: "单独的“=”不是运算符",
            hint: "比较是否相等请写 ==", offset: offset, length: 1)
    }

    static func exclamation(at offset: Int) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.syntaxCOperator, message: "不认识“!”", hint: "表示“不是”请写 not",
            offset: offset, length: 1)
    }

    /// `&` or `&&` (`doubled`), as C writes "and".
    static func ampersand(doubled: Bool, at offset: Int) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.syntaxCOperator, message: "不认识“\(doubled ? "&&" : "&")”",
            hint: "表示“并且”请写 and", offset: offset, length: doubled ? 2 : 1)
    }

    /// `|` or `||` (`doubled`), as C writes "or".
    static func bar(doubled: Bool, at offset: Int) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.syntaxCOperator, message: "不认识“\(doubled ? "||" : "|")”",
            hint: "表示“或者”请写 or", offset: offset, length: doubled ? 2 : 1)
    }

    static func strayDot(at offset: Int) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.syntaxUnknownCharacter, message: "这里不应出现“.”",
            hint: "小数请在小数点前写出 0，例如 0.5；名称中的点前后都要有字母",
            offset: offset, length: 1)
    }

    static func unknownCharacter(_ scalar: Unicode.Scalar, at offset: Int) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.syntaxUnknownCharacter, message: "无法识别的字符“\(Character(scalar))”",
            hint: nil, offset: offset, length: 1)
    }

    static func missingFraction(at offset: Int, length: Int) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.syntaxBadNumber, message: "小数点后面缺少数字",
            hint: "例如写成 5.0 或 5", offset: offset, length: length)
    }

    static func numberRunsIntoName(at offset: Int, length: Int) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.syntaxBadNumber, message: "数字后面紧跟着字母或符号",
            hint: "数字请直接写出全部位数（不支持 1e3 这样的写法）；名称不能以数字开头",
            offset: offset, length: length)
    }

    static func numberTooLarge(_ text: String, at offset: Int, length: Int) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.syntaxBadNumber, message: "数字 \(text) 太大或小数位太多",
            hint: "最多 \(ExactDecimal.maxScale) 位小数、约 38 位有效数字",
            offset: offset, length: length)
    }

    static func unterminatedString(quote: Unicode.Scalar, at offset: Int) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.syntaxUnterminatedString, message: "文本缺少结尾的引号",
            hint: "请在文本末尾补上 \(quote)", offset: offset, length: 1)
    }

    static func badEscape(at offset: Int) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.syntaxBadEscape, message: "文本中的“\\”后面只能跟 \"、'、\\ 或 n",
            hint: "要写反斜杠本身请写 \\\\", offset: offset, length: 2)
    }

    /// A full-width or Chinese punctuation character where `halfWidth` was meant.
    static func fullWidth(_ scalar: Unicode.Scalar, halfWidth: String, at offset: Int) -> ExpressionError {
        let shown = halfWidth == " " ? "半角空格" : "半角的 \(halfWidth)"
        return ExpressionError(
            code: ExpressionCode.syntaxFullWidth,
            message: "这里有一个全角字符“\(Character(scalar))”，表达式里只能用半角（英文）符号和数字",
            hint: "请切换到英文输入法，改为\(shown)",
            offset: offset, length: 1)
    }
}
