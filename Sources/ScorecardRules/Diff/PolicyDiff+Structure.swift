import ScorecardBase

/// The roster, year-end and vacancy rules: whole sections added or removed, then each setting.
extension PolicyDiff {
    static func roster(_ old: RosterRules?, _ new: RosterRules?, _ r: inout ChangeRecorder) {
        guard
            let (a, b) = r.bothPresent(
                old, new, kind: "roster", subject: "选配与管理规则（roster）",
                describe: { "每个\($0.area) \($0.officersPerArea) 名" }, location: \.location, clause: \.clause)
        else { return }
        let clause = b.clause ?? a.clause
        let (la, lb) = (a.location, b.location)
        r.property("roster.area", "roster.area", subject: "责任区", old: a.area, new: b.area, oldAt: la, newAt: lb, clause: clause)
        r.property(
            "roster.officers-per-area", "roster.officers_per_area", subject: "每个责任区的联系员人数",
            old: String(a.officersPerArea), new: String(b.officersPerArea), oldAt: la, newAt: lb, clause: clause)
        r.property("roster.clause", "roster.clause", subject: "选配规则的条款", old: a.clause, new: b.clause, oldAt: la, newAt: lb, clause: clause)

        let methods = matchByID(a.selection, b.selection, id: \.method)
        for (x, y) in methods.pairs {
            let path = "roster.selection[\(y.method)]"
            let methodClause = y.clause ?? x.clause ?? clause
            r.property(
                "roster.selection-changed", path + ".requires_reason", subject: "选配方式“\(y.method)”是否须写明理由",
                old: DiffText.flag(x.requiresReason), new: DiffText.flag(y.requiresReason), oldAt: x.location, newAt: y.location,
                clause: methodClause)
            r.property(
                "roster.selection-changed", path + ".clause", subject: "选配方式“\(y.method)”的条款",
                old: x.clause, new: y.clause, oldAt: x.location, newAt: y.location, clause: methodClause)
        }
        for method in methods.added {
            r.added(
                "roster.selection-added", "roster.selection[\(method.method)]", subject: "选配方式“\(method.method)”", new: reasonText(method),
                at: method.location, clause: method.clause ?? clause)
        }
        for method in methods.removed {
            r.removed(
                "roster.selection-removed", "roster.selection[\(method.method)]", subject: "选配方式“\(method.method)”",
                old: reasonText(method), at: method.location, clause: method.clause ?? clause)
        }

        let (ta, tb) = (a.training, b.training)
        r.property(
            "roster.training", "roster.training.required", subject: "是否须参加培训",
            old: ta.map { DiffText.flag($0.required) }, new: tb.map { DiffText.flag($0.required) },
            oldAt: ta?.location ?? la, newAt: tb?.location ?? lb, clause: tb?.clause ?? ta?.clause ?? clause)
        r.property(
            "roster.training", "roster.training.clause", subject: "培训规定的条款",
            old: ta?.clause, new: tb?.clause, oldAt: ta?.location ?? la, newAt: tb?.location ?? lb,
            clause: tb?.clause ?? ta?.clause ?? clause)
        let (ra, rb) = (a.reporting, b.reporting)
        r.property(
            "roster.reporting", "roster.reporting.managers", subject: "联系员的汇报对象",
            old: ra.map { DiffText.words($0.managers) }, new: rb.map { DiffText.words($0.managers) },
            oldKey: ra.map { DiffText.wordSet($0.managers) }, newKey: rb.map { DiffText.wordSet($0.managers) },
            oldAt: ra?.location ?? la, newAt: rb?.location ?? lb, clause: rb?.clause ?? ra?.clause ?? clause)
        r.property(
            "roster.reporting", "roster.reporting.clause", subject: "汇报规定的条款",
            old: ra?.clause, new: rb?.clause, oldAt: ra?.location ?? la, newAt: rb?.location ?? lb,
            clause: rb?.clause ?? ra?.clause ?? clause)
    }

    private static func reasonText(_ method: SelectionMethod) -> String {
        method.requiresReason ? "须写明理由" : "不须写明理由"
    }

