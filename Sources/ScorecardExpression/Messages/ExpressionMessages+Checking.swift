import ScorecardBase

/// Names, types, functions and choices (`Checker`), and what a checked expression can meet when
/// it is evaluated (`EvaluationError`). `text` is the expression's own text of the node named.
extension ExpressionMessages {
    // MARK: Types

    /// `text` is of `type` where `needs` is required.
    static func typeMismatch(_ text: String, is type: ValueType, needs: String, hint: String?, at node: Syntax) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.typeMismatch, message: "“\(text)”是\(type)，这里需要\(needs)",
            hint: hint, offset: node.offset, length: node.length)
    }

    /// The whole expression is of `type` where `wanted` is required.
    static func typeExpected(_ type: ValueType, wanted: String, condition: Bool, at node: Syntax) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.typeExpected, message: "这个表达式的结果是\(type)，这里需要\(wanted)",
            hint: condition ? "条件要写成比较，例如 reports_due > 0" : nil,
            offset: node.offset, length: node.length)
    }

    static func branchTypes(then yes: ValueType, else no: ValueType, at node: Syntax) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.typeBranches,
            message: "then 后面的值是\(yes)，else 后面的值是\(no)，两者类型必须相同",
            hint: "请让两个分支都给出\(yes)", offset: node.offset, length: node.length)
    }

    /// `<`, `>`… between two values of a `type` that has no order, spanning both sides.
    static func unordered(_ type: ValueType, _ op: Syntax.BinaryOperator, offset: Int, length: Int) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.typeMismatch, message: "\(type)之间不能用 \(op.rawValue) 比较大小",
            hint: "\(type)只能用 == 或 != 比较", offset: offset,
            length: length)
    }

    static func incomparable(_ left: ValueType, _ leftText: String, _ right: ValueType, _ rightText: String, at node: Syntax)
        -> ExpressionError
    {
        ExpressionError(
            code: ExpressionCode.typeMismatch,
            message: "不能把\(left)“\(leftText)”和\(right)“\(rightText)”相比较",
            hint: "比较的两边必须是同一类值", offset: node.offset, length: node.length)
    }

    // MARK: Names and choices

    /// A field's Chinese `name` written where its `id` belongs.
    static func nameIsLabel(_ name: String, id: String, at node: Syntax) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.nameLabel, message: "“\(name)”是“\(id)”的中文名称，表达式里要写编号",
            hint: "把“\(name)”改为 \(id)：中文名称用于表头和报表，公式只认编号（改了名称，公式不受影响）",
            offset: node.offset, length: node.length)
    }

    static func unknownName(_ name: String, keywordLike: Bool, suggestion: String?, at node: Syntax) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.nameUnknown, message: "不认识的名称“\(name)”",
            hint: keywordLike ? "关键字 \(name.lowercased()) 必须全部小写" : "请检查拼写，或确认这个名称已在规则中定义",
            offset: node.offset, length: node.length
        ).suggesting(suggestion)
    }

    static func unknownChoice(_ word: String, of name: String, choices: [String], suggestion: String?, at node: Syntax)
        -> ExpressionError
    {
        ExpressionError(
            code: ExpressionCode.choiceUnknown, message: "“\(word)”不是“\(name)”可能的取值",
            hint: "可选：\(choices.joined(separator: "、"))",
            offset: node.offset, length: node.length
        ).suggesting(suggestion, keepingHint: true)
    }

    // MARK: Functions

    /// `name` called with `count` arguments where `shown` are allowed; `usage` says how to call it.
    static func arity(_ name: String, shown: String, count: Int, usage: String?, at node: Syntax) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.functionArity,
            message: "函数 \(name) 需要\(shown)参数，这里给了 \(count) 个",
            hint: usage, offset: node.offset, length: node.length)
    }

    static func dateArgument(at node: Syntax) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.functionArgument, message: "date 的参数必须是直接写出的日期文本",
            hint: "例如 date(\"2025-03-31\")", offset: node.offset, length: node.length)
    }

    static func roundPlaces(at node: Syntax) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.functionArgument,
            message: "round 的第 2 个参数（小数位数）必须是直接写出的 0 到 \(ExactDecimal.maxScale) 的整数",
            hint: "例如 round(x, 2)", offset: node.offset, length: node.length)
    }

    /// `names` are the rounding modes, as they are written.
    static func roundMode(names: String, at node: Syntax) -> ExpressionError {
        ExpressionError(
            code: ExpressionCode.functionArgument, message: "round 的第 3 个参数必须是直接写出的舍入方式",
            hint: "可选：\(names)", offset: node.offset, length: node.length)
    }

    /// No function `name`; `functions` are those there are, `length` the name's own.
    static func unknownFunction(_ name: String, functions: [String], suggestion: String?, at node: Syntax, length: Int)
        -> ExpressionError
    {
        ExpressionError(
            code: ExpressionCode.functionUnknown, message: "没有名为“\(name)”的函数",
            hint: "可用的函数有：" + functions.joined(separator: "、"),
            offset: node.offset, length: length
        ).suggesting(suggestion)
    }

    // MARK: Evaluation

    /// No value recorded for `name`; `what` says where it was looked for, if not the record.
    static func missingValue(_ name: String, _ what: String, at node: Syntax) -> EvaluationError {
        EvaluationError(code: ExpressionCode.evalMissing, message: "没有记录“\(name)”的值\(what)", offset: node.offset, length: node.length)
    }

    static func wrongValueType(_ name: String, _ type: ValueType, at node: Syntax) -> EvaluationError {
        EvaluationError(code: ExpressionCode.evalType, message: "“\(name)”的值不是\(type)", offset: node.offset, length: node.length)
    }

    static func wrongElementType(_ name: String, _ type: ValueType, at node: Syntax) -> EvaluationError {
        EvaluationError(
            code: ExpressionCode.evalType, message: "列表元素中“\(name)”的值不是\(type)",
            offset: node.offset, length: node.length)
    }

    /// `text`, the expression at `node`, past what a decimal holds.
    static func overflow(_ text: String, at node: Syntax) -> EvaluationError {
        EvaluationError(code: ExpressionCode.evalOverflow, message: "“\(text)”的结果超出了可计算的范围", offset: node.offset, length: node.length)
    }

    /// The divisor `text` (at `node`) is 0.
    static func divisionByZero(_ text: String, at node: Syntax) -> EvaluationError {
        EvaluationError(code: ExpressionCode.evalDivisionByZero, message: "除数“\(text)”的值为 0，不能相除", offset: node.offset, length: node.length)
    }

    static func clampRange(at node: Syntax) -> EvaluationError {
        EvaluationError(code: ExpressionCode.evalClampRange, message: "clamp 的下限大于上限", offset: node.offset, length: node.length)
    }
}
