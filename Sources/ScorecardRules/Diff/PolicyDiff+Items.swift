import ScorecardBase

/// Items: title (a rename keeps the id), points, clause, duty, and how the item is scored.
extension PolicyDiff {
    static func items(_ old: [Item], _ new: [Item], _ r: inout ChangeRecorder) {
        let matched = matchByID(old, new, id: \.id)
        for (a, b) in matched.pairs { item(a, b, &r) }
        for item in matched.added {
            r.added(
                "item.added", "items[\(item.id)]", subject: "项目 \(item.id)（\(item.title)）", new: itemLine(item), at: item.location,
                clause: item.clause ?? item.duty)
        }
        for item in matched.removed {
            r.removed(
                "item.removed", "items[\(item.id)]", subject: "项目 \(item.id)（\(item.title)）", old: itemLine(item), at: item.location,
                clause: item.clause ?? item.duty)
        }
    }

    private static func item(_ a: Item, _ b: Item, _ r: inout ChangeRecorder) {
        let path = "items[\(b.id)]"
        let clause = b.clause ?? a.clause ?? b.duty ?? a.duty
        let (la, lb) = (a.location, b.location)
        r.property(
            "item.title", path + ".title", subject: "项目 \(b.id) 的标题", old: a.title, new: b.title, oldAt: la, newAt: lb, clause: clause)
        r.property(
            "item.points", path + ".points", subject: "项目 \(b.id) 的分值",
            old: DiffText.number(a.points), new: DiffText.number(b.points), oldAt: la, newAt: lb, clause: clause)
        r.property(
            "item.clause", path + ".clause", subject: "项目 \(b.id) 的条款", old: a.clause, new: b.clause, oldAt: la, newAt: lb, clause: clause)
        r.property(
            "item.duty", path + ".duty", subject: "项目 \(b.id) 衡量的职责条款", old: a.duty, new: b.duty, oldAt: la, newAt: lb, clause: clause)

        switch (a.scoring.method, b.scoring.method) {
        case (.computed(let fa), .computed(let fb)):
            r.property(
                "item.formula", path + ".scoring.formula", subject: "项目 \(b.id) 的公式",
                old: fa.source, new: fb.source, oldKey: fa.checked.canonicalForm, newKey: fb.checked.canonicalForm,
                oldAt: fa.location, newAt: fb.location, clause: clause)
        case (.assessed, .assessed):
            break
        default:
            r.property(
                "item.scoring-method", path + ".scoring.method", subject: "项目 \(b.id) 的计分方式",
                old: methodText(a.scoring.method), new: methodText(b.scoring.method),
                oldAt: a.scoring.location, newAt: b.scoring.location, clause: clause)
        }
        // The first condition that holds decides the score, so their order is part of the meaning.
        let ca = a.scoring.conditions, cb = b.scoring.conditions
        r.property(
            "item.conditions", path + ".scoring.conditions", subject: "项目 \(b.id) 的特殊情况得分（conditions）",
            old: ca.isEmpty ? nil : conditionsText(ca), new: cb.isEmpty ? nil : conditionsText(cb),
            oldKey: ca.isEmpty ? nil : conditionsKey(ca), newKey: cb.isEmpty ? nil : conditionsKey(cb),
            oldAt: ca.first?.location ?? a.scoring.location, newAt: cb.first?.location ?? b.scoring.location, clause: clause)
    }

    static func methodText(_ method: Scoring.Method) -> String {
        switch method {
        case .assessed: "考核人打分（assessed）"
        case .computed(let formula): "按公式计算：\(formula.source)"
        }
    }

    private static func itemLine(_ item: Item) -> String {
        "\(item.title)；\(DiffText.number(item.points)) 分；\(methodText(item.scoring.method))"
    }

    private static func conditionsText(_ conditions: [ScoreCondition]) -> String {
        conditions.map { "当 \($0.when.source) 时得 \($0.score.source)" + ($0.reason.map { "（\($0)）" } ?? "") }.joined(separator: "；")
    }

    private static func conditionsKey(_ conditions: [ScoreCondition]) -> String {
        conditions.map { "\($0.when.checked.canonicalForm)\u{1}\($0.score.checked.canonicalForm)\u{1}\($0.reason ?? "")" }.joined(
            separator: "\u{2}")
    }
}
