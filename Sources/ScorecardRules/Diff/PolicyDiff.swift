import ScorecardBase

/// The semantic comparison of two versions of the rules: elements are matched by id, so
/// reordering is not a change; expressions are compared by their structure (`canonicalForm`),
/// so spacing and redundant parentheses are not; numbers by value; YAML anchors and merge keys
/// were already expanded when the rules loaded. Only differences in meaning are reported.
public enum PolicyDiff {
    /// Every change from `old` to `new`, grouped in display order (see `PolicyChangeGroup`).
    /// `oldKeys` and `newKeys` (`LoadedPolicy.keys`) let each change point at the key that
    /// changed; without them it points at the mapping the key is in.
    public static func compare(old: Policy, new: Policy, oldKeys: KeyPlaces = KeyPlaces(), newKeys: KeyPlaces = KeyPlaces())
        -> [PolicyChange]
    {
        var r = ChangeRecorder()
        r.oldKeys = oldKeys
        r.newKeys = newKeys
        r.group = .metadata
        metadata(old.metadata, new.metadata, &r)
        r.group = .scoring
        scoring(old.scoring, new.scoring, &r)
        r.group = .items
        items(old.items, new.items, &r)
        r.group = .grades
        grades(old.grades, new.grades, &r)
        r.group = .rewards
        rewards(old.rewards, new.rewards, &r)
        r.group = .funds
        funds(old.funds, new.funds, &r)
        money(old.money, new.money, &r)
        r.group = .evidence
        evidence(old.evidence, new.evidence, &r)
        r.group = .eligibility
        eligibility(old.eligibility, new.eligibility, &r)
        r.group = .roster
        roster(old.roster, new.roster, &r)
        r.group = .annual
        annual(old.annual, new.annual, &r)
        r.group = .vacancy
        vacancy(old.vacancy, new.vacancy, &r)
        return r.changes
    }

    static func metadata(_ old: PolicyMetadata, _ new: PolicyMetadata, _ r: inout ChangeRecorder) {
        let (a, b) = (old.location, new.location)
        r.property("metadata.id", "policy.id", subject: "政策编号", old: old.id, new: new.id, oldAt: a, newAt: b, clause: nil)
        r.property("metadata.name", "policy.name", subject: "政策名称", old: old.name, new: new.name, oldAt: a, newAt: b, clause: nil)
        r.property(
            "metadata.version", "policy.version", subject: "版本号", old: old.version, new: new.version, oldAt: a, newAt: b, clause: nil)
        r.property(
            "metadata.effective", "policy.effective", subject: "生效日期",
            old: old.effective.description, new: new.effective.description, oldAt: a, newAt: b, clause: nil)
        r.property(
            "metadata.description", "policy.description", subject: "政策说明",
            old: old.description, new: new.description, oldAt: a, newAt: b, clause: nil)
        let oldSource = old.source, newSource = new.source
        let sa = oldSource?.location ?? a, sb = newSource?.location ?? b
        r.property(
            "metadata.source", "policy.source.title", subject: "原文标题",
            old: oldSource?.title, new: newSource?.title, oldAt: sa, newAt: sb, clause: nil)
        r.property(
            "metadata.source", "policy.source.published", subject: "原文发布日期",
            old: oldSource?.published?.description, new: newSource?.published?.description, oldAt: sa, newAt: sb, clause: nil)
        r.property(
            "metadata.source", "policy.source.publisher", subject: "原文发布者",
            old: oldSource?.publisher, new: newSource?.publisher, oldAt: sa, newAt: sb, clause: nil)
    }

