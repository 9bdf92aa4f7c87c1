import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardRules
import ScorecardYAML

/// An eligibility case's expectations against the criteria of clause 2.2.1, the candidates
/// read by the candidates file's own reader.
struct EligibilityCheck {
    let testCase: TestCase
    let policy: Policy
    let eligibility: Eligibility
    let list: CandidateList
    let results: [CandidateResult]
    /// The candidates' rows' problems: data a case's `evidence_errors` is compared with.
    let problems: [Diagnostic]
    private(set) var covered: Set<String> = []
    private let failuresExpected: Set<String>
    private let expectedCodes: Set<String>

    /// Identity columns a case may leave out: only the id matters to the criteria.
    static let identity: [(keys: [String], value: String?)] = [
        (["name", "姓名"], nil), (["unit", "单位", "区队", "科区"], "（未写单位）"), (["area", "责任片区", "班次"], "（未写班次）"),
    ]

    init(testCase: TestCase, policy: Policy, eligibility: Eligibility, candidates: YAMLNode) {
        self.testCase = testCase
        self.policy = policy
        self.eligibility = eligibility
        var sink = DiagnosticSink()
        let defaults = Self.identity.map { entry in
            (
                keys: entry.keys,
                value: { (row: YAMLNode) -> String in
                    entry.value ?? ["candidate", "候选人编号", "工号"].lazy.compactMap { row[$0]?.scalar?.value }.first ?? ""
                }
            )
        }
        var rows = InlineRows(candidates, defaults: defaults, problems: &sink)
        list = CandidateLoader.load(from: &rows, eligibility: eligibility, file: testCase.file, sink: &sink)
        self.problems = sink.diagnostics.sortedForDisplay()
        results = EligibilityEvaluator(eligibility: eligibility).evaluate(list.candidates)
        var failures = Set<String>(), codes = Set<String>()
        for expectation in testCase.expectations {
            switch (expectation.subject, expectation.figure) {
            case (.candidate(let written), .failures):
                if let found = Self.find(written.value, in: results) { failures.insert(found.candidate.id) }
            case (.whole, .evidenceErrors): if case .names(let names, _) = expectation.value { codes.formUnion(names.map(\.value)) }
            default: break
            }
        }
        failuresExpected = failures
        expectedCodes = codes
    }

    static func find(_ written: String, in results: [CandidateResult]) -> CandidateResult? {
        results.first { $0.candidate.id == written }
            ?? {
                let named = results.filter { $0.candidate.name == written }
                return named.count == 1 ? named.first : nil
            }()
    }

    mutating func outcome(of expectation: Expectation) -> ExpectationOutcome {
        var outcome = ExpectationOutcome(pending: expectation)
        let actual: Actual?
        switch expectation.subject {
        case .candidate(let written):
            guard let found = Self.find(written.value, in: results) else {
                outcome.subject = written.value
                if let rejected = list.rejected.first(where: { $0.id == written.value || $0.name == written.value }) {
                    outcome.subject = "候选人 \(rejected.label)"
                    outcome.what = title(expectation.figure)
                    outcome.trace = RuleTrace("候选人 \(rejected.label) 这一行有错误，没有审查", places: [.init(rejected.location)])
                    return outcome
                }
                outcome.error = TestCaseMessages.unknownCandidate(written, among: results.map(\.candidate))
                return outcome
            }
            outcome.subject =
                found.candidate.name == found.candidate.id
                ? "候选人 \(found.candidate.id)" : "候选人 \(found.candidate.id)（\(found.candidate.name)）"
            actual = candidateFigure(expectation, found, outcome: &outcome)
        case .whole, .officer:
            outcome.what = title(expectation.figure)
            guard case .evidenceErrors = expectation.figure else {
                outcome.error = TestCaseMessages.misplaced(expectation, kind: testCase.kindTitle)
                return outcome
            }
            actual = .problemCodes(evidenceErrors())
        }
        outcome.settle(actual, against: expectation.value)
        return outcome
    }

    private mutating func candidateFigure(_ expectation: Expectation, _ result: CandidateResult, outcome: inout ExpectationOutcome)
        -> Actual?
    {
        outcome.what = title(expectation.figure)
        let failing = zip(eligibility.criteria, result.outcomes).filter { $0.1.verdict == .fails }
        let trace = RuleTrace(
            failing.isEmpty
                ? "每一项条件都符合（require: \(eligibility.requirement.rawValue)）"
                : failing.map { criterion, outcome in
                    "\(criterion.id) \(criterion.requirement.source) 不成立（"
                        + outcome.inputs.map { "\($0.field.id) = \(words($0.value))" + ($0.location.map { "，\($0)" } ?? "") }.joined(
                            separator: "；") + "）"
                }.joined(separator: "；"),
            places: failing.isEmpty ? [.init(eligibility.location, "eligibility")] : failing.map { .init($0.0.location, "条件 \($0.0.id)") },
            clause: failing.first?.0.clause ?? eligibility.clause)
        switch expectation.figure {
        case .eligible:
            covered.formUnion(failing.map { "criterion:\($0.0.id)" })
            let value: Bool? =
                switch result.verdict {
                case .eligible: true
                case .ineligible: false
                case .undecided: nil
                }
            return Actual(value: value.map { .boolean($0) }, text: value.map { $0 ? "是" : "否" } ?? "无法判断", trace: trace)
        case .failingCriteria:
            if case .names(let names, _) = expectation.value {
                for name in names where !eligibility.criteria.contains(where: { $0.id == name.value }) {
                    outcome.error = TestCaseMessages.unknownName(
                        TestCaseCode.unknownCriterion, "任职条件", name, among: eligibility.criteria.map(\.id), version: policy)
                    return nil
                }
            }
            covered.formUnion(failing.map { "criterion:\($0.0.id)" })
            return .names(failing.map(\.0.id), ordered: false, trace: trace)
        case .failures:
            let failures = result.failures
            return .names(failures.map(\.code), ordered: false, trace: Traces.problems(failures))
        default:
            outcome.error = TestCaseMessages.misplaced(expectation, kind: testCase.kindTitle)
            return nil
        }
    }

    private func evidenceErrors() -> [Diagnostic] { problems.filter { $0.severity == .error } }

    func unexpected() -> [Diagnostic] {
        evidenceErrors().filter { !expectedCodes.contains($0.code) }
            + results.filter { !failuresExpected.contains($0.candidate.id) }.flatMap(\.failures)
    }

    private func title(_ figure: Expectation.Figure) -> String {
        switch figure {
        case .eligible: "是否符合任职条件"
        case .failingCriteria: "不符合的条件"
        case .failures: "无法判断的原因"
        case .evidenceErrors: "证据错误"
        default: "期望"
        }
    }
}
