import ScorecardBase

/// The built-in functions: their arity, argument types and code.
extension Checker {
    static let functionNames = [
        "min", "max", "clamp", "round", "abs", "floor", "ceil", "count", "sum", "any", "all", "date",
    ]

    mutating func call(
        _ name: String, nameLength: Int, _ arguments: [Syntax], _ node: Syntax
    ) throws(ExpressionError) -> Checked {
        func arity(_ allowed: ClosedRange<Int>, _ shown: String) throws(ExpressionError) {
            guard !allowed.contains(arguments.count) else { return }
            throw ExpressionMessages.arity(name, shown: shown, count: arguments.count, usage: Checker.usage[name], at: node)
        }
        switch name {
        case "min", "max":
            try arity(2...Int.max, "至少 2 个")
            return try extremum(isMin: name == "min", arguments, node)
        case "clamp":
            try arity(3...3, " 3 个")
            return try clamp(arguments, node)
        case "round":
            try arity(2...3, " 2 或 3 个")
            return try round(arguments, node)
        case "abs", "floor", "ceil":
            try arity(1...1, " 1 个")
            let x = try check(arguments[0])
            let code = try number(x, for: name)
            switch name {
            case "abs":
                return Checked(
                    type: x.type,
                    code: .number { f throws(EvaluationError) in
                        let v = try code(&f)
                        return v.isNegative ? v.negated : v
                    }, syntax: node)
            default:
                let mode: RoundingMode = name == "floor" ? .floor : .ceiling
                return Checked(
                    type: .integer,
                    code: .number { f throws(EvaluationError) in
                        try code(&f).rounded(scale: 0, mode)
                    }, syntax: node)
            }
        case "count":
            try arity(1...2, " 1 或 2 个")
            return try listFunction(name, arguments, node)
        case "sum", "any", "all":
            try arity(2...2, " 2 个")
            return try listFunction(name, arguments, node)
        case "date":
            try arity(1...1, " 1 个")
            guard case .string(let text) = arguments[0].kind, let day = LocalDate(text) else {
                throw ExpressionMessages.dateArgument(at: arguments[0])
            }
            return Checked(type: .date, code: .date { _ in day }, syntax: node)
        default:
            let suggestion = NameSuggestion.closest(to: name, among: Checker.functionNames)
            throw ExpressionMessages.unknownFunction(
                name, functions: Checker.functionNames, suggestion: suggestion, at: node, length: nameLength)
        }
    }

    static let usage: [String: String] = [
        "min": "写法：min(a, b, ...)", "max": "写法：max(a, b, ...)", "clamp": "写法：clamp(值, 下限, 上限)",
        "round": "写法：round(值, 小数位数) 或 round(值, 小数位数, \"half-even\")",
        "abs": "写法：abs(值)", "floor": "写法：floor(值)", "ceil": "写法：ceil(值)",
        "count": "写法：count(列表) 或 count(列表, 条件)", "sum": "写法：sum(列表, 值)",
        "any": "写法：any(列表, 条件)", "all": "写法：all(列表, 条件)", "date": "写法：date(\"2025-03-31\")",
    ]

    private mutating func extremum(isMin: Bool, _ arguments: [Syntax], _ node: Syntax) throws(ExpressionError) -> Checked {
        let checked = try arguments.map { (argument) throws(ExpressionError) in try check(argument) }
        let name = isMin ? "min" : "max"
        if checked[0].type == .date {
            var codes: [Code<LocalDate>] = []
            for argument in checked {
                guard case .date(let code) = argument.code else {
                    throw typeError(argument.syntax, argument.type, needs: "日期", hint: "\(name) 的参数必须都是数字或都是日期")
                }
                codes.append(code)
            }
            let dateCodes = codes
            return Checked(
                type: .date,
                code: .date { f throws(EvaluationError) in
                    var best = try dateCodes[0](&f)
                    for code in dateCodes.dropFirst() {
                        let v = try code(&f)
                        if isMin ? v < best : v > best { best = v }
                    }
                    return best
                }, syntax: node)
        }
        var codes: [Code<ExactDecimal>] = []
        var type = ValueType.integer
        for argument in checked {
            codes.append(try number(argument, for: name))
            type = Checker.unify(type, argument.type)
        }
        let numberCodes = codes
        return Checked(
            type: type,
            code: .number { f throws(EvaluationError) in
                var best = try numberCodes[0](&f)
                for code in numberCodes.dropFirst() {
                    let v = try code(&f)
                    if isMin ? v < best : v > best { best = v }
                }
                return best
            }, syntax: node)
    }

