import ScorecardBase
import ScorecardEvidence
import ScorecardRules

/// Works out a `PolicyImpact`: the quarter's files bound and evaluated once per version, then
/// compared. One version failing to read the files does not stop the other: what can be
/// compared is, and the notes and problems say what could not.
public enum ImpactAnalysis {
    /// The impact of going from `old` to `new` on `quarter`: nil only when neither version can
    /// evaluate anyone. The evidence problems of both readings go to `sink`, each said once,
    /// those found under one version only marked with it.
    public static func compare(
        old: Policy, new: Policy, evidence: EvidenceFolder, roster: Roster, quarter: Quarter, sink: inout DiagnosticSink
    ) -> PolicyImpact? {
        let oldRun = ImpactSideRun(side: .old, policy: old, folder: evidence, roster: roster, quarter: quarter)
        let newRun = ImpactSideRun(side: .new, policy: new, folder: evidence, roster: roster, quarter: quarter)
        let needs = oldRun.needs(notReadBy: newRun) + newRun.needs(notReadBy: oldRun)
        let merged = ProblemMerge(old: oldRun, new: newRun, needs: needs, sink: &sink)
        guard oldRun.canEvaluate || newRun.canEvaluate else { return nil }
        do {
            var impact = try ImpactBuilder(old: oldRun, new: newRun).build()
            impact.notes = needs.map(ImpactNote.evidence) + officerNotes(oldRun, newRun) + merged.notes
            return impact
        } catch {
            sink.append(EvaluationMessages.impactOverflow(quarter))
            return nil
        }
    }

    /// Officers left out of the comparison: a result under one version only, or under neither.
    private static func officerNotes(_ old: ImpactSideRun, _ new: ImpactSideRun) -> [ImpactNote] {
        var seen = Set<String>()
        var everyone: [Officer] = []
        for officer in (old.result.officers + new.result.officers).map(\.officer) where seen.insert(officer.id).inserted {
            everyone.append(officer)
        }
        let onlyOld = everyone.filter { old.complete[$0.id] != nil && new.complete[$0.id] == nil }
        let onlyNew = everyone.filter { new.complete[$0.id] != nil && old.complete[$0.id] == nil }
        let neither = everyone.filter { old.complete[$0.id] == nil && new.complete[$0.id] == nil }
        var notes: [ImpactNote] = []
        if !onlyOld.isEmpty { notes.append(.evaluatedUnderOneSide(.old, officers: onlyOld)) }
        if !onlyNew.isEmpty { notes.append(.evaluatedUnderOneSide(.new, officers: onlyNew)) }
        if !neither.isEmpty { notes.append(.evaluatedUnderNeither(officers: neither)) }
        return notes
    }
}
