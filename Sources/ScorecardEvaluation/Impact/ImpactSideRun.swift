import ScorecardBase
import ScorecardEvidence
import ScorecardRules

/// One version's reading of the quarter: the same files bound to its own record layout (each
/// version decides which columns and lists it reads) and evaluated. Always evaluated in part,
/// so that an officer whose row one version rejects does not hide everyone else's change.
struct ImpactSideRun: Sendable {
    var side: ImpactSide
    var policy: Policy
    var evidence: QuarterEvidence
    /// Problems reading the files under this version's layout.
    var loadProblems: [Diagnostic]
    var result: QuarterResult
    /// Officers with a complete result, by id.
    var complete: [String: OfficerResult]

    init(side: ImpactSide, policy: Policy, folder: EvidenceFolder, roster: Roster, quarter: Quarter) {
        self.side = side
        self.policy = policy
        let loaded = folder.loadQuarter(quarter, policy: policy, roster: roster)
        evidence = loaded.evidence
        loadProblems = loaded.problems
        result = QuarterEvaluator(policy: policy).evaluate(loaded.evidence)
        complete = Dictionary(
            result.officers.filter(\.isComplete).map { ($0.officer.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Everything found under this version: reading problems, failed record checks, failures.
    var problems: [Diagnostic] { loadProblems + result.findings + result.failures }

    var canEvaluate: Bool { !complete.isEmpty }
}
