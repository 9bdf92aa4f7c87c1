import ScorecardBase

/// The evidence a version asks for: declared fields, itemised lists and record checks. The
/// fields that assessed items add are left to the item comparison.
extension PolicyDiff {
    static func evidence(_ old: EvidenceSchema, _ new: EvidenceSchema, _ r: inout ChangeRecorder) {
        fields(
            old.fields.filter { $0.assessedItem == nil }, new.fields.filter { $0.assessedItem == nil },
            path: "evidence.fields", kind: "evidence.field", owner: "记录字段", parentClause: nil, &r)
        let lists = matchByID(old.lists, new.lists, id: \.id)
        for (a, b) in lists.pairs {
            let path = "evidence.lists[\(b.id)]"
            let clause = b.clause ?? a.clause
            r.property(
                "evidence.list-changed", path + ".name", subject: "明细 \(b.id) 的名称", old: a.name, new: b.name, oldAt: a.location,
                newAt: b.location, clause: clause)
            r.property(
                "evidence.list-changed", path + ".description", subject: "明细 \(b.id) 的说明", old: a.description, new: b.description,
                oldAt: a.location, newAt: b.location, clause: clause)
            r.property(
                "evidence.list-changed", path + ".clause", subject: "明细 \(b.id) 的条款", old: a.clause, new: b.clause, oldAt: a.location,
                newAt: b.location, clause: clause)
            fields(
                a.fields, b.fields, path: path + ".fields", kind: "evidence.list-field", owner: "明细 \(b.id) 的字段", parentClause: clause, &r)
        }
        for list in lists.added {
            r.added(
                "evidence.list-added", "evidence.lists[\(list.id)]", subject: "明细 \(list.id)", new: fieldNames(list.fields),
                at: list.location, clause: list.clause)
        }
        for list in lists.removed {
            r.removed(
                "evidence.list-removed", "evidence.lists[\(list.id)]", subject: "明细 \(list.id)", old: fieldNames(list.fields),
                at: list.location, clause: list.clause)
        }
        let checks = matchByID(old.checks, new.checks, id: \.id)
        for (a, b) in checks.pairs {
            let path = "evidence.checks[\(b.id)]"
            let clause = b.clause ?? a.clause
            r.property(
                "evidence.check-changed", path + ".require", subject: "记录检查 \(b.id) 的条件",
                old: a.requirement.source, new: b.requirement.source,
                oldKey: a.requirement.checked.canonicalForm, newKey: b.requirement.checked.canonicalForm,
                oldAt: a.requirement.location, newAt: b.requirement.location, clause: clause)
            r.property(
                "evidence.check-changed", path + ".message", subject: "记录检查 \(b.id) 的说明", old: a.message, new: b.message, oldAt: a.location,
                newAt: b.location, clause: clause)
            r.property(
                "evidence.check-changed", path + ".clause", subject: "记录检查 \(b.id) 的条款", old: a.clause, new: b.clause, oldAt: a.location,
                newAt: b.location, clause: clause)
        }
        for check in checks.added {
            r.added(
                "evidence.check-added", "evidence.checks[\(check.id)]", subject: "记录检查 \(check.id)", new: check.requirement.source,
                at: check.location, clause: check.clause)
        }
        for check in checks.removed {
            r.removed(
                "evidence.check-removed", "evidence.checks[\(check.id)]", subject: "记录检查 \(check.id)", old: check.requirement.source,
                at: check.location, clause: check.clause)
        }
    }

