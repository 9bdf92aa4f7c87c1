import ScorecardBase
import ScorecardEvidence

extension ResultLedger {
    /// Re-computes the SHA-256 of every file each recorded quarter lists, and the digest of each
    /// roster row it used, looking for the inputs in `rulesPath` and `evidencePath` as they are
    /// now; checks each quarter's history and that no recording was cut short. `quarters`:
    /// only these (nil: all). Returns the recorded quarters whose inputs, results and history
    /// are as recorded; changed or missing inputs, edited or damaged records, histories that do
    /// not hold, records cut short (errors) and stale half-built folders (warnings, first) go to
    /// `sink`. Reads only; holds the folder's shared lock, so a recording under way is waited
    /// for rather than seen half done.
    package func verify(rulesPath: String, evidencePath: String, quarters: Set<Quarter>? = nil, sink: inout DiagnosticSink) -> [Quarter] {
        guard FileSystem.kind(of: root) == .directory else { return [] }
        do throws(Diagnostic) {
            var found = DiagnosticSink()
            let intact = try withLock(exclusive: false) {
                verifyLocked(rulesPath: rulesPath, evidencePath: evidencePath, quarters: quarters, sink: &found)
            }
            sink.append(contentsOf: found.take())
            return intact
        } catch {
            sink.append(error)
            return []
        }
    }

    private func verifyLocked(rulesPath: String, evidencePath: String, quarters: Set<Quarter>?, sink: inout DiagnosticSink) -> [Quarter] {
        var warnings: [Diagnostic] = []
        var errors = DiagnosticSink()
        var intact: [Quarter] = []
        var rosters = RosterCache(evidencePath: evidencePath)
        for (quarter, folders) in scan().sorted(by: { $0.key < $1.key }) {
            var problems = DiagnosticSink()
            let history = folders.hasHistory ? LedgerHistory.read(historyPath(for: quarter), sink: &problems) : nil
            let interruption = interruption(of: quarter, folders: folders, history: history)
            let moving = interruption?.paths ?? []
            for name in folders.incomplete where !moving.contains(FileSystem.join(root, name)) {
                warnings.append(LedgerMessages.incomplete(FileSystem.join(root, name)))
            }
            guard quarters?.contains(quarter) ?? true else { continue }
            if let interruption {
                errors.append(interrupted(interruption))
                continue
            }
            if folders.hasFinal {
                let recorded = try? record(of: quarter)
                // A damaged record is reported as such, not again as disagreeing with its history.
                historyAgreement(quarter, folders: folders, history: history, final: recorded, sink: &problems)
                verify(quarter, rulesPath: rulesPath, evidencePath: evidencePath, history: history, rosters: &rosters, sink: &problems)
                if problems.isEmpty { intact.append(quarter) }
            } else if history?.entries.isEmpty == false || !folders.superseded.isEmpty {
                problems.append(missingFinal(quarter, history: history, folders: folders))
            }
            errors.append(contentsOf: problems.take())
        }
        sink.append(contentsOf: warnings)
        sink.append(contentsOf: errors.take())
        return intact
    }

    private func interrupted(_ interruption: LedgerInterruption) -> Diagnostic {
        let quarter = interruption.quarter
        let final = folder(for: quarter)
        let when = interruption.entry.map { "于 \(timeDisplay.text($0.at)) 开始的" } ?? ""
        let state =
            interruption.finalInPlace
            ? "最终记录“\(final)”是完整的，但还差一步没有做完"
            : "最终记录“\(final)”现在不在原处，完整的记录还在隐藏的文件夹中"
        return LedgerMessages.interrupted(
            quarter, when: when, state: state, manualSteps: interruption.manualSteps, at: interruption.entry?.location)
    }

    /// The history's last entry names the final record (`final`, when it could be read) with its
    /// time, recorder and reason; each replaced record is where it says, and is the one the
    /// entry before named final.
    private func historyAgreement(
        _ quarter: Quarter, folders: QuarterFolders, history: LedgerHistory?, final: Provenance?, sink problems: inout DiagnosticSink
    ) {
        guard let history else { return }
        for (index, entry) in history.entries.enumerated() {
            if index > 0, let earlier = entry.supersededSHA256, earlier != history.entries[index - 1].provenanceSHA256 {
                problems.append(LedgerMessages.supersededNotPreviousFinal(line: entry.location?.line ?? 0, at: entry.location))
            }
            let line = entry.location?.line ?? 0
            if entry.quarter != quarter {
                problems.append(LedgerMessages.otherQuarter(history.path, line: line, quarter: entry.quarter, at: entry.location))
            }
            guard let name = entry.superseded else { continue }
            let aside = FileSystem.join(root, name)
            if FileSystem.kind(of: aside) != .directory {
                problems.append(LedgerMessages.supersededMissing(aside, line: line, at: entry.location))
            } else if let digest = entry.supersededSHA256, Self.provenanceDigest(in: aside) != digest {
                problems.append(LedgerMessages.supersededChanged(aside, line: line, at: entry.location))
            }
        }
        guard folders.hasFinal, let final, let last = history.entries.last else { return }
        if Self.provenanceDigest(in: folder(for: quarter)) == last.provenanceSHA256 {
            if last.at != final.recordedAt || last.by != (final.recordedBy ?? last.by)
                || (final.recordedBy != nil && last.reason != final.reason)
            {
                problems.append(
                    LedgerMessages.lastEntryEdited(
                        line: last.location?.line ?? 0, provenance: provenancePath(for: quarter), at: last.location))
            }
        } else {
            problems.append(
                LedgerMessages.lastEntryOtherRecord(
                    line: last.location?.line ?? 0, time: timeDisplay.text(last.at), folder: folder(for: quarter), at: last.location))
        }
    }

