import ScorecardBase
import ScorecardReport
import ScorecardYAML

/// One line of a quarter's history (`results/2025-Q4.history`): a recording, or a final record
/// replaced by a new one. Each line carries the SHA-256 of the line before it, so an entry
/// edited or taken out breaks the chain at that place, and the last entry names the digest of
/// the provenance.json that is final now.
package struct LedgerHistoryEntry: Sendable, Hashable {
    package enum Event: String, Sendable {
        /// The quarter's first record.
        case recorded
        /// A new record replaced the final one (`--force`).
        case superseded
    }

    package var event: Event
    package var quarter: Quarter
    /// UTC, as stored.
    package var at: UTCTime
    package var by: String
    package var reason: String?
    /// The digest of the provenance.json that became final.
    package var provenanceSHA256: String
    /// Where the earlier final record was moved (`2025-Q4.superseded-20260201T090000Z`); nil
    /// for `recorded`, or when the earlier record was missing.
    package var superseded: String?
    /// The earlier final record's provenance.json digest, when there was one to read.
    package var supersededSHA256: String?
    /// SHA-256 of the line before this one (without its line break); nil for the first.
    package var previousSHA256: String?
    /// Where the entry is, once read back.
    package var location: SourceLocation?

    package init(
        event: Event, quarter: Quarter, at: UTCTime, by: String, reason: String?, provenanceSHA256: String,
        superseded: String? = nil, supersededSHA256: String? = nil, previousSHA256: String? = nil
    ) {
        self.event = event
        self.quarter = quarter
        self.at = at
        self.by = by
        self.reason = reason
        self.provenanceSHA256 = provenanceSHA256
        self.superseded = superseded
        self.supersededSHA256 = supersededSHA256
        self.previousSHA256 = previousSHA256
    }

    /// The line as written, without its line break.
    package var line: String {
        JSONValue.object([
            ("event", .string(event.rawValue)),
            ("quarter", .string(quarter.description)),
            ("at", .string(at.iso8601)),
            ("by", .string(by)),
            ("reason", .text(reason)),
            ("provenance_sha256", .string(provenanceSHA256)),
            ("superseded", .text(superseded)),
            ("superseded_provenance_sha256", .text(supersededSHA256)),
            ("previous_sha256", .text(previousSHA256)),
        ]).renderedOnOneLine(escaping: .yamlSafe)
    }
}

/// A quarter's history as read: the entries that could be read and the digest of the last
/// line (what the next entry chains to). The chain's problems go to the reader's sink.
package struct LedgerHistory: Sendable {
    package var path: String
    package var entries: [LedgerHistoryEntry] = []
    /// SHA-256 of the last line; nil when the file is empty.
    package var lastLineSHA256: String?

    /// Reads a history file; nil when there is none. Lines that cannot be read, a broken chain
    /// and a missing last line break go to `sink` (`ledger.history`).
    package static func read(_ path: String, sink: inout DiagnosticSink) -> LedgerHistory? {
        guard FileSystem.kind(of: path) == .file else { return nil }
        var history = LedgerHistory(path: path)
        guard let bytes = try? FileSystem.read(path) else {
            sink.append(LedgerMessages.cannotReadHistory(path))
            return history
        }
        history.read(bytes, sink: &sink)
        return history
    }

    private mutating func read(_ bytes: [UInt8], sink: inout DiagnosticSink) {
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        if lines.last?.isEmpty == true {
            lines.removeLast()
        } else if !lines.isEmpty {
            sink.append(LedgerMessages.truncatedHistory(path, lines: lines.count))
        }
        var previous: String?
        for (index, line) in lines.enumerated() {
            let location = SourceLocation(file: path, line: index + 1, column: 1)
            do throws(Diagnostic) {
                var entry = try Self.entry(line, at: location)
                entry.location = location
                if entry.previousSHA256 != previous {
                    sink.append(LedgerMessages.brokenChain(path, index: index, at: location))
                }
                entries.append(entry)
            } catch {
                sink.append(error)
            }
            previous = SHA256Text.of(line)
        }
        lastLineSHA256 = previous
    }

    /// One line read back; a line that cannot be read is one problem, at the line.
    private static func entry(_ line: [UInt8], at location: SourceLocation) throws(Diagnostic) -> LedgerHistoryEntry {
        let reader = LedgerJSONReader(file: location.file, code: LedgerCode.history, hint: LedgerMessages.historyHint)
        do throws(Diagnostic) {
            let node = try reader.document(line)
            let eventText = try reader.string(node, "event")
            let quarterText = try reader.string(node, "quarter")
            let timeText = try reader.string(node, "at")
            guard let event = LedgerHistoryEntry.Event(rawValue: eventText), let quarter = Quarter(quarterText),
                let time = UTCTime(iso8601: timeText)
            else {
                throw reader.bad("事件、季度或时间无法识别", at: location)
            }
            return LedgerHistoryEntry(
                event: event, quarter: quarter, at: time, by: try reader.string(node, "by"),
                reason: try reader.optionalString(node, "reason"),
                provenanceSHA256: try reader.digest(node, "provenance_sha256", of: "provenance").hex,
                superseded: try reader.optionalString(node, "superseded"),
                supersededSHA256: try reader.optionalDigest(node, "superseded_provenance_sha256", of: "superseded"),
                previousSHA256: try reader.optionalDigest(node, "previous_sha256", of: "previous"))
        } catch {
            var problem = error
            problem.location = location
            throw problem
        }
    }

    /// The file's bytes with `entry` appended, chained to the current last line.
    func appending(_ entry: LedgerHistoryEntry, existing: [UInt8]) -> (bytes: [UInt8], entry: LedgerHistoryEntry) {
        var chained = entry
        chained.previousSHA256 = lastLineSHA256
        var bytes = existing
        if let last = bytes.last, last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        bytes += Array(chained.line.utf8) + [UInt8(ascii: "\n")]
        return (bytes, chained)
    }
}
