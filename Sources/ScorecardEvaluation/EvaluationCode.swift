import ScorecardBase

/// The problems of evaluating a quarter or a year against its rules; each raw value is the code docs/ documents.
public enum EvaluationCode: String, DiagnosticCode {
    case annualNoRules = "annual.no-rules"
    case failed = "eval.failed"
    case missingValue = "eval.missing-value"
    case notNumber = "eval.not-number"
    case overflow = "eval.overflow"
    case rewardRange = "eval.reward-range"
    case scoreRange = "eval.score-range"
    case evidenceCheck = "evidence.check"
    case evidenceCheckAbsentColumn = "evidence.check-absent-column"
    case evidenceNoQuarters = "evidence.no-quarters"
    case evidenceNoYear = "evidence.no-year"
    case evidenceNotFound = "evidence.not-found"
    case impactOverflow = "impact.overflow"
    case rosterAreaGap = "roster.area-gap"
    case rosterAreaOverlap = "roster.area-overlap"
    case rosterAreaVacant = "roster.area-vacant"
    case rosterLateTraining = "roster.late-training"
    case rosterMissingReason = "roster.missing-reason"
    case rosterMissingSelection = "roster.missing-selection"
    case rosterMissingTraining = "roster.missing-training"
    case rosterUnknownSelection = "roster.unknown-selection"
    case rulesNoVersionInForce = "rules.no-version-in-force"
    case rulesUnknownVersion = "rules.unknown-version"
    case rulesUnusable = "rules.unusable"
}
