import ScorecardBase
import ScorecardEvidence

/// One officer a recorded quarter used, with the digest of the values read from their roster
/// row: what the quarter's results depend on, and nothing else of the roster.
package struct LedgerOfficer: Sendable, Hashable {
    package var id: String
    /// For messages.
    package var name: String
    /// `digest(of:)` when recorded.
    package var sha256: String
    /// Where the digest is written in provenance.json, once read back.
    package var location: SourceLocation?

    package init(id: String, name: String, sha256: String, location: SourceLocation? = nil) {
        self.id = id
        self.name = name
        self.sha256 = sha256
        self.location = location
    }

    package init(_ officer: Officer) {
        self.init(id: officer.id, name: officer.name, sha256: Self.digest(of: officer))
    }

    /// SHA-256 of the row's values as the roster reader gives them, column by column in a fixed
    /// order, each as `column=<byte count>:<text>` or `column-` when empty, one per line:
    /// unambiguous whatever the cells hold. The same values in another encoding, with other
    /// spacing, column order or Chinese headers give the same digest; a changed value does not.
    package static func digest(of officer: Officer) -> String {
        let values: [(String, String?)] = [
            ("officer", officer.id), ("name", officer.name), ("unit", officer.unit), ("area", officer.area),
            ("manager_role", officer.managerRole), ("manager", officer.manager), ("selection", officer.selection),
            ("reason", officer.reason), ("trained_on", officer.trainedOn?.description), ("from", officer.from?.description),
            ("until", officer.until?.description),
        ]
        var text = ""
        for (column, value) in values {
            if let value { text += "\(column)=\(value.utf8.count):\(value)\n" } else { text += "\(column)-\n" }
        }
        return SHA256Text.of(Array(text.utf8))
    }
}
