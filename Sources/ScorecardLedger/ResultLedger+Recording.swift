import ScorecardBase
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What `record` did when it did not fail.
package enum LedgerWrite: Sendable {
    /// Written; `superseded` is where the earlier record was moved, when `--force` replaced one.
    case recorded(Provenance, folder: String, superseded: String?)
    /// Already recorded from the same inputs with the same results: nothing was written.
    case unchanged(Provenance, folder: String)
}

/// Why `record` recorded nothing: refused, because of the record already there, or failed.
package enum LedgerFailure: Error, Sendable {
    /// The quarter is final and this run differs (`ledger.final`), its record is damaged
    /// (`ledger.bad-record`) or missing (`ledger.no-final`); `--force` would replace it.
    case refused(Diagnostic)
    /// An input could not be read, the record could not be written (`io.write`) or `--force`
    /// came without a reason (`ledger.no-reason`); what was there is untouched.
    case failed(Diagnostic)

    /// The problem to show, whichever it is.
    package var diagnostic: Diagnostic {
        switch self {
        case .refused(let problem), .failed(let problem): problem
        }
    }
}

/// One difference between a recorded quarter and this run.
package enum LedgerChange: Sendable, Hashable {
    case changed(LedgerInputKind, path: String)
    case added(LedgerInputKind, path: String)
    case removed(LedgerInputKind, path: String)
    /// The roster row of an officer the quarter used holds other values now.
    case rosterRowChanged(id: String, name: String)
    /// An officer serves in the quarter now who did not when it was recorded.
    case rosterOfficerAdded(id: String, name: String)
    /// An officer the quarter used is no longer on the roster, or no longer serving in it.
    case rosterOfficerRemoved(id: String, name: String)
    case policyVersion(recorded: String, now: String)
    /// Same inputs, different results: the engine changed.
    case results(recordedEngine: String, engine: String)
    /// results.json or results.csv no longer matches the digest recorded with it.
    case recordEdited(path: String)

    package var note: Diagnostic.Note {
        switch self {
        case .changed(let kind, let path):
            .init("\(kind.word)“\(path)”的内容与记录时不同")
        case .added(let kind, let path):
            .init("多了\(kind.word)“\(path)”（记录时没有）")
        case .removed(let kind, let path):
            .init("记录时用到的\(kind.word)“\(path)”这次没有用到或已不存在")
        case .rosterRowChanged(let id, let name):
            .init("名册中联系员 \(id)（\(name)）一行的内容与记录时不同")
        case .rosterOfficerAdded(let id, let name):
            .init("名册中多了在任的联系员 \(id)（\(name)）（记录时没有）")
        case .rosterOfficerRemoved(let id, let name):
            .init("记录时在任的联系员 \(id)（\(name)）这次不在名册中或已不在任")
        case .policyVersion(let recorded, let now):
            .init("规则版本由记录时的 \(recorded) 变为 \(now)")
        case .results(let recordedEngine, let engine):
            .init(
                recordedEngine == engine
                    ? "输入相同，但算出的结果与记录时不同"
                    : "输入相同，但算出的结果与记录时不同（程序版本由 \(recordedEngine) 变为 \(engine)）")
        case .recordEdited(let path):
            .init("记录中的“\(path)”在记录后被改动过")
        }
    }
}

