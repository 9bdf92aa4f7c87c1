import ScorecardBase
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// One officer's quarter: record checks, item scores, the total and the rewards.
extension EvaluationMessages {
    static func totalOverflow(of officer: Officer, at location: SourceLocation) -> Diagnostic {
        .error(EvaluationCode.overflow, "联系员 \(officer.id)（\(officer.name)）的总分超出可计算的范围", at: location)
    }

    static func rewardOverflow(of officer: Officer, reward rule: RewardRule) -> Diagnostic {
        .error(EvaluationCode.overflow, "联系员 \(officer.id) 的奖励 \(rule.id) 超出可计算的范围", at: rule.location)
    }

    /// A record check that does not hold, at the first value it reads (`place`).
    static func evidenceCheck(_ check: EvidenceCheck, of officer: Officer, at place: SourceLocation) -> Diagnostic {
        .error(
            EvaluationCode.evidenceCheck, "联系员 \(officer.id)（\(officer.name)）的记录不符合检查“\(check.id)”：\(check.message)",
            hint: "核对记录中 \(check.requirement.readNames.joined(separator: "、")) 的数值；规则写在 \(check.location)",
            at: place)
    }

    /// A check failing for want of the `absent` columns: one report for the whole table of `file`,
    /// naming no officer.
    static func evidenceCheckAbsentColumns(_ absent: [EvidenceField], check: EvidenceCheck, file: String) -> Diagnostic {
        let named = absent.map { field in "“\(field.id)”" + (field.name.map { "（\($0)）" } ?? "") }.joined(separator: "、")
        let defaults =
            absent.allSatisfy { $0.defaultValue != nil }
            ? "各行都按默认值（" + absent.map { "\($0.id) = \(shown($0.defaultValue ?? .missing))" }.joined(separator: "，") + "）计，"
            : ""
        return .error(
            EvaluationCode.evidenceCheckAbsentColumn,
            "表中没有\(named)这一列，\(defaults)记录不符合检查“\(check.id)”：\(check.message)（所有这样的行只报这一次）",
            hint: "先改正表头中写错或缺少的列名（本文件表头的其他问题），这一问题会随之消失；检查写在 \(check.location)",
            at: SourceLocation(file: file, line: 1, column: 1))
    }

    /// A default value as the absent-column message writes it.
    private static func shown(_ value: Value) -> String {
        switch value {
        case .number(let number): number.description
        case .string(let text): "“\(text)”"
        case .boolean(let yes): yes ? "是" : "否"
        case .date(let date): date.description
        case .list, .missing: "空"
        }
    }

    static func missingAssessedScore(of officer: Officer, item: borrowing Item) -> Diagnostic {
        .error(
            EvaluationCode.missingValue, "联系员 \(officer.id)（\(officer.name)）缺少项目 \(item.id) 的考核人打分",
            hint: "在记录表的 \(item.id) 列填写 0 到 \(item.points.normalized) 的分数", at: item.location)
    }

    static func itemOverflow(of officer: Officer, item: borrowing Item) -> Diagnostic {
        .error(EvaluationCode.failed, "联系员 \(officer.id) 的项目 \(item.id) 无法计算", at: item.location)
    }

    static func scoreRange(_ score: ExactDecimal, of officer: Officer, item: borrowing Item) -> Diagnostic {
        .error(
            EvaluationCode.scoreRange,
            "联系员 \(officer.id)（\(officer.name)）的项目 \(item.id) 算得 \(score)，超出本项分值 0 到 \(item.points.normalized)",
            hint: "检查本项的公式或条件得分", at: item.scoring.location)
    }

    static func notNumber(of officer: Officer, item: borrowing Item) -> Diagnostic {
        .error(EvaluationCode.notNumber, "联系员 \(officer.id) 的项目 \(item.id) 没有算出一个数", at: item.scoring.location)
    }

    static func negativeReward(_ amount: ExactDecimal, of officer: Officer, reward rule: RewardRule) -> Diagnostic {
        .error(
            EvaluationCode.rewardRange, "联系员 \(officer.id)（\(officer.name)）的奖励 \(rule.id) 算得 \(amount)，奖励金额不能为负数",
            hint: "检查奖励的公式，如用 max(0, …) 或发放条件（when）", at: rule.location)
    }

    static func itemFailed(_ error: EvaluationError, of officer: Officer, item: borrowing Item, at location: SourceLocation) -> Diagnostic {
        failure(error, officer: officer, what: "项目 \(item.id)", at: location)
    }

    static func rewardFailed(_ error: EvaluationError, of officer: Officer, reward rule: RewardRule, at location: SourceLocation)
        -> Diagnostic
    {
        failure(error, officer: officer, what: "奖励 \(rule.id)", at: location)
    }

    static func checkFailed(_ error: EvaluationError, of officer: Officer, check: EvidenceCheck, at location: SourceLocation)
        -> Diagnostic
    {
        failure(error, officer: officer, what: "记录检查 \(check.id)", at: location)
    }

    /// An expression that could not be evaluated for one officer; the others go on.
    private static func failure(_ error: EvaluationError, officer: Officer, what: String, at location: SourceLocation) -> Diagnostic {
        .error(
            error.code, "联系员 \(officer.id)（\(officer.name)）的\(what.spacedBeforeChinese)无法计算：\(error.message)",
            hint: "其他联系员照常计算；请核对此人的记录或规则中的表达式", at: location)
    }
}
