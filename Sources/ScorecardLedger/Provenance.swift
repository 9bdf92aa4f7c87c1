import ScorecardBase
import ScorecardReport

/// One file a record depends on (a rule or evidence file) or consists of (results.json), with
/// its SHA-256 at the time of recording.
package struct LedgerFile: Sendable {
    /// The path as given on the command line when recorded, for people.
    package var path: String
    /// The path inside its folder (`2025-Q4/scores.csv` in the evidence folder): what is compared
    /// and re-checked, so a record stays valid when the mine's folder moves or is named differently.
    package var name: String
    /// Lower-case hex.
    package var sha256: String
    /// Where the digest is written in provenance.json, once read back.
    package var location: SourceLocation?

    package init(path: String, name: String, sha256: String, location: SourceLocation? = nil) {
        self.path = path
        self.name = name
        self.sha256 = sha256
        self.location = location
    }
}

/// The part of the roster a quarter used: the officers serving in it, each with the digest of
/// the values read from their row (`LedgerOfficer.digest(of:)`). Other rows of the roster (an
/// officer appointed the next year, one who left long ago) are not part of the record, so
/// editing them never invalidates it.
package struct LedgerRoster: Sendable {
    /// The roster's path as given when recorded, for people.
    package var path: String
    /// Its name inside the evidence folder (`officers.csv`): where it is looked for now.
    package var name: String
    /// In roster order.
    package var officers: [LedgerOfficer]
    /// Where the list is written in provenance.json, once read back.
    package var location: SourceLocation?

    package init(path: String, name: String, officers: [LedgerOfficer], location: SourceLocation? = nil) {
        self.path = path
        self.name = name
        self.officers = officers
        self.location = location
    }
}

/// Everything a recorded quarter says about where its results came from: written next to the
/// results as provenance.json, read back to compare and to check.
///
/// Format 2 (`scorecard-ledger/2`) adds who recorded the quarter and why, and keeps the roster
/// as the rows the quarter used rather than the digest of the whole file. Records written in
/// format 1 are still read and checked as they were written.
package struct Provenance: Sendable {
    package static let format = "scorecard-ledger/2"
    package static let firstFormat = "scorecard-ledger/1"

    package struct PolicyInfo: Sendable, Hashable {
        package var id: String
        package var name: String
        package var version: String
        package var effective: String

        package init(id: String, name: String, version: String, effective: String) {
            self.id = id
            self.name = name
            self.version = version
            self.effective = effective
        }
    }

    /// The format the record was written in (`format` for a new one).
    package var formatVersion: String = Provenance.format
    package var quarter: Quarter
    /// UTC, as stored.
    package var recordedAt: UTCTime
    /// Who recorded it (`--by`, or the login name); nil in format 1.
    package var recordedBy: String?
    /// Why (`--reason`); required to replace a final record.
    package var reason: String?
    package var engineVersion: String
    package var policy: PolicyInfo
    package var rulesPath: String
    package var ruleFiles: [LedgerFile]
    package var evidencePath: String
    /// The quarter's own evidence files; in format 1, or without `roster`, the whole roster file too.
    package var evidenceFiles: [LedgerFile]
    /// The roster rows used; nil in format 1 or when the submission gave none.
    package var roster: LedgerRoster?
    /// The record's own files (results.json, results.csv), so an edit to them is noticed too.
    package var outputs: [LedgerFile]

    package init(
        quarter: Quarter, recordedAt: UTCTime, engineVersion: String, policy: PolicyInfo,
        rulesPath: String, ruleFiles: [LedgerFile], evidencePath: String, evidenceFiles: [LedgerFile], outputs: [LedgerFile],
        recordedBy: String? = nil, reason: String? = nil, roster: LedgerRoster? = nil
    ) {
        self.quarter = quarter
        self.recordedAt = recordedAt
        self.engineVersion = engineVersion
        self.policy = policy
        self.rulesPath = rulesPath
        self.ruleFiles = ruleFiles
        self.evidencePath = evidencePath
        self.evidenceFiles = evidenceFiles
        self.outputs = outputs
        self.recordedBy = recordedBy
        self.reason = reason
        self.roster = roster
    }

    /// Files the quarter read, the roster counted as one.
    package var evidenceFileCount: Int { evidenceFiles.count + (roster == nil ? 0 : 1) }

    // MARK: Writing

    /// provenance.json in the current format. Strings are escaped so the YAML layer reads them
    /// back exactly (`JSONEscaping.yamlSafe`).
    package func renderJSON() -> String {
        func files(_ list: [LedgerFile], withPath: Bool) -> JSONValue {
            .array(
                list.map { file in
                    var pairs: [(String, JSONValue)] = []
                    if withPath { pairs.append(("path", .string(file.path))) }
                    pairs += [("name", .string(file.name)), ("sha256", .string(file.sha256))]
                    return .object(pairs)
                })
        }
        let rosterValue: JSONValue =
            roster.map { roster in
                .object([
                    ("path", .string(roster.path)), ("name", .string(roster.name)),
                    (
                        "officers",
                        .array(
                            roster.officers.map { officer in
                                .object([("id", .string(officer.id)), ("name", .string(officer.name)), ("sha256", .string(officer.sha256))])
                            })
                    ),
                ])
            } ?? .null
        let value = JSONValue.object([
            ("format", .string(Self.format)),
            ("quarter", .string(quarter.description)),
            ("recorded_at", .string(recordedAt.iso8601)),
            ("recorded_by", .string(recordedBy ?? "")),
            ("reason", .text(reason)),
            ("engine_version", .string(engineVersion)),
            (
                "policy",
                .object([
                    ("id", .string(policy.id)), ("name", .string(policy.name)),
                    ("version", .string(policy.version)), ("effective", .string(policy.effective)),
                ])
            ),
            ("rules", .object([("path", .string(rulesPath)), ("files", files(ruleFiles, withPath: true))])),
            ("evidence", .object([("path", .string(evidencePath)), ("files", files(evidenceFiles, withPath: true))])),
            ("roster", rosterValue),
            ("results", files(outputs, withPath: false)),
        ])
        return value.rendered(indent: 0, escaping: .yamlSafe) + "\n"
    }
}
