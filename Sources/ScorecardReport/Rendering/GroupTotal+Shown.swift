import ScorecardBase
import ScorecardEvaluation

extension GroupTotal {
    /// The average as a report shows it: nil, printed as a dash, for a group without officers and
    /// for one whose average cannot be worked out exactly. The average is a reading aid, neither
    /// paid nor ranked on, and goes past what a decimal holds only for a sum within four places
    /// of its limit; the sums that are paid or ranked are the evaluator's to check (`eval.overflow`).
    func shownAverage(precision: Int, rounding: RoundingMode) -> ExactDecimal? {
        do {
            return try averageScore(precision: precision, rounding: rounding)
        } catch {
            return nil
        }
    }
}
