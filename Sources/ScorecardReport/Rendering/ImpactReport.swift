import ScorecardBase
import ScorecardEvaluation

/// What a rule change does to a quarter's results, for the terminal (coloured when asked),
/// for programs (JSON) and for a revision proposal (Markdown). Every format prints the same
/// figures from the same `PolicyImpact`; only the layout differs.
package struct ImpactReport: Sendable {
    package let impact: PolicyImpact
    let style: ANSIStyle

    package init(impact: PolicyImpact, color: Bool) {
        self.impact = impact
        self.style = ANSIStyle(enabled: color)
    }

    // MARK: Shared wording

    /// `对结果的影响（2025-Q4，20 名联系员）`
    var heading: String { "对结果的影响（\(impact.quarter)，\(impact.officersCompared) 名联系员）" }

    /// Which versions were compared, on what.
    var versionsLine: String {
        "旧版本 \(impact.old.version)（\(impact.old.effective) 起施行）→ 新版本 \(impact.new.version)（\(impact.new.effective) 起施行），用同一份考核记录计算。"
    }

    /// `新版本（2025.1）`
    func label(_ side: ImpactSide) -> String { "\(side.word)（\(impact.metadata(side).version)）" }

    var changedLine: String {
        impact.changes.isEmpty
            ? "没有联系员的总分、等级或奖励发生变化（\(impact.unchangedCount) 人全部不变）。"
            : "结果有变化的联系员：\(impact.changes.count) 人（其余 \(impact.unchangedCount) 人不变），按变化大小排列"
    }

    var gradeLine: String {
        let moved = impact.gradeMovements.reduce(0) { $0 + $1.count }
        guard moved > 0 else { return "没有人的等级发生变化。" }
        return "等级变化：\(moved) 人（升 \(impact.gradeChanges(.up)) 人，降 \(impact.gradeChanges(.down)) 人）"
    }

    /// `良好 → 合格：1 人（降）`
    func movementText(_ movement: GradeMovement, colored: Bool) -> String {
        let word = Self.directionWord(movement.direction)
        let tail = colored ? paint("（\(word)）", movement.direction) : "（\(word)）"
        return "\(movement.from) → \(movement.to)：\(movement.count) 人" + tail
    }

    static func directionWord(_ direction: GradeDirection) -> String {
        switch direction {
        case .up: "升"
        case .down: "降"
        case .same: "不变"
        case .unordered: "等级名称不同，无法比较高低"
        }
    }

    func score(_ value: ExactDecimal) -> String { value.formatted(scale: impact.scorePlaces) }
    func money(_ value: ExactDecimal) -> String { value.formatted(scale: impact.moneyPlaces) }

    /// `+30.00`, `-10.00`, `0.00`: the sign always shown, so a rise reads as one without colour.
    static func signed(_ text: String, _ value: ExactDecimal) -> String { value.isNegative || value.isZero ? text : "+" + text }
    func signedScore(_ value: ExactDecimal) -> String { Self.signed(score(value), value) }
    func signedMoney(_ value: ExactDecimal) -> String { Self.signed(money(value), value) }

    /// `93.40` when unchanged, `76.84 → 78.00` when not.
    func fromTo(_ old: String, _ new: String) -> String { old == new ? old : "\(old) → \(new)" }
    func gradeCell(_ grade: GradeChange) -> String { fromTo(grade.old ?? "—", grade.new ?? "—") }

    /// What changed for an officer, part by part with the way each went:
    /// `总分 +1.20`, `等级降 1 档`, `奖励 +30.00`.
    func changeParts(_ change: OfficerChange) -> [(text: String, direction: GradeDirection)] {
        var parts: [(String, GradeDirection)] = []
        if change.total.changed { parts.append(("总分 \(signedScore(change.total.delta))", Self.direction(of: change.total.delta))) }
        if change.grade.changed {
            let grade = change.grade
            let text =
                switch grade.direction {
                case .up, .down: "等级\(Self.directionWord(grade.direction)) \(grade.steps ?? 1) 档"
                case .same, .unordered: "等级改变"
                }
            parts.append((text, grade.direction))
        }
        if change.reward.changed { parts.append(("奖励 \(signedMoney(change.reward.delta))", Self.direction(of: change.reward.delta))) }
        return parts
    }

    static func direction(of delta: ExactDecimal) -> GradeDirection {
        delta.isZero ? .same : delta.isNegative ? .down : .up
    }

    /// Green for up, red for down; nothing when colour is off.
    func paint(_ text: String, _ direction: GradeDirection) -> String {
        switch direction {
        case .up: style.apply(ANSIStyle.green, to: text)
        case .down: style.apply(ANSIStyle.red, to: text)
        case .same, .unordered: text
        }
    }
}
