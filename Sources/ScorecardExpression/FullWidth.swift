/// Characters that Chinese input methods produce in place of the ASCII ones the language uses.
/// They look almost the same on screen, so the error must name the character to type instead.
enum FullWidth {
    /// The half-width character for a full-width or Chinese punctuation scalar, if any.
    static func halfWidth(of scalar: Unicode.Scalar) -> String? {
        switch scalar.value {
        case 0xFF01...0xFF5E:
            // The Halfwidth and Fullwidth Forms block mirrors ASCII 0x21...0x7E.
            return Unicode.Scalar(scalar.value - 0xFEE0).map { String(Character($0)) }
        case 0x201C, 0x201D: return "\""
        case 0x2018, 0x2019: return "'"
        case 0x3000: return " "
        case 0x3002: return "."
        case 0x3001: return ","
        case 0x3010: return "("
        case 0x3011: return ")"
        default: return nil
        }
    }

    static func error(_ scalar: Unicode.Scalar, halfWidth: String, at offset: Int) -> ExpressionError {
        let shown = halfWidth == " " ? "半角空格" : "半角的 \(halfWidth)"
        return ExpressionError(
            code: ExpressionCode.syntaxFullWidth,
            message: "这里有一个全角字符“\(Character(scalar))”，表达式里只能用半角（英文）符号和数字",
            hint: "请切换到英文输入法，改为\(shown)",
            offset: offset, length: 1)
    }
}
