import ScorecardBase
import ScorecardRules

/// The year-end assessment and the comparison of two versions on a quarter.
extension EvaluationMessages {
    /// Why there can be no annual ranking under `policy`.
    static func annualNoRules(_ policy: Policy) -> Diagnostic {
        .error(
            EvaluationCode.annualNoRules, "规则版本 \(policy.metadata.version) 中没有 annual 一节，无法进行年度评选",
            hint: "在年末所用的规则版本中加上 annual 一节（见 docs/rules.md 3.11）", at: policy.metadata.location)
    }

    /// A share of the ranked officers whose product cannot be computed: no one is excellent.
    static func excellentShareOverflow(ranked: Int, share: ExactDecimal, at location: SourceLocation) -> Diagnostic {
        .error(
            EvaluationCode.overflow, "优秀名额（参评 \(ranked) 人 × share: \(share.normalized)）超出可计算的范围，无法确定优秀名额",
            hint: "share 写 0 到 1 之间的比例，如 0.2", at: location)
    }

    static func impactOverflow(_ quarter: Quarter) -> Diagnostic {
        .error(EvaluationCode.impactOverflow, "\(quarter) 的结果超出可计算的范围，无法比较两个版本", at: nil)
    }
}
