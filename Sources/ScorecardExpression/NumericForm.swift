import ScorecardBase

/// An expression over numbers only, as a tree a faster evaluator can be compiled from: the
/// shapes most rules are written in (arithmetic, comparisons, `if … then … else`, `min`, `max`,
/// `clamp`, `round`, `abs`, `floor`, `ceil`). The checked closures stay the reference; this form
/// is only a second reading of the same source, and reading it the same way is what the tests of
/// the fast path pin.
public indirect enum NumericForm: Sendable {
    case constant(ExactDecimal)
    /// A number the caller resolved from a name (see `CheckedExpression.numericForm`).
    case read(Int)
    case negate(NumericForm)
    case add(NumericForm, NumericForm)
    case subtract(NumericForm, NumericForm)
    case multiply(NumericForm, NumericForm)
    case divide(NumericForm, NumericForm)
    case minimum([NumericForm])
    case maximum([NumericForm])
    case clamp(NumericForm, low: NumericForm, high: NumericForm)
    case round(NumericForm, places: Int, mode: RoundingMode)
    case abs(NumericForm)
    case choose(ConditionForm, then: NumericForm, else: NumericForm)
}

/// A condition over numbers, for `NumericForm.choose` and for boolean expressions.
public indirect enum ConditionForm: Sendable {
    public enum Comparison: Sendable { case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual }

    case constant(Bool)
    case compare(Comparison, NumericForm, NumericForm)
    case not(ConditionForm)
    case and(ConditionForm, ConditionForm)
    case or(ConditionForm, ConditionForm)
}

extension CheckedExpression {
    /// The expression as a `NumericForm`, when it is a number made only of the shapes that form
    /// has; `resolve` gives a number for each name read (nil for a name that is not a plain
    /// number, which makes the whole expression unsuitable). Nil when it is not such an expression.
    /// A checked expression's source parsed once already, so parsing it again cannot fail; were
    /// it to, the expression would only lose this faster form, not its meaning.
    public func numericForm(resolving resolve: (String) -> Int?) -> NumericForm? {
        guard type.isNumber, let tree = try? Parser.parse(Array(source.unicodeScalars)) else { return nil }
        return withoutActuallyEscaping(resolve) { NumericLowering(resolve: $0).number(tree) }
    }

    /// The expression as a `ConditionForm`, when it is a condition of that shape.
    public func conditionForm(resolving resolve: (String) -> Int?) -> ConditionForm? {
        guard type == .boolean, let tree = try? Parser.parse(Array(source.unicodeScalars)) else { return nil }
        return withoutActuallyEscaping(resolve) { NumericLowering(resolve: $0).condition(tree) }
    }
}

/// Reads a parsed expression again as a numeric form. The checker has accepted it already, so
/// only the shapes are looked at here, not the types (a name resolves only if it is a number).
private struct NumericLowering {
    let resolve: (String) -> Int?

    func number(_ node: Syntax) -> NumericForm? {
        switch node.kind {
        case .number(let value, _):
            return .constant(value)
        case .name(let name):
            return resolve(name).map(NumericForm.read)
        case .unary(.negate, let operand):
            return number(operand).map(NumericForm.negate)
        case .binary(let op, let left, let right):
            guard let a = number(left), let b = number(right) else { return nil }
            switch op {
            case .add: return .add(a, b)
            case .subtract: return .subtract(a, b)
            case .multiply: return .multiply(a, b)
            case .divide: return .divide(a, b)
            default: return nil
            }
        case .conditional(let test, let yes, let no):
            guard let c = condition(test), let a = number(yes), let b = number(no) else { return nil }
            return .choose(c, then: a, else: b)
        case .call(let name, _, let arguments):
            return call(name, arguments)
        default:
            return nil
        }
    }

    private func call(_ name: String, _ arguments: [Syntax]) -> NumericForm? {
        switch name {
        case "min", "max":
            var forms: [NumericForm] = []
            for argument in arguments {
                guard let form = number(argument) else { return nil }
                forms.append(form)
            }
            guard forms.count >= 2 else { return nil }
            return name == "min" ? .minimum(forms) : .maximum(forms)
        case "clamp":
            guard arguments.count == 3, let x = number(arguments[0]), let low = number(arguments[1]),
                let high = number(arguments[2])
            else { return nil }
            return .clamp(x, low: low, high: high)
        case "round":
            guard (2...3).contains(arguments.count), let x = number(arguments[0]),
                case .number(let places, isInteger: true) = arguments[1].kind,
                places >= .zero, places <= ExactDecimal(ExactDecimal.maxScale)
            else { return nil }
            var mode = RoundingMode.halfUp
            if arguments.count == 3 {
                guard case .string(let text) = arguments[2].kind, let chosen = RoundingMode(rawValue: text) else { return nil }
                mode = chosen
            }
            return .round(x, places: Int(places.coefficient), mode: mode)
        case "abs":
            guard arguments.count == 1, let x = number(arguments[0]) else { return nil }
            return .abs(x)
        case "floor", "ceil":
            guard arguments.count == 1, let x = number(arguments[0]) else { return nil }
            return .round(x, places: 0, mode: name == "floor" ? .floor : .ceiling)
        default:
            return nil
        }
    }

    func condition(_ node: Syntax) -> ConditionForm? {
        switch node.kind {
        case .boolean(let flag):
            return .constant(flag)
        case .unary(.not, let operand):
            return condition(operand).map(ConditionForm.not)
        case .binary(let op, let left, let right):
            switch op {
            case .and, .or:
                guard let a = condition(left), let b = condition(right) else { return nil }
                return op == .and ? .and(a, b) : .or(a, b)
            case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
                guard let a = number(left), let b = number(right) else { return nil }
                let comparison: ConditionForm.Comparison =
                    switch op {
                    case .equal: .equal
                    case .notEqual: .notEqual
                    case .less: .less
                    case .lessOrEqual: .lessOrEqual
                    case .greater: .greater
                    default: .greaterOrEqual
                    }
                return .compare(comparison, a, b)
            default:
                return nil
            }
        default:
            return nil
        }
    }
}
