import ScorecardBase
import ScorecardEvidence
import ScorecardRules

extension ImpactSideRun {
    /// The fields and lists this version reads and `other` does not, each with whether the
    /// quarter's files hold it. Presence is read off this version's own binding: a missing
    /// column or list file is reported there, and a defaulted field has no cell to point at.
    func needs(notReadBy other: Policy) -> [EvidenceNeed] {
        var needs: [EvidenceNeed] = []
        for (index, field) in policy.evidence.fields.enumerated() where other.evidence.field(withID: field.id) == nil {
            needs.append(EvidenceNeed(
                kind: .field, id: field.id, name: field.name, assessedItem: field.assessedItem, neededBy: side,
                presence: presence(of: field, index: index)))
        }
        for list in policy.evidence.lists where other.evidence.list(withID: list.id) == nil {
            let absent = loadProblems.contains { $0.code == "evidence.no-list" && $0.message.contains("\(list.id).csv") }
            needs.append(EvidenceNeed(
                kind: .list, id: list.id, name: list.name, assessedItem: nil, neededBy: side, presence: absent ? .empty : .present))
        }
        return needs
    }

    private func presence(of field: EvidenceField, index: Int) -> EvidenceNeed.Presence {
        if loadProblems.contains(where: { $0.code == "evidence.missing-column" && $0.message.contains("“\(field.id)”") }) {
            return .missing
        }
        if let defaultValue = field.defaultValue, !evidence.records.isEmpty,
           evidence.records.allSatisfy({ $0.fieldLocation(index) == nil }) {
            return .defaulted(defaultValue)
        }
        return .present
    }
}

extension EvidenceNeed {
    /// Whether a problem reading the quarter under the other version is only this difference:
    /// the column this version reads is "unknown" to a version that does not read it. The
    /// impact note says so instead, so the problem list keeps only real problems.
    func explains(_ problem: Diagnostic) -> Bool {
        guard kind == .field, problem.code == "evidence.unknown-column" else { return false }
        return problem.message.contains("“\(id)”") || name.map { problem.message.contains("“\($0)”") } == true
    }
}
