/// What type the caller requires of an expression's result (a condition must be 是/否,
/// a score must be a number).
public enum ExpectedType: Sendable {
    case any
    /// Integer or decimal.
    case number
    case boolean
    case string
    /// This type; `.exactly(.decimal)` also accepts an integer, which widens.
    case exactly(ValueType)
}

/// Entry point: text → checked, compiled expression.
public enum Expression {
    /// Parses, checks against `environment` and compiles `source`. Throws the first problem,
    /// with its place in `source` in Unicode scalars.
    public static func compile(
        _ source: String, in environment: ExpressionEnvironment, expecting expected: ExpectedType = .any
    ) throws(ExpressionError) -> CheckedExpression {
        let scalars = Array(source.unicodeScalars)
        let tree = try Parser.parse(scalars)
        var checker = Checker(environment: environment, scalars: scalars)
        let checked = try checker.check(tree)
        let type = try resolve(checked.type, expected, checker.text(tree), tree)
        return CheckedExpression(
            source: source, type: type, readNames: checker.readNames.sorted(), readElementNames: checker.readElementNames.sorted(),
            code: checked.code, canonicalForm: CanonicalForm.render(tree))
    }

    private static func resolve(
        _ type: ValueType, _ expected: ExpectedType, _ text: String, _ tree: Syntax
    ) throws(ExpressionError) -> ValueType {
        let wanted: String
        switch expected {
        case .any: return type
        case .number:
            if type.isNumber { return type }
            wanted = "数字"
        case .boolean:
            if type == .boolean { return type }
            wanted = "是/否（条件）"
        case .string:
            if type == .string { return type }
            wanted = "文本"
        case .exactly(let required):
            if type == required { return type }
            if required == .decimal && type == .integer { return .decimal }
            wanted = required.description
        }
        throw ExpressionMessages.typeExpected(type, wanted: wanted, condition: expected.isBoolean, at: tree)
    }
}

extension ExpectedType {
    var isBoolean: Bool {
        if case .boolean = self { return true }
        if case .exactly(.boolean) = self { return true }
        return false
    }
}
