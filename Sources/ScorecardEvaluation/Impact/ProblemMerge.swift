import ScorecardBase

/// The two readings' problems as one list: a problem both versions found (the same cell, the
/// same words) is said once; one only a version found is marked with that version; an
/// "unknown column" that is only a field the other version reads is left to the impact note.
/// The list goes to a sink; what is kept is the notes counting them.
struct ProblemMerge: Sendable {
    private(set) var notes: [ImpactNote] = []

    init(old: ImpactSideRun, new: ImpactSideRun, needs: [EvidenceNeed], sink: inout DiagnosticSink) {
        func real(_ run: ImpactSideRun) -> [Diagnostic] {
            run.problems.filter { problem in !needs.contains { $0.neededBy != run.side && $0.explains(problem) } }
        }
        let oldProblems = real(old)
        let newProblems = real(new)
        let inOld = Set(oldProblems)
        let inNew = Set(newProblems)
        let shared = oldProblems.filter(inNew.contains)
        let oldOnly = oldProblems.filter { !inNew.contains($0) }
        let newOnly = newProblems.filter { !inOld.contains($0) }
        var seen = Set<Diagnostic>()
        let problems =
            shared.filter { seen.insert($0).inserted }
            + Self.marked(oldOnly, old) + Self.marked(newOnly, new)
        sink.append(contentsOf: problems.sortedForDisplay())
        for (side, list) in [(ImpactSide?.none, shared), (.old, oldOnly), (.new, newOnly)] {
            let errors = Set(list.filter { $0.severity == .error }).count
            let warnings = Set(list.filter { $0.severity == .warning }).count
            if errors + warnings > 0 { notes.append(.evidenceProblems(side, errors: errors, warnings: warnings)) }
        }
    }

    private static func marked(_ problems: [Diagnostic], _ run: ImpactSideRun) -> [Diagnostic] {
        var seen = Set<Diagnostic>()
        return problems.filter { seen.insert($0).inserted }.map { problem in
            var problem = problem
            problem.notes.append(.init("只在\(run.side.word)（\(run.policy.metadata.version)）下出现"))
            return problem
        }
    }
}
