import ScorecardBase

/// The parsed, not yet checked, form of an expression. Ranges are in Unicode scalars.
struct Syntax: Sendable {
    enum UnaryOperator: String, Sendable { case negate = "-", not }

    enum BinaryOperator: String, Sendable {
        case or, and
        case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
        case add = "+", subtract = "-", multiply = "*", divide = "/"

        /// Binding strength; higher binds tighter. Matches the parser's levels.
        var precedence: Int {
            switch self {
            case .or: 1
            case .and: 2
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 4
            case .add, .subtract: 5
            case .multiply, .divide: 6
            }
        }

        var isComparison: Bool { precedence == 4 }
    }

    indirect enum Kind: Sendable {
        case number(ExactDecimal, isInteger: Bool)
        case string(String)
        case boolean(Bool)
        case name(String)
        case unary(UnaryOperator, Syntax)
        case binary(BinaryOperator, Syntax, Syntax)
        case conditional(Syntax, Syntax, Syntax)
        /// `nameLength` lets errors point at just the function name.
        case call(String, nameLength: Int, arguments: [Syntax])
    }

    var kind: Kind
    var offset: Int
    var length: Int

    var end: Int { offset + length }

    static func spanning(_ kind: Kind, from first: Syntax, to last: Syntax) -> Syntax {
        Syntax(kind: kind, offset: first.offset, length: last.end - first.offset)
    }
}
