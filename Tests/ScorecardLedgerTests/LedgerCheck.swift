import ScorecardBase
import ScorecardLedger

/// What `check` found in a results folder, the problems and the intact quarters together, so a
/// test can look at either.
struct LedgerCheck {
    var diagnostics: [Diagnostic]
    var intact: [Quarter]
}

extension ResultLedger {
    func verify(rulesPath: String, evidencePath: String, quarters: Set<Quarter>? = nil) -> LedgerCheck {
        var sink = DiagnosticSink()
        let intact = verify(rulesPath: rulesPath, evidencePath: evidencePath, quarters: quarters, sink: &sink)
        return LedgerCheck(diagnostics: sink.take(), intact: intact)
    }
}

extension LedgerHistory {
    /// The history and the problems reading it found.
    static func readChecked(_ path: String) -> (history: LedgerHistory?, problems: [Diagnostic]) {
        var sink = DiagnosticSink()
        let history = read(path, sink: &sink)
        return (history, sink.take())
    }
}
