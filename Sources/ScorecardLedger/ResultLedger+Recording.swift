import ScorecardBase

/// What `record` did.
public enum LedgerOutcome: Sendable {
    /// Written; `superseded` is where the earlier record was moved, when `--force` replaced one.
    case recorded(Provenance, folder: String, superseded: String?)
    /// Already recorded from the same inputs with the same results: nothing was written.
    case unchanged(Provenance, folder: String)
    /// The quarter is final and this run differs (`ledger.final`), or its record is damaged
    /// (`ledger.bad-record`); `--force` would replace it.
    case refused(Diagnostic)
    /// An input could not be read or the record could not be written; what was there is untouched.
    case failed(Diagnostic)
}

/// One difference between a recorded quarter and this run.
public enum LedgerChange: Sendable, Hashable {
    case changed(LedgerInputKind, path: String)
    case added(LedgerInputKind, path: String)
    case removed(LedgerInputKind, path: String)
    case policyVersion(recorded: String, now: String)
    /// Same inputs, different results: the engine changed.
    case results(recordedEngine: String, engine: String)
    /// results.json or results.csv no longer matches the digest recorded with it.
    case recordEdited(path: String)

    public var note: Diagnostic.Note {
        switch self {
        case .changed(let kind, let path):
            .init("\(kind.word)“\(path)”的内容与记录时不同")
        case .added(let kind, let path):
            .init("多了\(kind.word)“\(path)”（记录时没有）")
        case .removed(let kind, let path):
            .init("记录时用到的\(kind.word)“\(path)”这次没有用到或已不存在")
        case .policyVersion(let recorded, let now):
            .init("规则版本由记录时的 \(recorded) 变为 \(now)")
        case .results(let recordedEngine, let engine):
            .init(recordedEngine == engine
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
    public static func changes(from recorded: Provenance, to now: Provenance, recordFolder: String) -> [LedgerChange] {
        var changes: [LedgerChange] = []
        if recorded.policy.version != now.policy.version {
            changes.append(.policyVersion(recorded: recorded.policy.version, now: now.policy.version))
        }
        for (kind, old, new) in [(LedgerInputKind.rules, recorded.ruleFiles, now.ruleFiles), (.evidence, recorded.evidenceFiles, now.evidenceFiles)] {
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
        for output in recorded.outputs {
            let path = FileSystem.join(recordFolder, output.name)
            let digest = (try? FileSystem.sha256(ofFile: path).get()).map(SHA256.hex)
            if digest != output.sha256 { changes.append(.recordEdited(path: path)) }
        }
        let sameInputs = changes.isEmpty
        let recordedDigests = recorded.outputs.map { "\($0.name)=\($0.sha256)" }
        let newDigests = now.outputs.map { "\($0.name)=\($0.sha256)" }
        if sameInputs && recordedDigests != newDigests {
            changes.append(.results(recordedEngine: recorded.engineVersion, engine: now.engineVersion))
        }
        return changes
    }

    /// Records a quarter. Refuses to replace a different record unless `force`, which moves the
    /// old one aside (never deletes it). `time` and `processID` are parameters so tests are exact.
    public func record(
        _ submission: LedgerSubmission, force: Bool, at time: UTCTime, processID: Int32,
        engineVersion: String = ScorecardVersion.current
    ) -> LedgerOutcome {
        let provenance: Provenance
        switch Self.provenance(of: submission, at: time, engineVersion: engineVersion) {
        case .success(let built): provenance = built
        case .failure(let problem): return .failed(problem)
        }
        let quarter = submission.quarter
        let final = folder(for: quarter)
        var replacing = false
        if let existing = record(of: quarter) {
            replacing = true
            switch existing {
            case .success(let recorded):
                let changes = Self.changes(from: recorded, to: provenance, recordFolder: final)
                if changes.isEmpty { return .unchanged(recorded, folder: final) }
                if !force { return .refused(Self.refusal(quarter, recorded: recorded, changes: changes, folder: final)) }
            case .failure(var problem):
                if !force {
                    problem.hint = "用 --force 重新记录：损坏的记录会改名保留，不会删除"
                    return .refused(problem)
                }
            }
        }
        var steps = Steps(remaining: crashAfterStep)
        if case .failure(let problem) = FileSystem.makeDirectories(root) { return .failed(problem) }

        // Build the whole quarter under a name nobody reads, then rename it into place.
        var building = FileSystem.join(root, ".\(quarter).incomplete-\(processID)")
        var attempt = 1
        while FileSystem.kind(of: building) != .missing {
            attempt += 1
            building = FileSystem.join(root, ".\(quarter).incomplete-\(processID)-\(attempt)")
        }
        if case .failure(let problem) = FileSystem.makeDirectory(building) { return .failed(problem) }
        guard steps.next() else { return .failed(Self.simulatedCrash) }
        let files = submission.outputs.map { ($0.name, $0.bytes) } + [(Self.provenanceFile, Array(provenance.renderJSON().utf8))]
        for (name, bytes) in files {
            if case .failure(let problem) = FileSystem.writeAtomically(bytes, to: FileSystem.join(building, name)) {
                FileSystem.removeFlatDirectory(building)
                return .failed(problem)
            }
            guard steps.next() else { return .failed(Self.simulatedCrash) }
        }

        var superseded: String?
        if replacing {
            var aside = FileSystem.join(root, "\(quarter).superseded-\(time.compact)")
            var number = 1
            while FileSystem.kind(of: aside) != .missing {
                number += 1
                aside = FileSystem.join(root, "\(quarter).superseded-\(time.compact)-\(number)")
            }
            if case .failure(let problem) = FileSystem.rename(final, to: aside) {
                FileSystem.removeFlatDirectory(building)
                return .failed(problem)
            }
            superseded = aside
            guard steps.next() else { return .failed(Self.simulatedCrash) }
        }
        if case .failure(let problem) = FileSystem.rename(building, to: final) {
            // Someone else recorded the quarter meanwhile, or the disk failed: put the old one back.
            if let superseded { _ = FileSystem.rename(superseded, to: final) }
            FileSystem.removeFlatDirectory(building)
            return .failed(problem)
        }
        _ = FileSystem.syncDirectory(root)
        return .recorded(provenance, folder: final, superseded: superseded)
    }

    static func provenance(of submission: LedgerSubmission, at time: UTCTime, engineVersion: String) -> Result<Provenance, Diagnostic> {
        let rules: [LedgerFile]
        let evidence: [LedgerFile]
        switch digest(submission.ruleFiles, under: submission.rulesPath) {
        case .success(let files): rules = files
        case .failure(let problem): return .failure(problem)
        }
        switch digest(submission.evidenceFiles, under: submission.evidencePath) {
        case .success(let files): evidence = files
        case .failure(let problem): return .failure(problem)
        }
        let outputs = submission.outputs.map {
            LedgerFile(path: $0.name, name: $0.name, sha256: SHA256.hex(SHA256.hash($0.bytes)))
        }
        return .success(Provenance(
            quarter: submission.quarter, recordedAt: time, engineVersion: engineVersion, policy: submission.policy,
            rulesPath: submission.rulesPath, ruleFiles: rules, evidencePath: submission.evidencePath, evidenceFiles: evidence,
            outputs: outputs))
    }

    static func refusal(_ quarter: Quarter, recorded: Provenance, changes: [LedgerChange], folder: String) -> Diagnostic {
        .error(
            "ledger.final",
            "\(quarter) 的结果已于 \(recorded.recordedAt.iso8601) 记录，是最终结果；这次的输入或结果与记录时不同（\(changes.count) 处），没有重新记录",
            hint: "如改动是有意的，加 --force 重新记录：原记录会改名为 \(quarter).superseded-<时间> 保留在 \(FileSystem.parent(of: folder))，不会删除",
            at: nil, notes: changes.map(\.note))
    }

    static let simulatedCrash = Diagnostic.error("io.write", "（测试）写入中途停止", at: nil)

    /// Counts write steps down to a simulated crash.
    private struct Steps {
        var remaining: Int?

        mutating func next() -> Bool {
            guard let left = remaining else { return true }
            remaining = left - 1
            return left - 1 > 0
        }
    }
}
