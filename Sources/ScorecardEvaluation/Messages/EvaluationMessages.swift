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

    /// The sums a quarter's totals keep, as an overflow names them.
    enum QuarterSum {
        case unitScores(String), unitRewards(String), managerScores(String), managerRewards(String), fund(String), rewards

        var words: String {
            switch self {
            case .unitScores(let unit): "单位“\(unit)”的总分合计"
            case .unitRewards(let unit): "单位“\(unit)”的奖励合计"
            case .managerScores(let name): "汇报对象“\(name)”的总分合计"
            case .managerRewards(let name): "汇报对象“\(name)”的奖励合计"
            case .fund(let fund): "经费“\(fund)”的合计"
            case .rewards: "奖励合计"
            }
        }
    }

    /// One of a quarter's sums past what a decimal holds: reported once for the quarter.
    static func overflow(_ sum: QuarterSum) -> Diagnostic { overflow(sum.words, at: nil) }
}
