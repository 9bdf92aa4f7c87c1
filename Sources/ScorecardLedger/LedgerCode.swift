import ScorecardBase

/// The problems of the result ledger: recording, history and `check`; each raw value is the code docs/ documents.
package enum LedgerCode: String, DiagnosticCode {
    case badRecord = "ledger.bad-record"
    case changedInput = "ledger.changed-input"
    case changedResult = "ledger.changed-result"
    case final = "ledger.final"
    case history = "ledger.history"
    case incomplete = "ledger.incomplete"
    case interrupted = "ledger.interrupted"
    case missingInput = "ledger.missing-input"
    case noFinal = "ledger.no-final"
    case noReason = "ledger.no-reason"
}
