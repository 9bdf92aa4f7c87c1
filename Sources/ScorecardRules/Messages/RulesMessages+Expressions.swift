import ScorecardBase
import ScorecardExpression

/// Expressions written in a rule file (`ExpressionReading`). `what` names the place, e.g. 项目 i01 的公式.
extension RulesMessages {
    static func expectedExpression(_ what: String, found: String, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.expectedExpression, "\(what) 应当是一个表达式（一行文字），这里却是\(found)", hint: "把表达式写在冒号后的同一行",
            at: location)
    }

    static func emptyExpression(_ what: String, at location: SourceLocation) -> Diagnostic {
        .error(RulesCode.emptyValue, "\(what) 不能为空", hint: "写一个表达式，如 reports_on_time <= reports_due", at: location)
    }

    /// The expression layer's own problem, placed in the file; `hint` is for errors without advice.
    static func badExpression(_ what: String, _ error: ExpressionError, hint: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic.error(error.code, "\(what)：\(error.message)", hint: hint, at: location)
            .passingOn(error.suggestion, advice: error.advice, replacing: location)
    }
}
