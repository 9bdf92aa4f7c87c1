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
}
