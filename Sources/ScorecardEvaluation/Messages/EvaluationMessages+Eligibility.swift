import ScorecardBase
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// Candidates against the eligibility criteria of clause 2.2.1.
extension EvaluationMessages {
    /// A criterion that could not be evaluated for one candidate; the others go on.
    static func criterionUndecided(
        _ criterion: Criterion, for candidate: Candidate, error: EvaluationError, at location: SourceLocation
    ) -> Diagnostic {
        .error(
            error.code, "候选人 \(candidate.id)（\(candidate.name)）的任职条件 \(criterion.id) 无法判断：\(error.message)",
            hint: "其他条件和其他候选人照常判断；请核对此人的记录或规则中的表达式", at: location)
    }
}