    /// Fields matched by id; `kind` is the prefix (`evidence.field`, `eligibility.field`…)
    /// that `-added`, `-removed` and `-changed` complete.
    static func fields(
        _ old: [EvidenceField], _ new: [EvidenceField], path: String, kind: String, owner: String, parentClause: String?,
        _ r: inout ChangeRecorder
    ) {
        let matched = matchByID(old, new, id: \.id)
        for (a, b) in matched.pairs {
            let p = "\(path)[\(b.id)]"
            let subject = "\(owner) \(b.id)"
            let clause = b.clause ?? a.clause ?? parentClause
            let (la, lb) = (a.location, b.location)
            let (ta, tb) = (DiffText.type(a.type), DiffText.type(b.type))
            let changed = kind + "-changed"
            r.property(
                changed, p + ".type", subject: "\(subject) 的类型", old: ta.text, new: tb.text, oldKey: ta.key, newKey: tb.key, oldAt: la,
                newAt: lb, clause: clause)
            r.property(changed, p + ".name", subject: "\(subject) 的名称", old: a.name, new: b.name, oldAt: la, newAt: lb, clause: clause)
            r.property(
                changed, p + ".min", subject: "\(subject) 的最小值", old: DiffText.number(a.min), new: DiffText.number(b.min), oldAt: la,
                newAt: lb, clause: clause)
            r.property(
                changed, p + ".max", subject: "\(subject) 的最大值", old: DiffText.number(a.max), new: DiffText.number(b.max), oldAt: la,
                newAt: lb, clause: clause)
            r.property(
                changed, p + ".default", subject: "\(subject) 的默认值",
                old: DiffText.value(a.defaultValue), new: DiffText.value(b.defaultValue), oldAt: la, newAt: lb, clause: clause)
            r.property(
                changed, p + ".within_quarter", subject: "\(subject) 是否须在本季度内",
                old: DiffText.flag(a.withinQuarter), new: DiffText.flag(b.withinQuarter), oldAt: la, newAt: lb, clause: clause)
            r.property(
                changed, p + ".description", subject: "\(subject) 的说明", old: a.description, new: b.description, oldAt: la, newAt: lb,
                clause: clause)
            r.property(
                changed, p + ".clause", subject: "\(subject) 的条款", old: a.clause, new: b.clause, oldAt: la, newAt: lb, clause: clause)
        }
        for field in matched.added {
            r.added(
                kind + "-added", "\(path)[\(field.id)]", subject: "\(owner) \(field.id)（\(field.displayName)）", new: fieldLine(field),
                at: field.location, clause: field.clause ?? parentClause)
        }
        for field in matched.removed {
            r.removed(
                kind + "-removed", "\(path)[\(field.id)]", subject: "\(owner) \(field.id)（\(field.displayName)）", old: fieldLine(field),
                at: field.location, clause: field.clause ?? parentClause)
        }
    }

    private static func fieldLine(_ field: EvidenceField) -> String {
        var line = DiffText.type(field.type).text
        if let value = DiffText.value(field.defaultValue) { line += "，默认 \(value)" } else { line += "，必填" }
        return line
    }

    private static func fieldNames(_ fields: [EvidenceField]) -> String {
        "字段 " + DiffText.words(fields.map(\.id))
    }

    static func eligibility(_ old: Eligibility?, _ new: Eligibility?, _ r: inout ChangeRecorder) {
        guard
            let (a, b) = r.bothPresent(
                old, new, kind: "eligibility", subject: "任职条件（eligibility）",
                describe: { "\($0.criteria.count) 项条件" }, location: \.location, clause: \.clause)
        else { return }
        let clause = b.clause ?? a.clause
        r.property(
            "eligibility.requirement", "eligibility.require", subject: "任职条件的要求",
            old: requirementText(a.requirement), new: requirementText(b.requirement), oldAt: a.location, newAt: b.location, clause: clause)
        r.property(
            "eligibility.clause", "eligibility.clause", subject: "任职条件的条款", old: a.clause, new: b.clause, oldAt: a.location,
            newAt: b.location, clause: clause)
        fields(
            a.candidateFields, b.candidateFields, path: "eligibility.candidate_fields", kind: "eligibility.field", owner: "候选人字段",
            parentClause: clause, &r)
        let matched = matchByID(a.criteria, b.criteria, id: \.id)
        for (x, y) in matched.pairs {
            let path = "eligibility.criteria[\(y.id)]"
            let criterionClause = y.clause ?? x.clause ?? clause
            r.property(
                "eligibility.criterion-title", path + ".title", subject: "任职条件 \(y.id) 的表述",
                old: x.title, new: y.title, oldAt: x.location, newAt: y.location, clause: criterionClause)
            r.property(
                "eligibility.criterion-requirement", path + ".require", subject: "任职条件 \(y.id) 的判定",
                old: x.requirement.source, new: y.requirement.source,
                oldKey: x.requirement.checked.canonicalForm, newKey: y.requirement.checked.canonicalForm,
                oldAt: x.requirement.location, newAt: y.requirement.location, clause: criterionClause)
            r.property(
                "eligibility.criterion-clause", path + ".clause", subject: "任职条件 \(y.id) 的条款",
                old: x.clause, new: y.clause, oldAt: x.location, newAt: y.location, clause: criterionClause)
        }
        for criterion in matched.added {
            r.added(
                "eligibility.criterion-added", "eligibility.criteria[\(criterion.id)]", subject: "任职条件 \(criterion.id)（\(criterion.title)）",
                new: criterion.requirement.source, at: criterion.location, clause: criterion.clause ?? clause)
        }
        for criterion in matched.removed {
            r.removed(
                "eligibility.criterion-removed", "eligibility.criteria[\(criterion.id)]",
                subject: "任职条件 \(criterion.id)（\(criterion.title)）",
                old: criterion.requirement.source, at: criterion.location, clause: criterion.clause ?? clause)
        }
    }

    private static func requirementText(_ requirement: Eligibility.Requirement) -> String {
        switch requirement {
        case .all: "all（须全部具备）"
        case .any: "any（具备其一即可）"
        }
    }
}
