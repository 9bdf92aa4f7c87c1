/// A formatting-independent spelling of a syntax tree, for comparing rule versions by meaning:
/// single spaces around operators, no redundant parentheses, strings in double quotes.
/// Parentheses that change the grouping (`a - (b - c)`) are kept.
enum CanonicalForm {
    static func render(_ node: Syntax) -> String {
        render(node, needs: 0)
    }

    /// `needs` is the least binding strength the context accepts without parentheses.
    private static func render(_ node: Syntax, needs: Int) -> String {
        let strength: Int
        let text: String
        switch node.kind {
        case .number(let value, _):
            (strength, text) = (9, value.description)
        case .string(let value):
            (strength, text) = (9, quoted(value))
        case .boolean(let flag):
            (strength, text) = (9, flag ? "true" : "false")
        case .name(let name):
            (strength, text) = (9, name)
        case .call(let name, _, let arguments):
            (strength, text) = (9, name + "(" + arguments.map { render($0, needs: 0) }.joined(separator: ", ") + ")")
        case .unary(.negate, let operand):
            (strength, text) = (8, "-" + render(operand, needs: 9))
        case .unary(.not, let operand):
            (strength, text) = (3, "not " + render(operand, needs: 3))
        case .binary(let op, let left, let right):
            let p = op.precedence
            // Left-associative; comparisons do not chain, so both sides bind tighter.
            let leftNeeds = op.isComparison ? p + 1 : p
            (strength, text) = (p, render(left, needs: leftNeeds) + " \(op.rawValue) " + render(right, needs: p + 1))
        case .conditional(let condition, let whenTrue, let whenFalse):
            (strength, text) = (
                0, "if \(render(condition, needs: 0)) then \(render(whenTrue, needs: 0)) else \(render(whenFalse, needs: 0))"
            )
        }
        return strength < needs ? "(" + text + ")" : text
    }

    private static func quoted(_ value: String) -> String {
        var result = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
