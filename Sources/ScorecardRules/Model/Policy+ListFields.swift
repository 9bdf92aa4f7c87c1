import ScorecardBase

extension Policy {
    /// Per list (as `evidence.lists`), per field: whether a list row keeps the field's value
    /// once it is read. Free text that no rule reads (a suggestion's wording) is checked as it
    /// is read and then left out of the row: nothing computes with it and every report shows a
    /// list as its count, so a million officers' suggestions take a third of the room. With
    /// `layout.keepsEveryListField` (an expression `scorecard eval` tries, not in the rules)
    /// every field is kept.
    public var keptListFields: [[Bool]] {
        if layout.keepsEveryListField { return evidence.lists.map { $0.fields.map { _ in true } } }
        let read = listFieldNamesRead
        return evidence.lists.map { list in list.fields.map { $0.type != .text || read.contains($0.id) } }
    }

    /// The names of list elements' fields the rules read: inside `count`, `sum`, `any` and
    /// `all` in any expression, and the field a per-record reward's rates are keyed by. By name
    /// alone, whichever list: a name read in one list keeps the same name in another.
    var listFieldNamesRead: Set<String> {
        var names = Set<String>()
        func take(_ expression: RuleExpression?) {
            if let expression { names.formUnion(expression.readElementNames) }
        }
        for item in items { item.forEachExpression(take) }
        for check in evidence.checks { take(check.requirement) }
        for reward in rewards {
            take(reward.condition)
            switch reward.basis {
            case .formula(let formula): take(formula)
            case .perRecord(_, let by, _): names.insert(by)
            case .byGrade: break
            }
        }
        for criterion in eligibility?.criteria ?? [] { take(criterion.requirement) }
        return names
    }
}