extension ResultLedger {
    /// How `now` differs from `recorded`; empty when recording again would change nothing.
    /// The recorded result files in `recordFolder` are re-hashed too: an edited record is a difference.
    package static func changes(from recorded: Provenance, to now: Provenance, recordFolder: String) -> [LedgerChange] {
        var changes: [LedgerChange] = []
        if recorded.policy.version != now.policy.version {
            changes.append(.policyVersion(recorded: recorded.policy.version, now: now.policy.version))
        }
        // A format-1 record lists the whole roster file among its evidence: compared with the
        // file as it is now, by its digest.
        var recordedEvidence = recorded.evidenceFiles
        if recorded.roster == nil, let roster = now.roster,
            let index = recordedEvidence.firstIndex(where: { $0.name == roster.name })
        {
            let whole = recordedEvidence.remove(at: index)
            if SHA256Text.ofFile(roster.path) != whole.sha256 { changes.append(.changed(.evidence, path: roster.path)) }
        }
        for (kind, old, new) in [
            (LedgerInputKind.rules, recorded.ruleFiles, now.ruleFiles), (.evidence, recordedEvidence, now.evidenceFiles),
        ] {
            for file in new {
                if let before = old.first(where: { $0.name == file.name }) {
                    if before.sha256 != file.sha256 { changes.append(.changed(kind, path: file.path)) }
                } else {
                    changes.append(.added(kind, path: file.path))
                }
            }
            for file in old where !new.contains(where: { $0.name == file.name }) {
                changes.append(.removed(kind, path: file.path))
            }
        }
        if let old = recorded.roster, let new = now.roster {
            changes += rosterChanges(recorded: old.officers, now: new.officers)
        }
        for output in recorded.outputs {
            let path = FileSystem.join(recordFolder, output.name)
            if SHA256Text.ofFile(path) != output.sha256 { changes.append(.recordEdited(path: path)) }
        }
        let sameInputs = changes.isEmpty
        let recordedDigests = recorded.outputs.map { "\($0.name)=\($0.sha256)" }
        let newDigests = now.outputs.map { "\($0.name)=\($0.sha256)" }
        if sameInputs && recordedDigests != newDigests {
            changes.append(.results(recordedEngine: recorded.engineVersion, engine: now.engineVersion))
        }
        return changes
    }