    static func annual(_ old: AnnualRules?, _ new: AnnualRules?, _ r: inout ChangeRecorder) {
        guard
            let (a, b) = r.bothPresent(
                old, new, kind: "annual", subject: "年度评选规则（annual）",
                describe: { "\($0.aggregate.rawValue)，须满 \($0.quartersRequired) 个季度" }, location: \.location, clause: \.clause)
        else { return }
        let clause = b.clause ?? a.clause
        let (la, lb) = (a.location, b.location)
        r.property("annual.clause", "annual.clause", subject: "年度评选的条款", old: a.clause, new: b.clause, oldAt: la, newAt: lb, clause: clause)
        r.property(
            "annual.aggregate", "annual.aggregate", subject: "年度成绩的算法", old: a.aggregate.rawValue, new: b.aggregate.rawValue, oldAt: la,
            newAt: lb, clause: clause)
        r.property(
            "annual.quarters-required", "annual.quarters_required", subject: "参加评选须有的季度数",
            old: String(a.quartersRequired), new: String(b.quartersRequired), oldAt: la, newAt: lb, clause: clause)
        r.property(
            "annual.partial-year", "annual.partial_year", subject: "不满一年者的处理",
            old: a.partialYear.rawValue, new: b.partialYear.rawValue, oldAt: la, newAt: lb, clause: clause)
        // Tie-breakers are applied in the order written: here the order is the meaning.
        r.property(
            "annual.tie-breakers", "annual.tie_breakers", subject: "并列时的比较项",
            old: a.tieBreakers.map(\.rawValue).joined(separator: " → "), new: b.tieBreakers.map(\.rawValue).joined(separator: " → "),
            oldAt: la, newAt: lb, clause: clause)
        let (ea, eb) = (a.excellent, b.excellent)
        r.property(
            "annual.excellent", "annual.excellent.count", subject: "优秀名额",
            old: DiffText.integer(ea.count), new: DiffText.integer(eb.count), oldAt: ea.location, newAt: eb.location, clause: clause)
        r.property(
            "annual.excellent", "annual.excellent.share", subject: "优秀比例",
            old: DiffText.number(ea.share), new: DiffText.number(eb.share), oldAt: ea.location, newAt: eb.location, clause: clause)
        r.property(
            "annual.excellent", "annual.excellent.min_total", subject: "优秀的最低年度成绩",
            old: DiffText.number(ea.minTotal), new: DiffText.number(eb.minTotal), oldAt: ea.location, newAt: eb.location, clause: clause)
        let (wa, wb) = (a.reward, b.reward)
        let (wla, wlb) = (wa?.location ?? la, wb?.location ?? lb)
        r.property(
            "annual.reward", "annual.reward.title", subject: "年度奖励的名称", old: wa?.title, new: wb?.title, oldAt: wla, newAt: wlb,
            clause: clause)
        r.property(
            "annual.reward", "annual.reward.amount", subject: "年度奖励的金额",
            old: DiffText.number(wa?.amount), new: DiffText.number(wb?.amount), oldAt: wla, newAt: wlb, clause: clause)
        r.property(
            "annual.reward", "annual.reward.fund", subject: "年度奖励列支的经费", old: wa?.fund, new: wb?.fund, oldAt: wla, newAt: wlb,
            clause: clause)
    }

    static func vacancy(_ old: VacancyRules?, _ new: VacancyRules?, _ r: inout ChangeRecorder) {
        guard
            let (a, b) = r.bothPresent(
                old, new, kind: "vacancy", subject: "专职岗位补缺规则（vacancy）",
                describe: \.orderBy.rawValue, location: \.location, clause: \.clause)
        else { return }
        let clause = b.clause ?? a.clause
        r.property(
            "vacancy.order-by", "vacancy.order_by", subject: "补缺的排序依据", old: a.orderBy.rawValue, new: b.orderBy.rawValue, oldAt: a.location,
            newAt: b.location, clause: clause)
        r.property(
            "vacancy.clause", "vacancy.clause", subject: "补缺规则的条款", old: a.clause, new: b.clause, oldAt: a.location, newAt: b.location,
            clause: clause)
    }
}
