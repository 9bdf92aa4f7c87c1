import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// One officer's quarter, line by line: each item's score, the rule and expression behind it,
/// the evidence values it used and where they were recorded, and the policy clause.
package struct ExplainReport: Sendable {
    package let policy: Policy
    package let result: OfficerResult
    package let record: OfficerRecord
    package let quarter: Quarter

    package init(policy: Policy, result: OfficerResult, record: OfficerRecord, quarter: Quarter) {
        self.policy = policy
        self.result = result
        self.record = record
        self.quarter = quarter
    }

    /// With `color`: the heading bold, an item that scored nothing or could not be computed
    /// red, an item short of full marks yellow, the grade as in `evaluate`.
    package func renderText(color: Bool = false) -> String {
        let officer = result.officer
        let places = policy.scoring.precision
        let ansi = ANSIStyle(enabled: color)
        var out = ansi.apply(ANSIStyle.bold, to: "联系员 \(officer.id) \(officer.name)") + "（\(officer.unit) \(officer.area)"
        if let manager = officer.manager { out += "，向\(officer.managerRole.map { "\($0) " } ?? "")\(manager)汇报" }
        out += "）· \(quarter)\n"
        out += "规则：\(policy.metadata.name) 版本 \(policy.metadata.version)（\(policy.metadata.effective) 起施行）\n"
        out += "记录：\(result.recordLocation)\n\n"

        for explanation in ItemExplanation.all(policy: policy, result: result, record: record) {
            let item = explanation.item
            let scoreText = explanation.score.map { $0.formatted(scale: places) } ?? "未算出"
            let shown: String
            if let score = explanation.score, score > .zero {
                shown = score < item.points ? ansi.apply(ANSIStyle.yellow, to: scoreText) : scoreText
            } else {
                shown = ansi.apply(ANSIStyle.bold, ANSIStyle.red, to: scoreText)
            }
            out += "\(item.id)  \(shown) / \(item.points.normalized)  \(item.title)\n"
            switch explanation.basis {
            case .assessed(let raw, let location):
                out += "     考核人打分 \(raw)"
                if let location { out += "（\(location)）" }
                out += "\n"
            case .computed(let formula, let raw, let roundingChanged):
                if let formula {
                    out += "     公式 \(formula)\n"
                    let rounded = explanation.score.map { $0.formatted(scale: places) } ?? "?"
                    out +=
                        "     = \(raw.normalized.description)"
                        + (roundingChanged ? " → \(rounded)（\(roundingWord)到 \(places) 位小数）\n" : "\n")
                }
            case .condition(let when, let score, let reason):
                out += "     条件成立：\(when) → 得 \(score) 分"
                if let reason { out += "（\(reason)）" }
                out += "\n"
            case .notComputed:
                out += "     未能计算，原因见下\n"
            }
            if !explanation.inputs.isEmpty {
                out += "     用到：" + explanation.inputTexts.joined(separator: "，") + "\n"
            }
            out += "     " + explanation.basisLine + "\n"
        }

        out +=
            "\n总分 \(result.total.map { $0.formatted(scale: places) } ?? ansi.apply(ANSIStyle.bold, ANSIStyle.red, to: "未算出")) / \(policy.scoring.total.normalized)"
        if let grade = result.grade, let band = policy.grades?.bands.first(where: { $0.name == grade }) {
            let bands = policy.grades?.bands ?? []
            let shownGrade: String
            if grade == bands.max(by: { $0.min < $1.min })?.name {
                shownGrade = ansi.apply(ANSIStyle.bold, ANSIStyle.green, to: grade)
            } else if bands.count > 1, grade == bands.min(by: { $0.min < $1.min })?.name {
                shownGrade = ansi.apply(ANSIStyle.bold, ANSIStyle.red, to: grade)
            } else {
                shownGrade = grade
            }
            out +=
                "，等级 \(shownGrade)（\(band.min.normalized) 分及以上" + (band.below.map { "、低于 \($0.normalized) 分" } ?? "")
                + "；规则 \(band.location)）"
        }
        out += "\n"
        for reward in result.rewards {
            guard let rule = policy.rewards.first(where: { $0.id == reward.rewardID }) else { continue }
            let fund = policy.fund(withID: reward.fund)
            out += "奖励 \(rule.title)：\(reward.amount.formatted(scale: policy.money.precision)) \(policy.money.currency)"
            let detail = rewardBreakdownText(reward)
            if !detail.isEmpty { out += "（\(detail)）" }
            out += "，从\(fund?.name ?? reward.fund)列支"
            if let clause = rule.clause { out += "；依据 \(clause)" }
            out += "；规则 \(rule.location)\n"
        }
        if let total = result.rewardTotal {
            out += "奖励合计 \(total.formatted(scale: policy.money.precision)) \(policy.money.currency)\n"
        }
        return out
    }

    private var roundingWord: String { policy.scoring.rounding.chineseWord }
}
