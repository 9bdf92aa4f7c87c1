import ScorecardBase

/// The problems of the command line itself: `diff`'s git work and choosing what to run; each raw value is the code docs/ documents.
package enum CommandCode: String, DiagnosticCode {
    case diffGitUnavailable = "diff.git-unavailable"
    case diffNotACheckout = "diff.not-a-checkout"
    case diffNotInRevision = "diff.not-in-revision"
    case diffUnknownRevision = "diff.unknown-revision"
    case rulesNoEligibility = "rules.no-eligibility"
    case testNoFiles = "test.no-files"
    case vacancyNoRules = "vacancy.no-rules"
}
