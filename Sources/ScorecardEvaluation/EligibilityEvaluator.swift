import ScorecardBase
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// How one criterion came out for one candidate, with the values it read, so a failure can be
/// explained ("post_rating = 合格") rather than merely stated.
public struct CriterionOutcome: Sendable {
    public enum Verdict: Sendable, Hashable {
        case holds
        case fails
        /// The criterion could not be evaluated (e.g. a value it reads is missing): neither holds
        /// nor fails, and the diagnostic says why.
        case undecided(Diagnostic)
    }

    public var criterionID: String
    public var verdict: Verdict
    /// The candidate fields the criterion reads, in field order, with the candidate's values
    /// and where each was recorded (nil for a default).
    public var inputs: [(field: EvidenceField, value: Value, location: SourceLocation?)]
}

/// One candidate against every criterion, and the overall verdict under `require: all|any`.
public struct CandidateResult: Sendable {
    public enum Verdict: String, Sendable, Hashable {
        case eligible, ineligible, undecided
    }

    public var candidate: Candidate
    /// One per criterion, in rule order.
    public var outcomes: [CriterionOutcome]
    public var verdict: Verdict

    /// The failures that left criteria undecided.
    public var failures: [Diagnostic] {
        outcomes.compactMap { if case .undecided(let problem) = $0.verdict { problem } else { nil } }
    }
}

/// Judges candidates against the eligibility criteria of clause 2.2.1. A candidate who fails a
/// criterion is a result, not an error; only a criterion that cannot be evaluated is a problem.
public struct EligibilityEvaluator: Sendable {
    public let eligibility: Eligibility

    public init(eligibility: Eligibility) {
        self.eligibility = eligibility
    }

    public func evaluate(_ candidates: [Candidate]) -> [CandidateResult] { candidates.map(evaluate) }

    public func evaluate(_ candidate: Candidate) -> CandidateResult {
        let outcomes = eligibility.criteria.map { outcome(of: $0, for: candidate) }
        return CandidateResult(candidate: candidate, outcomes: outcomes, verdict: combine(outcomes.map(\.verdict)))
    }

    private func outcome(of criterion: Criterion, for candidate: Candidate) -> CriterionOutcome {
        let fields = eligibility.candidateFields
        let read = Set(criterion.requirement.readNames)
        let inputs = fields.indices.filter { read.contains(fields[$0].id) }.map { index in
            (
                field: fields[index], value: candidate.values.indices.contains(index) ? candidate.values[index] : Value.missing,
                location: candidate.fieldLocation(index)
            )
        }
        let verdict: CriterionOutcome.Verdict
        do {
            verdict = try criterion.requirement.evaluate(candidate.values) == .boolean(true) ? .holds : .fails
        } catch {
            verdict = .undecided(
                EvaluationMessages.criterionUndecided(
                    criterion, for: candidate, error: error, at: criterion.requirement.location(of: error)))
        }
        return CriterionOutcome(criterionID: criterion.id, verdict: verdict, inputs: inputs)
    }

    /// `all`: one failure decides against; `any`: one success decides for. Otherwise an
    /// undecided criterion leaves the candidate undecided.
    private func combine(_ verdicts: [CriterionOutcome.Verdict]) -> CandidateResult.Verdict {
        let undecided = verdicts.contains { if case .undecided = $0 { true } else { false } }
        switch eligibility.requirement {
        case .all:
            if verdicts.contains(.fails) { return .ineligible }
            return undecided ? .undecided : .eligible
        case .any:
            if verdicts.contains(.holds) { return .eligible }
            return undecided ? .undecided : .ineligible
        }
    }
}