    static func scoring(_ old: ScoringSettings, _ new: ScoringSettings, _ r: inout ChangeRecorder) {
        let (a, b) = (old.location, new.location)
        let clause = new.clause ?? old.clause
        r.property(
            "scoring.total", "scoring.total", subject: "满分",
            old: DiffText.number(old.total), new: DiffText.number(new.total), oldAt: a, newAt: b, clause: clause)
        r.property(
            "scoring.precision", "scoring.precision", subject: "得分保留的小数位数",
            old: String(old.precision), new: String(new.precision), oldAt: a, newAt: b, clause: clause)
        r.property(
            "scoring.rounding", "scoring.rounding", subject: "得分的舍入方式",
            old: old.rounding.rawValue, new: new.rounding.rawValue, oldAt: a, newAt: b, clause: clause)
        r.property(
            "scoring.clause", "scoring.clause", subject: "计分所依据的条款", old: old.clause, new: new.clause, oldAt: a, newAt: b, clause: clause)
    }

    static func money(_ old: MoneySettings, _ new: MoneySettings, _ r: inout ChangeRecorder) {
        let (a, b) = (old.location, new.location)
        r.property(
            "money.currency", "money.currency", subject: "货币单位", old: old.currency, new: new.currency, oldAt: a, newAt: b, clause: nil)
        r.property(
            "money.precision", "money.precision", subject: "金额保留的小数位数",
            old: String(old.precision), new: String(new.precision), oldAt: a, newAt: b, clause: nil)
        r.property(
            "money.rounding", "money.rounding", subject: "金额的舍入方式",
            old: old.rounding.rawValue, new: new.rounding.rawValue, oldAt: a, newAt: b, clause: nil)
    }

    static func funds(_ old: [Fund], _ new: [Fund], _ r: inout ChangeRecorder) {
        let matched = matchByID(old, new, id: \.id)
        for (a, b) in matched.pairs {
            let path = "funds[\(b.id)]"
            let clause = b.clause ?? a.clause
            r.property(
                "fund.name", path + ".name", subject: "经费 \(b.id) 的名称", old: a.name, new: b.name, oldAt: a.location, newAt: b.location,
                clause: clause)
            r.property(
                "fund.clause", path + ".clause", subject: "经费 \(b.id) 的条款", old: a.clause, new: b.clause, oldAt: a.location,
                newAt: b.location, clause: clause)
        }
        for fund in matched.added {
            r.added(
                "fund.added", "funds[\(fund.id)]", subject: "经费 \(fund.id)（\(fund.name)）", new: fund.name, at: fund.location,
                clause: fund.clause)
        }
        for fund in matched.removed {
            r.removed(
                "fund.removed", "funds[\(fund.id)]", subject: "经费 \(fund.id)（\(fund.name)）", old: fund.name, at: fund.location,
                clause: fund.clause)
        }
    }

    static func grades(_ old: GradeScale?, _ new: GradeScale?, _ r: inout ChangeRecorder) {
        let clause = new?.clause ?? old?.clause
        r.property(
            "grade.clause", "grades.clause", subject: "等级所依据的条款",
            old: old?.clause, new: new?.clause, oldAt: old?.location, newAt: new?.location, clause: clause)
        let matched = matchByID(old?.bands ?? [], new?.bands ?? [], id: \.name)
        for (a, b) in matched.pairs {
            let path = "grades.bands[\(b.name)]"
            r.property(
                "grade.band-min", path + ".min", subject: "等级“\(b.name)”的下限",
                old: DiffText.number(a.min), new: DiffText.number(b.min), oldAt: a.location, newAt: b.location, clause: clause)
            r.property(
                "grade.band-below", path + ".below", subject: "等级“\(b.name)”的上限（不含）",
                old: DiffText.number(a.below), new: DiffText.number(b.below), oldAt: a.location, newAt: b.location, clause: clause)
        }
        for band in matched.added {
            r.added(
                "grade.band-added", "grades.bands[\(band.name)]", subject: "等级“\(band.name)”", new: bandRange(band), at: band.location,
                clause: clause)
        }
        for band in matched.removed {
            r.removed(
                "grade.band-removed", "grades.bands[\(band.name)]", subject: "等级“\(band.name)”", old: bandRange(band), at: band.location,
                clause: clause)
        }
    }

    static func bandRange(_ band: GradeBand) -> String {
        band.below.map { "\(DiffText.number(band.min)) 至 \(DiffText.number($0))（不含）" } ?? "\(DiffText.number(band.min)) 及以上"
    }
}
