import ScorecardBase
import ScorecardEvidence
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

    /// The sums of a year, as an overflow names them.
    enum YearSum {
        case officerRewards(Officer, year: Int), groupRewards(String, year: Int), fundTotal(String, year: Int)
        case quarterlyRewards(year: Int), yearEndRewards(year: Int), rewards(year: Int)
        case officerQuarterScores(Officer, year: Int), officerQuarterlyRewards(Officer, year: Int)
        case officerAverage(Officer), officerScaled(Officer)
        case groupScores(String), groupQuarterlyRewards(String), groupYearEndRewards(String)
        case fundQuarterlyRewards(String), yearEndRewardTotal(String)

        var words: String {
            switch self {
            case .officerRewards(let officer, let year): "\(who(officer))\(year) 年的奖励合计"
            case .groupRewards(let group, let year): "“\(group)”\(year) 年的奖励合计"
            case .fundTotal(let fund, let year): "资金“\(fund)”\(year) 年的合计"
            case .quarterlyRewards(let year): "\(year) 年的季度奖励合计"
            case .yearEndRewards(let year): "\(year) 年的年终奖励合计"
            case .rewards(let year): "\(year) 年的奖励合计"
            case .officerQuarterScores(let officer, let year): "\(who(officer))\(year) 年各季度成绩之和"
            case .officerQuarterlyRewards(let officer, let year): "\(who(officer))\(year) 年的季度奖励之和"
            case .officerAverage(let officer): "\(who(officer))的年度平均成绩"
            case .officerScaled(let officer): "\(who(officer))折算为四个季度的年度成绩"
            case .groupScores(let group): "“\(group)”的年度成绩之和"
            case .groupQuarterlyRewards(let group): "“\(group)”的季度奖励之和"
            case .groupYearEndRewards(let group): "“\(group)”的年终奖励之和"
            case .fundQuarterlyRewards(let fund): "资金“\(fund)”的季度奖励之和"
            case .yearEndRewardTotal(let title): "\(title)的合计"
            }
        }

        private func who(_ officer: Officer) -> String { "联系员 \(officer.id)（\(officer.name)）" }
    }

    static func overflow(_ sum: YearSum, at location: SourceLocation?) -> Diagnostic { overflow(sum.words, at: location) }
}
