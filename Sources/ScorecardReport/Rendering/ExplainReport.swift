import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// One officer's quarter, line by line: each item's score, the rule and expression behind it,
/// the evidence values it used and where they were recorded, and the policy clause.
public struct ExplainReport: Sendable {
    public let policy: Policy
    public let result: OfficerResult
    public let record: OfficerRecord
    public let quarter: Quarter
    /// Where each evidence field's value was read, by field id.
    private let fieldLocations: [String: SourceLocation]

    public init(policy: Policy, result: OfficerResult, record: OfficerRecord, quarter: Quarter) {
        self.policy = policy
        self.result = result
        self.record = record
        self.quarter = quarter
        var locations: [String: SourceLocation] = [:]
        for (index, id) in policy.layout.fieldIDs.enumerated() {
            if let location = record.fieldLocation(index) { locations[id] = location }
        }
        self.fieldLocations = locations
    }

    /// With `color`: the heading bold, an item that scored nothing or could not be computed
    /// red, an item short of full marks yellow, the grade as in `evaluate`.
    public func renderText(color: Bool = false) -> String {
        let officer = result.officer
        let places = policy.scoring.precision
        let ansi = ANSIStyle(enabled: color)
        var out = ansi.apply(ANSIStyle.bold, to: "联系员 \(officer.id) \(officer.name)") + "（\(officer.unit) \(officer.area)"
        if let manager = officer.manager { out += "，向\(officer.managerRole.map { "\($0) " } ?? "")\(manager)汇报" }
        out += "）· \(quarter)\n"
        out += "规则：\(policy.metadata.name) 版本 \(policy.metadata.version)（\(policy.metadata.effective) 起施行）\n"
        out += "记录：\(result.recordLocation)\n\n"

        for (index, item) in policy.items.enumerated() {
            let itemResult = result.items[index]
            let scoreText = itemResult.score.map { $0.formatted(scale: places) } ?? "未算出"
            let shown: String
            if let score = itemResult.score, score > .zero {
                shown = score < item.points ? ansi.apply(ANSIStyle.yellow, to: scoreText) : scoreText
            } else {
                shown = ansi.apply(ANSIStyle.bold, ANSIStyle.red, to: scoreText)
            }
            out += "\(item.id)  \(shown) / \(item.points.normalized)  \(item.title)\n"
            switch itemResult.basis {
            case .assessed(let raw):
                out += "     考核人打分 \(raw)"
                if let location = fieldLocations[item.id] { out += "（\(location)）" }
                out += "\n"
            case .computed(let raw):
                if case .computed(let formula) = item.scoring.method {
                    out += "     公式 \(formula.source)\n"
                    let rounded = itemResult.score.map { $0.formatted(scale: places) } ?? "?"
                    let exact = raw.normalized.description
                    let roundingChanged = itemResult.score.map { $0 != raw } ?? true
                    out += "     = \(exact)" + (roundingChanged ? " → \(rounded)（\(roundingWord)到 \(places) 位小数）\n" : "\n")
                }
            case .condition(let conditionIndex, let reason):
                let condition = item.scoring.conditions[conditionIndex]
                out += "     条件成立：\(condition.when.source) → 得 \(condition.score.source) 分"
                if let reason { out += "（\(reason)）" }
                out += "\n"
            case nil:
                out += "     未能计算，原因见下\n"
            }
            let inputs = ItemInputs.values(read: item, record: record, result: result, layout: policy.layout)
                .filter { $0.name != item.id || !item.scoring.isAssessed }
            if !inputs.isEmpty {
                let described = inputs.map { input in
                    var text = "\(input.name) = \(input.value.reportText)"
                    if let location = fieldLocations[input.name] { text += "（\(location)）" }
                    return text
                }
                out += "     用到：" + described.joined(separator: "，") + "\n"
            }
            var basis: [String] = []
            if let clause = item.clause { basis.append("依据 \(clause)") }
            if let duty = item.duty { basis.append("对应职责/条件 \(duty)") }
            basis.append("规则 \(item.location)")
            out += "     " + basis.joined(separator: "；") + "\n"
        }

        out += "\n总分 \(result.total.map { $0.formatted(scale: places) } ?? ansi.apply(ANSIStyle.bold, ANSIStyle.red, to: "未算出")) / \(policy.scoring.total.normalized)"
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
            out += "，等级 \(shownGrade)（\(band.min.normalized) 分及以上" + (band.below.map { "、低于 \($0.normalized) 分" } ?? "") + "；规则 \(band.location)）"
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

    private var roundingWord: String {
        switch policy.scoring.rounding {
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
