import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardRules

/// What is to be recorded for a quarter: the rendered results and the files they came from.
public struct LedgerSubmission: Sendable {
    public struct Output: Sendable {
        public var name: String
        public var bytes: [UInt8]

        public init(name: String, bytes: [UInt8]) {
            self.name = name
            self.bytes = bytes
        }
    }

    public var quarter: Quarter
    public var policy: Provenance.PolicyInfo
    public var rulesPath: String
    public var ruleFiles: [String]
    public var evidencePath: String
    public var evidenceFiles: [String]
    public var outputs: [Output]

    public init(
        quarter: Quarter, policy: Provenance.PolicyInfo, rulesPath: String, ruleFiles: [String],
        evidencePath: String, evidenceFiles: [String], outputs: [Output]
    ) {
        self.quarter = quarter
        self.policy = policy
        self.rulesPath = rulesPath
        self.ruleFiles = ruleFiles
        self.evidencePath = evidencePath
        self.evidenceFiles = evidenceFiles
        self.outputs = outputs
    }

    /// A quarter's evaluated report: results.json (exactly `evaluate --format json`) and
    /// results.csv, from every rule file and the roster plus the quarter's evidence files.
    public init(report: QuarterReport, evidence: QuarterEvidence, rulesPath: String, evidencePath: String) {
        let metadata = report.policy.metadata
        let roster = EvidenceFolder(root: evidencePath).rosterPath
        self.init(
            quarter: report.result.quarter,
            policy: .init(id: metadata.id, name: metadata.name, version: metadata.version, effective: metadata.effective.description),
            rulesPath: rulesPath, ruleFiles: report.policy.files,
            evidencePath: evidencePath, evidenceFiles: [roster] + evidence.files.filter { $0 != roster },
            outputs: [
                Output(name: ResultLedger.resultsJSON, bytes: Array(report.renderJSON().utf8)),
                Output(name: ResultLedger.resultsCSV, bytes: Array(report.renderCSV().utf8)),
            ])
    }
}
