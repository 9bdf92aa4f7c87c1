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
        ExpressionError(
            code: ExpressionCode.typeMismatch, message: "“\(text(node))”是\(type)，这里需要\(needs)",
            hint: hint, offset: node.offset, length: node.length)
    }

    func evaluationError(_ code: ExpressionCode, _ message: String, at node: Syntax) -> EvaluationError {
        EvaluationError(code: code, message: message, offset: node.offset, length: node.length)
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
            EvaluationError(code: ExpressionCode.evalMissing, message: "没有记录“\(name)”的值\(what)", offset: node.offset, length: node.length)
        }
        for depth in scopes.indices.reversed() {
            if let index = scopes[depth].fields.firstIndex(where: { $0.name == name }) {
                let type = scopes[depth].fields[index].type
                let failures = Extract.Failures(
                    missing: missing("（列表元素中缺少这一项）"),
                    wrongType: EvaluationError(
                        code: ExpressionCode.evalType, message: "列表元素中“\(name)”的值不是\(type)",
                        offset: node.offset, length: node.length))
                return Checked(type: type, code: Extract.field(index, depth: depth, type: type, failures), syntax: node)
            }
        }
        guard let entry = environment.lookup(name) else {
            if let id = environment.name(labelled: name) {
                throw ExpressionError(
                    code: ExpressionCode.nameLabel, message: "“\(name)”是“\(id)”的中文名称，表达式里要写编号",
                    hint: "把“\(name)”改为 \(id)：中文名称用于表头和报表，公式只认编号（改了名称，公式不受影响）",
                    offset: node.offset, length: node.length)
            }
            var candidates = environment.names
            for scope in scopes { candidates += scope.fields.map(\.name) }
            let suggestion = NameSuggestion.closest(to: name, among: candidates)
            let isKeywordLike = Token.Keyword(rawValue: name.lowercased()) != nil
            throw ExpressionError(
                code: ExpressionCode.nameUnknown, message: "不认识的名称“\(name)”",
                hint: isKeywordLike ? "关键字 \(name.lowercased()) 必须全部小写" : "请检查拼写，或确认这个名称已在规则中定义",
                offset: node.offset, length: node.length
            ).suggesting(suggestion)
        }
        readNames.insert(name)
        let failures = Extract.Failures(
            missing: missing(""),
            wrongType: EvaluationError(
                code: ExpressionCode.evalType, message: "“\(name)”的值不是\(entry.type)", offset: node.offset, length: node.length))
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
            throw ExpressionError(
                code: ExpressionCode.typeBranches,
                message: "then 后面的值是\(yes.type)，else 后面的值是\(no.type)，两者类型必须相同",
                hint: "请让两个分支都给出\(yes.type)", offset: whenFalse.offset, length: whenFalse.length)
        }
    }
}
