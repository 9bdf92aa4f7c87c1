import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardReport
import ScorecardRules

/// What is to be recorded for a quarter: the rendered results and the files they came from.
package struct LedgerSubmission: Sendable {
    package struct Output: Sendable {
        package var name: String
        package var bytes: [UInt8]

        package init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    /// The roster rows a quarter used: the officers it evaluated, all serving in it.
    package struct RosterUse: Sendable {
        /// The roster file (`seeds/officers.csv`).
        package var path: String
        package var officers: [Officer]

        package init(path: String, officers: [Officer]) {
            self.path = path
            self.officers = officers
        }
    }

    package var quarter: Quarter
    package var policy: Provenance.PolicyInfo
    package var rulesPath: String
    package var ruleFiles: [String]
    package var evidencePath: String
    /// Evidence files recorded whole (SHA-256 of the file).
    package var evidenceFiles: [String]
    /// The roster, recorded as the rows used; nil to record no roster (or to list it whole
    /// among `evidenceFiles`).
    package var roster: RosterUse?
    package var outputs: [Output]

    package init(
        quarter: Quarter, policy: Provenance.PolicyInfo, rulesPath: String, ruleFiles: [String],
        evidencePath: String, evidenceFiles: [String], roster: RosterUse? = nil, outputs: [Output]
    ) {
        self.quarter = quarter
        self.policy = policy
        self.rulesPath = rulesPath
        self.ruleFiles = ruleFiles
        self.evidencePath = evidencePath
        self.evidenceFiles = evidenceFiles
        self.roster = roster
        self.outputs = outputs
    }

    /// A quarter's evaluated report: results.json (exactly `evaluate --format json`) and
    /// results.csv, from every rule file, the quarter's evidence files and the roster rows of
    /// the officers evaluated (every officer serving in the quarter: recording needs evidence
    /// without problems, and an officer serving without a record is one).
    package init(report: QuarterReport, evidence: QuarterEvidence, rulesPath: String, evidencePath: String) {
        let metadata = report.policy.metadata
        let roster = EvidenceFolder(root: evidencePath).rosterPath
        self.init(
            quarter: report.quarter,
            policy: .init(id: metadata.id, name: metadata.name, version: metadata.version, effective: metadata.effective.description),
            rulesPath: rulesPath, ruleFiles: report.policy.files,
            evidencePath: evidencePath, evidenceFiles: evidence.files.filter { $0 != roster },
            roster: RosterUse(path: roster, officers: evidence.records.map(\.officer)),
            outputs: [
                Output(name: ResultLedger.resultsJSON, bytes: Array(report.renderJSON().utf8)),
                Output(name: ResultLedger.resultsCSV, bytes: Array(report.renderCSV().utf8)),
            ])
    }
}
