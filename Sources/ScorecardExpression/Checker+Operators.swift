import ScorecardBase

/// Type rules and code for `or and == != < <= > >= + - * /`.
extension Checker {
    mutating func binary(
        _ op: Syntax.BinaryOperator, _ leftNode: Syntax, _ rightNode: Syntax, _ node: Syntax
    ) throws(ExpressionError) -> Checked {
        let left = try check(leftNode), right = try check(rightNode)
        switch op {
        case .or, .and:
            let a = try boolean(left, for: op.rawValue), b = try boolean(right, for: op.rawValue)
            let code: Code<Bool>
            if op == .or {
                code = { f throws(EvaluationError) in
                    if try a(&f) { return true }
                    return try b(&f)
                }
            } else {
                code = { f throws(EvaluationError) in
                    if try !a(&f) { return false }
                    return try b(&f)
                }
            }
            return Checked(type: .boolean, code: .boolean(code), syntax: node)
        case .add, .subtract, .multiply, .divide:
            return try arithmetic(op, left, right, node)
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual:
            return Checked(type: .boolean, code: .boolean(try comparison(op, left, right)), syntax: node)
        }
    }

    private func arithmetic(
        _ op: Syntax.BinaryOperator, _ left: Checked, _ right: Checked, _ node: Syntax
    ) throws(ExpressionError) -> Checked {
        let hint = "\(op.rawValue) 只能用于数字"
        guard case .number(let a) = left.code else {
            throw typeError(left.syntax, left.type, needs: "数字", hint: hint)
        }
        guard case .number(let b) = right.code else {
            throw typeError(right.syntax, right.type, needs: "数字", hint: hint)
        }
        let overflow = ExpressionMessages.overflow(text(node), at: node)
        let code: Code<ExactDecimal>
        switch op {
        case .add:
            code = { f throws(EvaluationError) in
                let x = try a(&f), y = try b(&f)
                do throws(DecimalError) { return try x.adding(y) } catch { throw overflow }
            }
        case .subtract:
            code = { f throws(EvaluationError) in
                let x = try a(&f), y = try b(&f)
                do throws(DecimalError) { return try x.subtracting(y) } catch { throw overflow }
            }
        case .multiply:
            code = { f throws(EvaluationError) in
                let x = try a(&f), y = try b(&f)
                do throws(DecimalError) { return try x.multiplying(by: y) } catch { throw overflow }
            }
        default:
            let byZero = ExpressionMessages.divisionByZero(text(right.syntax), at: right.syntax)
            code = { f throws(EvaluationError) in
                let x = try a(&f), y = try b(&f)
                do throws(DecimalError) { return try x.dividing(by: y) } catch {
                    throw error == .divisionByZero ? byZero : overflow
                }
            }
        }
        let type: ValueType = op == .divide ? .decimal : Checker.unify(left.type, right.type)
        return Checked(type: type, code: .number(code), syntax: node)
    }

    private func comparison(
        _ op: Syntax.BinaryOperator, _ left: Checked, _ right: Checked
    ) throws(ExpressionError) -> Code<Bool> {
        let ordered = op != .equal && op != .notEqual
        switch (left.code, right.code) {
        case let (.number(a), .number(b)):
            return Checker.compare(op, a, b)
        case let (.date(a), .date(b)):
            return Checker.compare(op, a, b)
        case let (.string(a), .string(b)) where !ordered:
            try checkChoice(left, against: right)
            try checkChoice(right, against: left)
            return Checker.equate(op, a, b)
        case let (.boolean(a), .boolean(b)) where !ordered:
            return Checker.equate(op, a, b)
        default:
            if ordered, left.type == right.type {
                throw ExpressionMessages.unordered(left.type, op, offset: left.syntax.offset, length: right.syntax.end - left.syntax.offset)
            }
            throw ExpressionMessages.incomparable(left.type, text(left.syntax), right.type, text(right.syntax), at: right.syntax)
        }
    }

    /// `level == "旷"`: a word the compared name can never hold is a typo, not a test.
    private func checkChoice(_ named: Checked, against literal: Checked) throws(ExpressionError) {
        guard case .name(let name) = named.syntax.kind, case .string(let word) = literal.syntax.kind,
            let choices = choices(of: name), !choices.contains(word)
        else { return }
        let suggestion = NameSuggestion.closest(to: word, among: choices)
        throw ExpressionMessages.unknownChoice(word, of: name, choices: choices, suggestion: suggestion, at: literal.syntax)
    }

    /// `==` / `!=` code for text and booleans.
    private static func equate<T: Equatable & Sendable>(
        _ op: Syntax.BinaryOperator, _ a: @escaping Code<T>, _ b: @escaping Code<T>
    ) -> Code<Bool> {
        if op == .equal {
            return { f throws(EvaluationError) in
                let x = try a(&f), y = try b(&f)
                return x == y
            }
        }
        return { f throws(EvaluationError) in
            let x = try a(&f), y = try b(&f)
            return x != y
        }
    }

    /// Comparison code for numbers and dates.
    private static func compare<T: Comparable & Sendable>(
        _ op: Syntax.BinaryOperator, _ a: @escaping Code<T>, _ b: @escaping Code<T>
    ) -> Code<Bool> {
        switch op {
        case .equal:
            return { f throws(EvaluationError) in
                let x = try a(&f), y = try b(&f)
                return x == y
            }
        case .notEqual:
            return { f throws(EvaluationError) in
                let x = try a(&f), y = try b(&f)
                return x != y
            }
        case .less:
            return { f throws(EvaluationError) in
                let x = try a(&f), y = try b(&f)
                return x < y
            }
        case .lessOrEqual:
            return { f throws(EvaluationError) in
                let x = try a(&f), y = try b(&f)
                return x <= y
            }
        case .greater:
            return { f throws(EvaluationError) in
                let x = try a(&f), y = try b(&f)
                return x > y
            }
        default:
            return { f throws(EvaluationError) in
                let x = try a(&f), y = try b(&f)
                return x >= y
            }
        }
    }
}