    /// The roster rows compared by officer: order does not matter, only the values used.
    static func rosterChanges(recorded: [LedgerOfficer], now: [LedgerOfficer]) -> [LedgerChange] {
        let before = Dictionary(recorded.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(now.map(\.id))
        var changes: [LedgerChange] = []
        for officer in now {
            if let old = before[officer.id] {
                if old.sha256 != officer.sha256 { changes.append(.rosterRowChanged(id: officer.id, name: officer.name)) }
            } else {
                changes.append(.rosterOfficerAdded(id: officer.id, name: officer.name))
            }
        }
        for officer in recorded where !after.contains(officer.id) {
            changes.append(.rosterOfficerRemoved(id: officer.id, name: officer.name))
        }
        return changes
    }

    /// Records a quarter. Refuses to replace a different record unless `force` with a `reason`,
    /// which moves the old one aside (never deletes it) and enters both in the quarter's
    /// history. `by` is who records (kept in the record and the history). `time` and
    /// `processID` are parameters so tests are exact.
    package func record(
        _ submission: LedgerSubmission, force: Bool, at time: UTCTime, processID: Int32,
        by recorder: String = "", reason: String? = nil, engineVersion: String = ScorecardVersion.current
    ) throws(LedgerFailure) -> LedgerWrite {
        var provenance: Provenance
        do throws(Diagnostic) {
            provenance = try Self.provenance(of: submission, at: time, engineVersion: engineVersion)
        } catch {
            throw .failed(error)
        }
        provenance.recordedBy = recorder
        provenance.reason = reason.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
        do throws(Diagnostic) { try FileSystem.makeDirectories(root) } catch { throw .failed(error) }
        return try withLock(exclusive: true, cannotLock: LedgerFailure.failed) { () throws(LedgerFailure) -> LedgerWrite in
            do throws(Diagnostic) { _ = try recoverLocked(submission.quarter) } catch { throw .failed(error) }
            return try recordLocked(provenance, submission: submission, force: force, processID: processID)
        }
    }

    private func recordLocked(_ provenance: Provenance, submission: LedgerSubmission, force: Bool, processID: Int32) throws(LedgerFailure)
        -> LedgerWrite
    {
        let quarter = submission.quarter
        let final = folder(for: quarter)
        // A history that does not hold is for `check` to report; recording chains to its last line.
        var unreported = DiagnosticSink()
        let history = LedgerHistory.read(historyPath(for: quarter), sink: &unreported)
        var folders = scan()[quarter] ?? QuarterFolders(quarter: quarter)
        removeLeftovers(folders)
        folders.incomplete = []
        folders.temporary = []
        // What is being replaced: the final record, or (with history or older records) a final
        // record that should be there and is not.
        var replacing: (digest: String?, present: Bool)?
        var existing: Provenance?
        var damaged: Diagnostic?
        do throws(Diagnostic) { existing = try record(of: quarter) } catch { damaged = error }
        if existing != nil || damaged != nil {
            replacing = (Self.provenanceDigest(in: final), true)
            if let recorded = existing {
                let changes = Self.changes(from: recorded, to: provenance, recordFolder: final)
                if changes.isEmpty { return .unchanged(recorded, folder: final) }
                if !force { throw .refused(refusal(quarter, recorded: recorded, changes: changes, folder: final)) }
            } else if var problem = damaged, !force {
                problem.hint = LedgerMessages.replaceDamagedHint
                throw .refused(problem)
            }
        } else if history?.entries.isEmpty == false || !folders.superseded.isEmpty {
            replacing = (history?.entries.last?.provenanceSHA256, false)
            if !force { throw .refused(missingFinal(quarter, history: history, folders: folders)) }
        }
        if replacing != nil && provenance.reason == nil {
            throw .failed(LedgerMessages.noReason(quarter))
        }

        var steps = Steps(remaining: crashAfterStep)
        // 1–4. Build the whole quarter under a name nobody reads as a record.
        var building = FileSystem.join(root, ".\(quarter).incomplete-\(processID)")
        var attempt = 1
        while FileSystem.kind(of: building) != .missing {
            attempt += 1
            building = FileSystem.join(root, ".\(quarter).incomplete-\(processID)-\(attempt)")
        }
        do throws(Diagnostic) { try FileSystem.makeDirectory(building) } catch { throw .failed(error) }
        guard steps.next() else { throw .failed(Self.simulatedCrash) }
        let rendered = Array(provenance.renderJSON().utf8)
        let files = submission.outputs.map { ($0.name, $0.bytes) } + [(Self.provenanceFile, rendered)]
        for (name, bytes) in files {
            do throws(Diagnostic) {
                try FileSystem.writeAtomically(bytes, to: FileSystem.join(building, name))
            } catch {
                FileSystem.removeFlatDirectory(building)
                throw .failed(error)
            }
            guard steps.next() else { throw .failed(Self.simulatedCrash) }
        }

        // 5. Enter it in the history: from here on the new record is the final one, and a crash
        // is finished by `recover` (the history says what was meant).
        var aside: String?
        if let replacing, replacing.present {
            var name = "\(quarter).superseded-\(provenance.recordedAt.compact)"
            var number = 1
            while FileSystem.kind(of: FileSystem.join(root, name)) != .missing {
                number += 1
                name = "\(quarter).superseded-\(provenance.recordedAt.compact)-\(number)"
            }
            aside = name
        }
        let entry = LedgerHistoryEntry(
            event: replacing == nil ? .recorded : .superseded, quarter: quarter, at: provenance.recordedAt,
            by: provenance.recordedBy ?? "", reason: provenance.reason, provenanceSHA256: SHA256Text.of(rendered),
            superseded: aside, supersededSHA256: replacing?.digest)
        do throws(Diagnostic) {
            try appendToHistory(entry, quarter: quarter, history: history)
        } catch {
            FileSystem.removeFlatDirectory(building)
            throw .failed(error)
        }
        guard steps.next() else { throw .failed(Self.simulatedCrash) }

        // 6–7. Put it in place.
        let superseded = aside.map { FileSystem.join(root, $0) }
        if let superseded {
            do throws(Diagnostic) { try swapIntoPlace(building, final: final, aside: superseded, steps: &steps) } catch {
                throw .failed(error)
            }
        } else {
            do throws(Diagnostic) { try FileSystem.rename(building, to: final) } catch { throw .failed(error) }
            guard steps.next() else { throw .failed(Self.simulatedCrash) }
        }
        try? FileSystem.syncDirectory(root)
        return .recorded(provenance, folder: final, superseded: superseded)
    }

    /// Puts the record built in `building` in place of the final one, the final one ending up at
    /// `aside`: one exchange and a rename, or (without exchange) two renames.
    func swapIntoPlace(_ building: String, final: String, aside: String, steps: inout Steps) throws(Diagnostic) {
        var exchanged = false
        if swapMethod == .exchange {
            exchanged = try FolderExchange.exchange(building, final)
        }
        if exchanged {
            // The final record is the new one; the old one sits under the building name.
            try? FileSystem.syncDirectory(root)
            guard steps.next() else { throw Self.simulatedCrash }
            try FileSystem.rename(building, to: aside)
            guard steps.next() else { throw Self.simulatedCrash }
        } else {
            try FileSystem.rename(final, to: aside)
            try? FileSystem.syncDirectory(root)
            guard steps.next() else { throw Self.simulatedCrash }
            try FileSystem.rename(building, to: final)
            guard steps.next() else { throw Self.simulatedCrash }
        }
    }

    /// Writes the history with `entry` appended, as one atomic replacement of the file.
    private func appendToHistory(_ entry: LedgerHistoryEntry, quarter: Quarter, history: LedgerHistory?) throws(Diagnostic) {
        let path = historyPath(for: quarter)
        let existing = history == nil ? [] : try FileSystem.read(path)
        let appended = (history ?? LedgerHistory(path: path)).appending(entry, existing: existing)
        try FileSystem.writeAtomically(appended.bytes, to: path)
    }

    /// Half-built folders and history writes cut short, which no history entry refers to (the
    /// lock is held and `recover` has run, so none is in use and none holds a record): removed.
    private func removeLeftovers(_ folders: QuarterFolders) {
        for name in folders.incomplete { FileSystem.removeFlatDirectory(FileSystem.join(root, name)) }
        for name in folders.temporary { _ = unlink(FileSystem.join(root, name)) }
    }

    static func provenance(of submission: LedgerSubmission, at time: UTCTime, engineVersion: String) throws(Diagnostic) -> Provenance {
        let rules = try digest(submission.ruleFiles, under: submission.rulesPath)
        let evidence = try digest(submission.evidenceFiles, under: submission.evidencePath)
        let roster = submission.roster.map { use in
            LedgerRoster(
                path: use.path, name: name(of: use.path, under: submission.evidencePath),
                officers: use.officers.sorted { $0.location.line < $1.location.line }.map(LedgerOfficer.init))
        }
        let outputs = submission.outputs.map { LedgerFile(path: $0.name, name: $0.name, sha256: SHA256Text.of($0.bytes)) }
        return Provenance(
            quarter: submission.quarter, recordedAt: time, engineVersion: engineVersion, policy: submission.policy,
            rulesPath: submission.rulesPath, ruleFiles: rules, evidencePath: submission.evidencePath, evidenceFiles: evidence,
            outputs: outputs, roster: roster)
    }

    func refusal(_ quarter: Quarter, recorded: Provenance, changes: [LedgerChange], folder: String) -> Diagnostic {
        LedgerMessages.final(
            quarter, recordedAt: timeDisplay.text(recorded.recordedAt), changes: changes, keptIn: FileSystem.parent(of: folder))
    }

    /// `ledger.no-final`: the quarter was recorded (its history or older records say so) and its
    /// final record is not there.
    func missingFinal(_ quarter: Quarter, history: LedgerHistory?, folders: QuarterFolders) -> Diagnostic {
        let evidence =
            history.flatMap { $0.entries.isEmpty ? nil : "见记录历史“\($0.path)”" }
            ?? "结果文件夹中有它被替换的旧记录“\(FileSystem.join(root, folders.superseded.last ?? ""))”"
        return LedgerMessages.noFinal(quarter, evidence: evidence, folder: folder(for: quarter))
    }

    static var simulatedCrash: Diagnostic { LedgerMessages.simulatedCrash }

    /// Counts write steps down to a simulated crash.
    struct Steps {
        var remaining: Int?

        mutating func next() -> Bool {
            guard let left = remaining else { return true }
            remaining = left - 1
            return left - 1 > 0
        }
    }
}
