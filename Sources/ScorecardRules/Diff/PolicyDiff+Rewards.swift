import ScorecardBase

/// Rewards: fund, basis (per record, by grade, formula), rates and levels, grade tiers,
/// the condition and the cap.
extension PolicyDiff {
    static func rewards(_ old: [RewardRule], _ new: [RewardRule], _ r: inout ChangeRecorder) {
        let matched = matchByID(old, new, id: \.id)
        for (a, b) in matched.pairs { reward(a, b, &r) }
        for reward in matched.added {
            r.added(
                "reward.added", "rewards[\(reward.id)]", subject: "奖励 \(reward.id)（\(reward.title)）", new: basisText(reward.basis),
                at: reward.location, clause: reward.clause)
        }
        for reward in matched.removed {
            r.removed(
                "reward.removed", "rewards[\(reward.id)]", subject: "奖励 \(reward.id)（\(reward.title)）", old: basisText(reward.basis),
                at: reward.location, clause: reward.clause)
        }
    }

    private static func reward(_ a: RewardRule, _ b: RewardRule, _ r: inout ChangeRecorder) {
        let path = "rewards[\(b.id)]"
        let clause = b.clause ?? a.clause
        let name = "奖励 \(b.id)"
        r.property(
            "reward.title", path + ".title", subject: "\(name) 的名称", old: a.title, new: b.title, oldAt: a.location, newAt: b.location,
            clause: clause)
        r.property(
            "reward.clause", path + ".clause", subject: "\(name) 的条款", old: a.clause, new: b.clause, oldAt: a.location, newAt: b.location,
            clause: clause)
        r.property(
            "reward.fund", path + ".fund", subject: "\(name) 列支的经费", old: a.fund, new: b.fund, oldAt: a.fundLocation, newAt: b.fundLocation,
            clause: clause)
        r.property(
            "reward.condition", path + ".when", subject: "\(name) 的发放条件（when）",
            old: a.condition?.source, new: b.condition?.source,
            oldKey: a.condition?.checked.canonicalForm, newKey: b.condition?.checked.canonicalForm,
            oldAt: a.condition?.location ?? a.location, newAt: b.condition?.location ?? b.location, clause: clause)
        r.property(
            "reward.cap", path + ".cap", subject: "\(name) 每人每季度的上限（cap）",
            old: DiffText.number(a.cap), new: DiffText.number(b.cap), oldAt: a.location, newAt: b.location, clause: clause)

        switch (a.basis, b.basis) {
        case (.perRecord(let listA, let byA, let ratesA), .perRecord(let listB, let byB, let ratesB)):
            r.property(
                "reward.per-record", path + ".per_record.list", subject: "\(name) 计奖的明细", old: listA, new: listB, oldAt: a.location,
                newAt: b.location, clause: clause)
            r.property(
                "reward.per-record", path + ".per_record.by", subject: "\(name) 区分费率的字段", old: byA, new: byB, oldAt: a.location,
                newAt: b.location, clause: clause)
            rates(ratesA, ratesB, path: path + ".per_record.rates", what: "费率", kind: "reward.rate", name: name, clause: clause, &r)
        case (.byGrade(let ratesA), .byGrade(let ratesB)):
            rates(ratesA, ratesB, path: path + ".by_grade", what: "定额", kind: "reward.tier", name: name, clause: clause, &r)
        case (.formula(let fa), .formula(let fb)):
            r.property(
                "reward.formula", path + ".formula", subject: "\(name) 的计算公式",
                old: fa.source, new: fb.source, oldKey: fa.checked.canonicalForm, newKey: fb.checked.canonicalForm,
                oldAt: fa.location, newAt: fb.location, clause: clause)
        default:
            r.property(
                "reward.basis", path, subject: "\(name) 的计奖方法",
                old: basisText(a.basis), new: basisText(b.basis), oldAt: a.location, newAt: b.location, clause: clause)
        }
    }

    /// Per-record rates (by level) and grade tiers, matched by their level or grade.
    private static func rates(
        _ old: [RewardRate], _ new: [RewardRate], path: String, what: String, kind: String, name: String, clause: String?,
        _ r: inout ChangeRecorder
    ) {
        let matched = matchByID(old, new, id: \.key)
        for (a, b) in matched.pairs {
            r.property(
                kind, path + "[\(b.key)]", subject: "\(name) 中“\(b.key)”的\(what)",
                old: DiffText.number(a.amount), new: DiffText.number(b.amount), oldAt: a.location, newAt: b.location, clause: clause)
        }
        for rate in matched.added {
            r.added(
                kind + "-added", path + "[\(rate.key)]", subject: "\(name) 中“\(rate.key)”的\(what)", new: DiffText.number(rate.amount),
                at: rate.location, clause: clause)
        }
        for rate in matched.removed {
            r.removed(
                kind + "-removed", path + "[\(rate.key)]", subject: "\(name) 中“\(rate.key)”的\(what)", old: DiffText.number(rate.amount),
                at: rate.location, clause: clause)
        }
    }

    static func basisText(_ basis: RewardBasis) -> String {
        func rates(_ rates: [RewardRate]) -> String { rates.map { "\($0.key) \(DiffText.number($0.amount))" }.joined(separator: "、") }
        switch basis {
        case .perRecord(let list, let by, let list_rates): return "按 \(list) 的 \(by) 每条计奖：\(rates(list_rates))"
        case .byGrade(let tiers): return "按等级定额：\(rates(tiers))"
        case .formula(let formula): return "按公式：\(formula.source)"
        }
    }
}
