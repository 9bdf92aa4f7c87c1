import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// How each figure came about, in the words `explain` uses, with the places of the rule parts
/// that produced it: what a failing expectation shows beside the value.
enum Traces {
    static func item(_ item: Item, _ itemResult: ItemResult, record: OfficerRecord, result: OfficerResult, policy: Policy) -> RuleTrace {
        let precision = policy.scoring.precision
        var text: String
        var ruleParts: [RuleTrace.Place]
        switch itemResult.basis {
        case .assessed(let raw):
            text = "考核人打分 \(raw)"
            if let slot = policy.layout.fieldIDs.firstIndex(of: item.id), let location = record.fieldLocation(slot) {
                text += "（\(location)）"
            }
            ruleParts = [.init(item.location, "项目 \(item.id)")]
        case .computed(let raw):
            guard case .computed(let formula) = item.scoring.method else { return RuleTrace("", clause: item.clause) }
            text = "公式 \(formula.source) = \(raw.normalized)"
            if let score = itemResult.score, score != raw {
                text += " → \(score.formatted(scale: precision))（\(roundingWord(policy.scoring.rounding))到 \(precision) 位小数）"
            }
            ruleParts = [.init(formula.location, "公式"), .init(item.location, "项目 \(item.id)")]
        case .condition(let index, let reason) where item.scoring.conditions.indices.contains(index):
            let condition = item.scoring.conditions[index]
            text = "条件成立：\(condition.when.source) → 得 \(condition.score.source) 分" + (reason.map { "（\($0)）" } ?? "")
            ruleParts = [.init(condition.location, "第 \(index + 1) 个条件"), .init(item.location, "项目 \(item.id)")]
        case .condition(let index, _):
            text = "第 \(index + 1) 个条件成立"
            ruleParts = [.init(item.location, "项目 \(item.id)")]
        case nil:
            text = "未能算出"
            if let failure = result.failures.first { text += "：\(failure.message)" }
            ruleParts = result.failures.compactMap { $0.location.map { RuleTrace.Place($0) } } + [.init(item.location, "项目 \(item.id)")]
        }
        let inputs = ItemInputs.values(read: item, record: record, result: result, layout: policy.layout)
            .filter { $0.name != item.id || !item.scoring.isAssessed }
        if !inputs.isEmpty {
            text +=
                "；用到 "
                + inputs.map { input in
                    var shown = "\(input.name) = \(words(input.value))"
                    if let slot = policy.layout.fieldIDs.firstIndex(of: input.name), let location = record.fieldLocation(slot) {
                        shown += "（\(location)）"
                    }
                    return shown
                }.joined(separator: "，")
        }
        return RuleTrace(text, places: ruleParts, clause: item.clause)
    }

    static func total(_ result: OfficerResult, policy: Policy) -> RuleTrace {
        let places = policy.scoring.precision
        guard let total = result.total else { return failed(result) }
        return RuleTrace(
            "各项得分之和 = \(total.formatted(scale: places))（满分 \(policy.scoring.total.normalized)，各项保留 \(places) 位小数）",
            places: [.init(policy.scoring.location, "scoring")], clause: policy.scoring.clause)
    }

    static func grade(_ result: OfficerResult, policy: Policy) -> RuleTrace {
        guard let total = result.total else { return failed(result) }
        guard let scale = policy.grades else { return RuleTrace("规则中没有等级（grades）") }
        guard let band = scale.band(for: total) else {
            return RuleTrace("总分 \(total) 不在任何等级之内", places: [.init(scale.location, "grades")], clause: scale.clause)
        }
        return RuleTrace(
            "总分 \(total.formatted(scale: policy.scoring.precision)) 落在“\(band.name)”：\(bandWords(band))",
            places: [.init(band.location, "等级 \(band.name)")], clause: scale.clause)
    }

    static func bandWords(_ band: GradeBand) -> String {
        "\(band.min.normalized) 分及以上" + (band.below.map { "、低于 \($0.normalized) 分" } ?? "")
    }