    private mutating func clamp(_ arguments: [Syntax], _ node: Syntax) throws(ExpressionError) -> Checked {
        let x = try check(arguments[0]), lo = try check(arguments[1]), hi = try check(arguments[2])
        let cx = try number(x, for: "clamp"), clo = try number(lo, for: "clamp"), chi = try number(hi, for: "clamp")
        let inverted = ExpressionMessages.clampRange(at: node)
        return Checked(
            type: Checker.unify(Checker.unify(x.type, lo.type), hi.type),
            code: .number { f throws(EvaluationError) in
                let v = try cx(&f), low = try clo(&f), high = try chi(&f)
                guard low <= high else { throw inverted }
                return v < low ? low : (v > high ? high : v)
            }, syntax: node)
    }

    private mutating func round(_ arguments: [Syntax], _ node: Syntax) throws(ExpressionError) -> Checked {
        let x = try check(arguments[0])
        let code = try number(x, for: "round")
        guard case .number(let placesValue, isInteger: true) = arguments[1].kind,
            placesValue <= ExactDecimal(ExactDecimal.maxScale)
        else {
            throw ExpressionMessages.roundPlaces(at: arguments[1])
        }
        let places = Int(placesValue.coefficient)
        var mode = RoundingMode.halfUp
        if arguments.count == 3 {
            let names = RoundingMode.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: "、")
            guard case .string(let text) = arguments[2].kind, let chosen = RoundingMode(rawValue: text) else {
                throw ExpressionMessages.roundMode(names: names, at: arguments[2])
            }
            mode = chosen
        }
        let chosenMode = mode
        return Checked(
            type: x.type,
            code: .number { f throws(EvaluationError) in
                try code(&f).rounded(scale: places, chosenMode)
            }, syntax: node)
    }

    /// `count`, `sum`, `any`, `all`: the second argument is checked with the element's fields
    /// in scope, and evaluated once per element at nesting depth `scopes.count`.
    private mutating func listFunction(_ name: String, _ arguments: [Syntax], _ node: Syntax) throws(ExpressionError) -> Checked {
        let list = try check(arguments[0])
        guard case .list(let items) = list.code, case .list(let record) = list.type else {
            throw typeError(list.syntax, list.type, needs: "列表", hint: Checker.usage[name])
        }
        if arguments.count == 1 {
            return Checked(
                type: .integer,
                code: .number { f throws(EvaluationError) in
                    ExactDecimal(try items(&f).count)
                }, syntax: node)
        }
        let depth = scopes.count
        scopes.append(record)
        let inner = try check(arguments[1])
        scopes.removeLast()
        if name == "sum" {
            let value = try number(inner, for: "sum 的第 2 个参数")
            let overflow = ExpressionMessages.overflow(text(node), at: node)
            return Checked(
                type: inner.type,
                code: .number { f throws(EvaluationError) in
                    let elements = try items(&f)
                    f.elements.append([])
                    defer { f.elements.removeLast() }
                    var total = ExactDecimal.zero
                    for element in elements {
                        f.elements[depth] = element
                        let v = try value(&f)
                        do throws(DecimalError) { total = try total.adding(v) } catch { throw overflow }
                    }
                    return total
                }, syntax: node)
        }
        let test = try boolean(inner, for: "\(name) 的第 2 个参数")
        switch name {
        case "any":
            return Checked(
                type: .boolean,
                code: .boolean { f throws(EvaluationError) in
                    let elements = try items(&f)
                    f.elements.append([])
                    defer { f.elements.removeLast() }
                    for element in elements {
                        f.elements[depth] = element
                        if try test(&f) { return true }
                    }
                    return false
                }, syntax: node)
        case "all":
            return Checked(
                type: .boolean,
                code: .boolean { f throws(EvaluationError) in
                    let elements = try items(&f)
                    f.elements.append([])
                    defer { f.elements.removeLast() }
                    for element in elements {
                        f.elements[depth] = element
                        if try !test(&f) { return false }
                    }
                    return true
                }, syntax: node)
        default:
            break
        }
        return Checked(
            type: .integer,
            code: .number { f throws(EvaluationError) in
                let elements = try items(&f)
                f.elements.append([])
                defer { f.elements.removeLast() }
                var n = 0
                for element in elements {
                    f.elements[depth] = element
                    if try test(&f) { n += 1 }
                }
                return ExactDecimal(n)
            }, syntax: node)
    }
}