    private func verify(
        _ quarter: Quarter, rulesPath: String, evidencePath: String, history: LedgerHistory?, rosters: inout RosterCache,
        sink problems: inout DiagnosticSink
    ) {
        let provenance: Provenance
        do throws(Diagnostic) {
            guard let read = try record(of: quarter) else { return }
            provenance = read
        } catch {
            problems.append(error)
            return
        }
        if provenance.formatVersion == Provenance.format && history == nil {
            problems.append(
                LedgerMessages.historyMissing(quarter, path: historyPath(for: quarter), provenance: provenancePath(for: quarter)))
        }
        let inputs =
            provenance.ruleFiles.map { (LedgerInputKind.rules, $0, Self.path(of: $0.name, under: rulesPath)) }
            + provenance.evidenceFiles.map { (LedgerInputKind.evidence, $0, Self.path(of: $0.name, under: evidencePath)) }
        for (kind, file, path) in inputs {
            guard FileSystem.kind(of: path) == .file else {
                problems.append(LedgerMessages.missingInput(quarter, kind: kind.word, path: path, at: file.location))
                continue
            }
            do throws(Diagnostic) {
                if SHA256.hex(try FileSystem.sha256(ofFile: path)) != file.sha256 {
                    problems.append(LedgerMessages.changedInput(quarter, kind: kind.word, path: path, at: file.location))
                }
            } catch {
                problems.append(error)
            }
        }
        if let roster = provenance.roster {
            verify(roster, of: quarter, evidencePath: evidencePath, rosters: &rosters, sink: &problems)
        }
        for output in provenance.outputs {
            let path = FileSystem.join(folder(for: quarter), output.name)
            let digest = SHA256Text.ofFile(path)
            if digest != output.sha256 {
                problems.append(LedgerMessages.changedResult(quarter, path: path, missing: digest == nil, at: output.location))
            }
        }
    }

    /// The roster rows the quarter used, against the roster as it is now: only the officers
    /// serving in the quarter count, so rows of other years never invalidate the record.
    private func verify(
        _ recorded: LedgerRoster, of quarter: Quarter, evidencePath: String, rosters: inout RosterCache,
        sink problems: inout DiagnosticSink
    ) {
        let path = Self.path(of: recorded.name, under: evidencePath)
        guard let roster = rosters.roster(at: path) else {
            problems.append(LedgerMessages.missingInput(quarter, kind: LedgerInputKind.evidence.word, path: path, at: recorded.location))
            return
        }
        let serving = roster.officers.filter { $0.serves(in: quarter) }
        let now = Dictionary(serving.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let before = Set(recorded.officers.map(\.id))
        for officer in recorded.officers {
            guard let current = now[officer.id] else {
                problems.append(
                    LedgerMessages.rosterOfficerRemoved(quarter, id: officer.id, name: officer.name, roster: path, at: officer.location))
                continue
            }
            if LedgerOfficer.digest(of: current) != officer.sha256 {
                problems.append(
                    LedgerMessages.rosterRowChanged(
                        quarter, id: officer.id, name: officer.name, roster: path, at: officer.location, now: current.location))
            }
        }
        for officer in serving where !before.contains(officer.id) {
            problems.append(
                LedgerMessages.rosterOfficerAdded(
                    quarter, id: officer.id, name: officer.name, roster: path, at: officer.location, recorded: recorded.location))
        }
    }
}

/// The roster read once for all the quarters checked.
private struct RosterCache {
    var evidencePath: String
    private var loaded: [String: Roster?] = [:]

    init(evidencePath: String) {
        self.evidencePath = evidencePath
    }

    mutating func roster(at path: String) -> Roster? {
        if let known = loaded[path] { return known }
        var roster: Roster?
        if FileSystem.kind(of: path) == .file {
            var ignored = DiagnosticSink()
            roster = EvidenceFolder(root: FileSystem.parent(of: path)).loadRoster(sink: &ignored)
        }
        loaded[path] = roster
        return roster
    }
}
