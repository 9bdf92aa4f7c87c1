import ScorecardBase
import ScorecardEvidence
import ScorecardRules

extension ImpactSideRun {
    /// The fields and lists this version reads and `other` does not, each with whether the
    /// quarter's files hold it. Presence is read off the two bindings: a column this version
    /// reads is "unknown" to the other, a column it lacks is reported by it (or, with a default,
    /// leaves no cell to point at), and a list file it lacks is reported by it.
    func needs(notReadBy other: ImpactSideRun) -> [EvidenceNeed] {
        var needs: [EvidenceNeed] = []
        for (index, field) in policy.evidence.fields.enumerated() where other.policy.evidence.field(withID: field.id) == nil {
            // An assessed item's score column is labelled by the item's title.
            let label = field.name ?? field.assessedItem.flatMap { policy.item(withID: $0)?.title }
            var need = EvidenceNeed(
                kind: .field, id: field.id, name: label, assessedItem: field.assessedItem, neededBy: side, presence: .present)
            need.presence = presence(of: field, index: index, as: need, other: other)
            needs.append(need)
        }
        for list in policy.evidence.lists where other.policy.evidence.list(withID: list.id) == nil {
            let absent = loadProblems.contains { $0.code == EvidenceCode.noList && $0.subject == list.id }
            needs.append(
                EvidenceNeed(
                    kind: .list, id: list.id, name: list.name, assessedItem: nil, neededBy: side, presence: absent ? .empty : .present))
        }
        return needs
    }

    private func presence(of field: EvidenceField, index: Int, as need: EvidenceNeed, other: ImpactSideRun) -> EvidenceNeed.Presence {
        if other.loadProblems.contains(where: need.explains)
            || evidence.records.contains(where: { $0.fieldLocation(index) != nil })
        {
            return .present
        }
        if let defaultValue = field.defaultValue { return .defaulted(defaultValue) }
        if loadProblems.contains(where: { $0.code == EvidenceCode.missingColumn && $0.subject == field.id }) {
            return .missing
        }
        return .present
    }
}

extension EvidenceNeed {
    /// Whether a problem reading the quarter under the other version is only this difference:
    /// the column this version reads is "unknown" to a version that does not read it. The
    /// impact note says so instead, so the problem list keeps only real problems.
    func explains(_ problem: Diagnostic) -> Bool {
        guard kind == .field, problem.code == EvidenceCode.unknownColumn else { return false }
        return problem.subject == id || (name != nil && problem.subject == name)
    }
}
