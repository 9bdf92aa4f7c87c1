import ScorecardBase

/// The wording of every problem met evaluating a quarter or a year, beside the code it carries
/// (`EvaluationCode`): call sites say which situation, the catalog says it in words. Split by
/// topic into `EvaluationMessages+Topic.swift`.
package enum EvaluationMessages {
    /// The rules had errors, so nothing can run under them; `what` says what could not run.
    package static func unusableRules(_ what: String = "无法使用", at location: SourceLocation? = nil) -> Diagnostic {
        .error(EvaluationCode.rulesUnusable, "规则有错误，\(what)", hint: "先用 scorecard check 改正规则", at: location)
    }

    /// A sum or a figure past what an exact decimal holds; `what` names it (its owner first).
    static func overflow(_ what: String, at location: SourceLocation?) -> Diagnostic {
        .error(EvaluationCode.overflow, "\(what)超出可计算的范围", hint: "检查规则中的分值和奖励金额是否大得不合常理", at: location)
    }
}