    static func reward(_ rule: RewardRule, _ reward: RewardResult?, result: OfficerResult, policy: Policy) -> RuleTrace {
        guard let reward else { return failed(result) }
        let money = policy.money
        var text: String
        var places: [RuleTrace.Place] = []
        if reward.withheld, let condition = rule.condition {
            text = "发放条件 \(condition.source) 不成立，不发放"
            places.append(.init(condition.location, "发放条件"))
        } else {
            switch rule.basis {
            case .perRecord(_, _, let rates):
                let used = reward.breakdown.filter { $0.count > 0 }
                text = used.isEmpty ? "没有可计奖的记录" : used.map { "\($0.key) \($0.count) 条 × \($0.rate.normalized)" }.joined(separator: " + ")
                let shown = used.isEmpty ? rates : rates.filter { rate in used.contains { $0.key == rate.key } }
                places += shown.map { .init($0.location, "\($0.key) \($0.amount.normalized)") }
            case .byGrade(let rates):
                let grade = result.grade ?? "—"
                if let rate = rates.first(where: { $0.key == grade }) {
                    text = "等级 \(grade) → \(rate.amount.normalized)"
                    places.append(.init(rate.location, "\(rate.key) \(rate.amount.normalized)"))
                } else {
                    text = "等级 \(grade) 没有定额"
                }
            case .formula(let formula):
                text = "公式 \(formula.source)"
                places.append(.init(formula.location, "公式"))
            }
            text += " = \(reward.amount.formatted(scale: money.precision)) \(money.currency)"
            if reward.capped, let cap = rule.cap { text += "（超过上限 \(cap.normalized)，按上限发放）" }
        }
        places.append(.init(rule.location, "奖励 \(rule.id)"))
        return RuleTrace(text, places: places, clause: rule.clause)
    }

    static func rewardCount(_ rule: RewardRule, key: String, count: Int?, rate: RewardRate) -> RuleTrace {
        RuleTrace(
            count.map { "“\(key)”的记录 \($0) 条，每条 \(rate.amount.normalized)" } ?? "没有结果",
            places: [.init(rate.location, "\(rate.key) \(rate.amount.normalized)"), .init(rule.location, "奖励 \(rule.id)")],
            clause: rule.clause)
    }

    static func rewardTotal(_ result: OfficerResult, policy: Policy) -> RuleTrace {
        guard result.rewardTotal != nil else { return failed(result) }
        let money = policy.money
        let parts = result.rewards.map { "\($0.rewardID) \($0.amount.formatted(scale: money.precision))" }
        return RuleTrace(
            parts.isEmpty ? "规则中没有季度奖励" : "各项奖励之和：" + parts.joined(separator: " + "),
            places: policy.rewards.map { .init($0.location, "奖励 \($0.id)") })
    }

    static func failures(_ result: OfficerResult) -> RuleTrace {
        RuleTrace(
            result.failures.isEmpty ? "结果都已算出" : result.failures.map { "\($0.code)：\($0.message)" }.joined(separator: "；"),
            places: result.failures.compactMap { $0.location.map { RuleTrace.Place($0) } })
    }

    static func checks(_ failing: [EvidenceCheck]) -> RuleTrace {
        RuleTrace(
            failing.isEmpty ? "记录符合每一项检查" : failing.map { "\($0.id)：\($0.requirement.source) 不成立（\($0.message)）" }.joined(separator: "；"),
            places: failing.map { .init($0.location, "检查 \($0.id)") }, clause: failing.first?.clause)
    }

    static func problems(_ problems: [Diagnostic]) -> RuleTrace {
        RuleTrace(
            problems.isEmpty ? "证据没有错误" : problems.map { "\($0.code)：\($0.message)" }.joined(separator: "；"),
            places: problems.compactMap { $0.location.map { RuleTrace.Place($0) } })
    }

    /// Why an officer has no figure: the failures, or no sound record.
    static func failed(_ result: OfficerResult) -> RuleTrace {
        failures(result)
    }

    static func noRecord(_ officer: Officer) -> RuleTrace {
        RuleTrace("联系员 \(officer.id) \(officer.name) 没有可计算的记录（记录有错误，或没有记录）", places: [.init(officer.location, "名册")])
    }

    static func roundingWord(_ mode: RoundingMode) -> String {
        switch mode {
        case .halfUp: "四舍五入"
        case .halfEven: "四舍六入五成双"
        case .halfDown: "五舍六入"
        case .up: "进位"
        case .down: "舍去"
        case .ceiling: "向上取整"
        case .floor: "向下取整"
        }
    }
}
