import ScorecardBase

/// The result of checking one subexpression: its type and the code that computes it.
struct Checked {
    var type: ValueType
    var code: Compiled
    var syntax: Syntax
}

/// Resolves names to slots, checks types and compiles the tree in one pass.
struct Checker {
    let environment: ExpressionEnvironment
    let scalars: [Unicode.Scalar]
    /// Element types of the list functions we are inside, outermost first.
    var scopes: [RecordType] = []
    /// Outer-environment names the expression reads.
    var readNames: Set<String> = []
    /// Fields of list elements the expression reads (inside `count`, `sum`, `any`, `all`).
    var readElementNames: Set<String> = []

    init(environment: ExpressionEnvironment, scalars: [Unicode.Scalar]) {
        self.environment = environment
        self.scalars = scalars
    }

    /// The source text of a node, shortened for messages.
    func text(_ node: Syntax) -> String {
        let end = min(node.end, scalars.count)
        guard node.offset < end else { return "" }
        var result = ""
        let shown = min(end, node.offset + 30)
        result.unicodeScalars.append(contentsOf: scalars[node.offset..<shown])
        return shown < end ? result + "…" : result
    }

    func typeError(_ node: Syntax, _ type: ValueType, needs: String, hint: String? = nil) -> ExpressionError {
        ExpressionMessages.typeMismatch(text(node), is: type, needs: needs, hint: hint, at: node)
    }

    mutating func check(_ node: Syntax) throws(ExpressionError) -> Checked {
        switch node.kind {
        case .number(let value, let isInteger):
            return Checked(type: isInteger ? .integer : .decimal, code: .number { _ in value }, syntax: node)
        case .string(let text):
            return Checked(type: .string, code: .string { _ in text }, syntax: node)
        case .boolean(let flag):
            return Checked(type: .boolean, code: .boolean { _ in flag }, syntax: node)
        case .name(let name):
            return try resolve(name, node)
        case .unary(.negate, let operand):
            let checked = try check(operand)
            let code = try number(checked, for: "取负（-）")
            return Checked(type: checked.type, code: .number { f throws(EvaluationError) in try code(&f).negated }, syntax: node)
        case .unary(.not, let operand):
            let code = try boolean(try check(operand), for: "not")
            return Checked(type: .boolean, code: .boolean { f throws(EvaluationError) in try !code(&f) }, syntax: node)
        case .binary(let op, let left, let right):
            return try binary(op, left, right, node)
        case .conditional(let condition, let whenTrue, let whenFalse):
            return try conditional(condition, whenTrue, whenFalse, node)
        case .call(let name, let nameLength, let arguments):
            return try call(name, nameLength: nameLength, arguments, node)
        }
    }

    // MARK: Requiring a kind of value

    func number(_ checked: Checked, for use: String) throws(ExpressionError) -> Code<ExactDecimal> {
        if case .number(let code) = checked.code { return code }
        throw typeError(checked.syntax, checked.type, needs: "数字", hint: "\(use) 只能用于数字")
    }

    func boolean(_ checked: Checked, for use: String) throws(ExpressionError) -> Code<Bool> {
        if case .boolean(let code) = checked.code { return code }
        throw typeError(
            checked.syntax, checked.type, needs: "是/否（条件）",
            hint: "\(use) 需要一个条件，例如 reports_due > 0")
    }

    /// Integer only if both are integers; decimal otherwise.
    static func unify(_ a: ValueType, _ b: ValueType) -> ValueType {
        a == .integer && b == .integer ? .integer : .decimal
    }

    // MARK: Names

    /// The declared words a name can hold, looking through list scopes first, as `resolve` does.
    func choices(of name: String) -> [String]? {
        for scope in scopes.reversed() {
            if let field = scope.fields.first(where: { $0.name == name }) { return field.choices }
        }
        return environment.lookup(name)?.choices
    }

    private mutating func resolve(_ name: String, _ node: Syntax) throws(ExpressionError) -> Checked {
        let missing = { (what: String) in
            ExpressionMessages.missingValue(name, what, at: node)
        }
        for depth in scopes.indices.reversed() {
            if let index = scopes[depth].fields.firstIndex(where: { $0.name == name }) {
                let type = scopes[depth].fields[index].type
                readElementNames.insert(name)
                let failures = Extract.Failures(
                    missing: missing("（列表元素中缺少这一项）"),
                    wrongType: ExpressionMessages.wrongElementType(name, type, at: node))
                return Checked(type: type, code: Extract.field(index, depth: depth, type: type, failures), syntax: node)
            }
        }
        guard let entry = environment.lookup(name) else {
            if let id = environment.name(labelled: name) {
                throw ExpressionMessages.nameIsLabel(name, id: id, at: node)
            }
            var candidates = environment.names
            for scope in scopes { candidates += scope.fields.map(\.name) }
            let suggestion = NameSuggestion.closest(to: name, among: candidates)
            let isKeywordLike = Token.Keyword(rawValue: name.lowercased()) != nil
            throw ExpressionMessages.unknownName(name, keywordLike: isKeywordLike, suggestion: suggestion, at: node)
        }
        readNames.insert(name)
        let failures = Extract.Failures(
            missing: missing(""),
            wrongType: ExpressionMessages.wrongValueType(name, entry.type, at: node))
        return Checked(type: entry.type, code: Extract.slot(entry.slot, type: entry.type, failures), syntax: node)
    }

    // MARK: if … then … else

    private mutating func conditional(
        _ condition: Syntax, _ whenTrue: Syntax, _ whenFalse: Syntax, _ node: Syntax
    ) throws(ExpressionError) -> Checked {
        let test = try boolean(try check(condition), for: "if")
        let yes = try check(whenTrue), no = try check(whenFalse)
        switch (yes.code, no.code) {
        case let (.number(a), .number(b)):
            return Checked(
                type: Checker.unify(yes.type, no.type),
                code: .number { f throws(EvaluationError) in
                    try test(&f) ? try a(&f) : try b(&f)
                }, syntax: node)
        case let (.string(a), .string(b)):
            return Checked(type: .string, code: .string { f throws(EvaluationError) in try test(&f) ? try a(&f) : try b(&f) }, syntax: node)
        case let (.boolean(a), .boolean(b)):
            return Checked(
                type: .boolean, code: .boolean { f throws(EvaluationError) in try test(&f) ? try a(&f) : try b(&f) }, syntax: node)
        case let (.date(a), .date(b)):
            return Checked(type: .date, code: .date { f throws(EvaluationError) in try test(&f) ? try a(&f) : try b(&f) }, syntax: node)
        case let (.list(a), .list(b)) where yes.type == no.type:
            return Checked(type: yes.type, code: .list { f throws(EvaluationError) in try test(&f) ? try a(&f) : try b(&f) }, syntax: node)
        default:
            throw ExpressionMessages.branchTypes(then: yes.type, else: no.type, at: whenFalse)
        }
    }
}
