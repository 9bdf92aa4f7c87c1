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
        var sink = CollectingSink()
        let outcome = QuarterPipeline(quarter: quarter, policy: policy, roster: roster, folder: folder).run(partial: true, into: &sink)
        evidence = QuarterEvidence(quarter: quarter, records: sink.records, files: outcome.files)
        // The pipeline's problems include the record checks' findings, which `problems` adds
        // from the results: keep the reading problems apart, as they were found.
        let findings = sink.results.flatMap(\.findings)
        loadProblems = outcome.problems.filter { !findings.contains($0) }
        result = QuarterResult(
            quarter: quarter, policy: policy, officers: sink.results, summary: outcome.summary ?? QuarterSummary(policy: policy))
        complete = Dictionary(
            result.officers.filter(\.isComplete).map { ($0.officer.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Everything found under this version: reading problems, failed record checks, failures.
    var problems: [Diagnostic] { loadProblems + result.findings + result.failures }

    var canEvaluate: Bool { !complete.isEmpty }
}
