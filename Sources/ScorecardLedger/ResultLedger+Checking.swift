import ScorecardBase
import ScorecardEvidence

/// What `check` found in the results folder.
package struct LedgerVerification: Sendable {
    /// Changed or missing inputs, edited or damaged records, histories that do not hold,
    /// records cut short (errors); stale half-built folders (warnings).
    package var diagnostics: [Diagnostic] = []
    /// The recorded quarters whose inputs, results and history are as recorded.
    package var intact: [Quarter] = []
}

extension ResultLedger {
    /// Re-computes the SHA-256 of every file each recorded quarter lists, and the digest of each
    /// roster row it used, looking for the inputs in `rulesPath` and `evidencePath` as they are
    /// now; checks each quarter's history and that no recording was cut short. `quarters`:
    /// only these (nil: all). Reads only; holds the folder's shared lock, so a recording under
    /// way is waited for rather than seen half done.
    package func verify(rulesPath: String, evidencePath: String, quarters: Set<Quarter>? = nil) -> LedgerVerification {
        guard FileSystem.kind(of: root) == .directory else { return LedgerVerification() }
        do throws(Diagnostic) {
            return try withLock(exclusive: false) { verifyLocked(rulesPath: rulesPath, evidencePath: evidencePath, quarters: quarters) }
        } catch {
            return LedgerVerification(diagnostics: [error])
        }
    }

    private func verifyLocked(rulesPath: String, evidencePath: String, quarters: Set<Quarter>?) -> LedgerVerification {
        var warnings: [Diagnostic] = []
        var verification = LedgerVerification()
        var rosters = RosterCache(evidencePath: evidencePath)
        for (quarter, folders) in scan().sorted(by: { $0.key < $1.key }) {
            let history = folders.hasHistory ? LedgerHistory.read(historyPath(for: quarter)) : nil
            let interruption = interruption(of: quarter, folders: folders, history: history)
            let moving = interruption?.paths ?? []
            for name in folders.incomplete where !moving.contains(FileSystem.join(root, name)) {
                warnings.append(
                    .warning(
                        LedgerCode.incomplete, "结果文件夹中有一个没有写完的记录“\(FileSystem.join(root, name))”（记录时程序被中断）",
                        hint: "它不算记录，已被忽略，可以删除；下次记录该季度时程序也会把它删掉", at: nil))
            }
            guard quarters?.contains(quarter) ?? true else { continue }
            if let interruption {
                verification.diagnostics.append(interrupted(interruption))
                continue
            }
            var problems = history?.problems ?? []
            if folders.hasFinal {
                let recorded = try? record(of: quarter)
                let finalProblems = verify(quarter, rulesPath: rulesPath, evidencePath: evidencePath, history: history, rosters: &rosters)
                // A damaged record is reported as such, not again as disagreeing with its history.
                problems += historyAgreement(quarter, folders: folders, history: history, final: recorded)
                problems += finalProblems
                if problems.isEmpty { verification.intact.append(quarter) }
            } else if history?.entries.isEmpty == false || !folders.superseded.isEmpty {
                problems.append(missingFinal(quarter, history: history, folders: folders))
            }
            verification.diagnostics += problems
        }
        verification.diagnostics = warnings + verification.diagnostics
        return verification
    }

    private func interrupted(_ interruption: LedgerInterruption) -> Diagnostic {
        let quarter = interruption.quarter
        let final = folder(for: quarter)
        let when = interruption.entry.map { "于 \(timeDisplay.text($0.at)) 开始的" } ?? ""
        let state =
            interruption.finalInPlace
            ? "最终记录“\(final)”是完整的，但还差一步没有做完"
            : "最终记录“\(final)”现在不在原处，完整的记录还在隐藏的文件夹中"
        return .error(
            LedgerCode.interrupted, "\(quarter) \(when)一次记录在中途被中断（程序被强行结束或断电）：\(state)",
            hint: "再运行一次 scorecard evaluate --quarter \(quarter) --record 会自动做完；也可以手工\(interruption.manualSteps)。不要删除其中的隐藏文件夹：里面是完整的记录",
            at: interruption.entry?.location)
    }

    /// The history's last entry names the final record (`final`, when it could be read) with its
    /// time, recorder and reason; each replaced record is where it says, and is the one the
    /// entry before named final.
    private func historyAgreement(_ quarter: Quarter, folders: QuarterFolders, history: LedgerHistory?, final: Provenance?) -> [Diagnostic]
    {
        guard let history else { return [] }
        let hint = LedgerHistory.hint
        var problems: [Diagnostic] = []
        for (index, entry) in history.entries.enumerated() {
            if index > 0, let earlier = entry.supersededSHA256, earlier != history.entries[index - 1].provenanceSHA256 {
                problems.append(
                    .error(
                        LedgerCode.history, "记录历史第 \(entry.location?.line ?? 0) 行记下的被替换的记录不是上一行记下的最终记录",
                        hint: hint, at: entry.location))
            }
            let line = entry.location?.line ?? 0
            if entry.quarter != quarter {
                problems.append(
                    .error(LedgerCode.history, "记录历史“\(history.path)”第 \(line) 行写的是季度 \(entry.quarter)", hint: hint, at: entry.location))
            }
            guard let name = entry.superseded else { continue }
            let aside = FileSystem.join(root, name)
            if FileSystem.kind(of: aside) != .directory {
                problems.append(
                    .error(
                        LedgerCode.history, "记录历史第 \(line) 行记下的被替换的记录“\(aside)”不见了",
                        hint: "被替换的记录要保留：从备份中取回这个文件夹", at: entry.location))
            } else if let digest = entry.supersededSHA256, Self.provenanceDigest(in: aside) != digest {
                problems.append(
                    .error(
                        LedgerCode.history, "被替换的记录“\(aside)”与记录历史第 \(line) 行记下的不同，被改动过",
                        hint: "被替换的记录要原样保留：从备份中取回这个文件夹", at: entry.location))
            }
        }
        guard folders.hasFinal, let final, let last = history.entries.last else { return problems }
        if Self.provenanceDigest(in: folder(for: quarter)) == last.provenanceSHA256 {
            if last.at != final.recordedAt || last.by != (final.recordedBy ?? last.by)
                || (final.recordedBy != nil && last.reason != final.reason)
            {
                problems.append(
                    .error(
                        LedgerCode.history,
                        "记录历史的最后一条（第 \(last.location?.line ?? 0) 行）的时间、记录人或理由与最终记录“\(provenancePath(for: quarter))”中的不同，被改动过",
                        hint: hint, at: last.location))
            }
        } else {
            problems.append(
                .error(
                    LedgerCode.history,
                    "记录历史的最后一条（第 \(last.location?.line ?? 0) 行，\(timeDisplay.text(last.at))）记下的最终记录与现在的“\(folder(for: quarter))”不同：记录被替换或改动过而历史中没有，或历史的最后几行被删去",
                    hint: hint, at: last.location))
        }
        return problems
    }

    private func verify(
        _ quarter: Quarter, rulesPath: String, evidencePath: String, history: LedgerHistory?, rosters: inout RosterCache
    ) -> [Diagnostic] {
        let provenance: Provenance
        do throws(Diagnostic) {
            guard let read = try record(of: quarter) else { return [] }
            provenance = read
        } catch {
            return [error]
        }
        var problems: [Diagnostic] = []
        if provenance.formatVersion == Provenance.format && history == nil {
            problems.append(
                .error(
                    LedgerCode.history, "\(quarter) 的记录历史“\(historyPath(for: quarter))”不见了",
                    hint: "记录历史与记录一起保存，不能删除：从备份中取回这个文件", at: SourceLocation(file: provenancePath(for: quarter), line: 1, column: 1)))
        }
        let hint = "如改动是有意的，用 scorecard evaluate --quarter \(quarter) --record --force --reason “理由” 重新记录（原记录会保留）；否则把文件恢复成记录时的内容"
        let inputs =
            provenance.ruleFiles.map { (LedgerInputKind.rules, $0, Self.path(of: $0.name, under: rulesPath)) }
            + provenance.evidenceFiles.map { (LedgerInputKind.evidence, $0, Self.path(of: $0.name, under: evidencePath)) }
        for (kind, file, path) in inputs {
            guard FileSystem.kind(of: path) == .file else {
                problems.append(
                    .error(
                        LedgerCode.missingInput, "\(quarter) 的记录所用的\(kind.word)“\(path)”已不存在",
                        hint: hint, at: file.location))
                continue
            }
            do throws(Diagnostic) {
                if SHA256.hex(try FileSystem.sha256(ofFile: path)) != file.sha256 {
                    problems.append(
                        .error(
                            LedgerCode.changedInput, "\(quarter) 的记录所用的\(kind.word)“\(path)”在记录后被改动过，内容与记录时不同",
                            hint: hint, at: file.location))
                }
            } catch {
                problems.append(error)
            }
        }
        if let roster = provenance.roster {
            problems += verify(roster, of: quarter, evidencePath: evidencePath, hint: hint, rosters: &rosters)
        }
        for output in provenance.outputs {
            let path = FileSystem.join(folder(for: quarter), output.name)
            let digest = SHA256Text.ofFile(path)
            if digest != output.sha256 {
                problems.append(
                    .error(
                        LedgerCode.changedResult,
                        digest == nil ? "\(quarter) 的记录结果“\(path)”不见了" : "\(quarter) 的记录结果“\(path)”在记录后被改动过",
                        hint: "记录的结果不应手工修改；用 scorecard evaluate --quarter \(quarter) --record --force --reason “理由” 重新记录（原记录会保留）",
                        at: output.location))
            }
        }
        return problems
    }

    /// The roster rows the quarter used, against the roster as it is now: only the officers
    /// serving in the quarter count, so rows of other years never invalidate the record.
    private func verify(
        _ recorded: LedgerRoster, of quarter: Quarter, evidencePath: String, hint: String, rosters: inout RosterCache
    ) -> [Diagnostic] {
        let path = Self.path(of: recorded.name, under: evidencePath)
        guard let roster = rosters.roster(at: path) else {
            return [.error(LedgerCode.missingInput, "\(quarter) 的记录所用的证据文件“\(path)”已不存在", hint: hint, at: recorded.location)]
        }
        let serving = roster.officers.filter { $0.serves(in: quarter) }
        let now = Dictionary(serving.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let before = Set(recorded.officers.map(\.id))
        var problems: [Diagnostic] = []
        for officer in recorded.officers {
            guard let current = now[officer.id] else {
                problems.append(
                    .error(
                        LedgerCode.changedInput, "\(quarter) 的记录所用的联系员 \(officer.id)（\(officer.name)）已不在名册“\(path)”中，或已不在 \(quarter) 在任",
                        hint: hint, at: officer.location))
                continue
            }
            if LedgerOfficer.digest(of: current) != officer.sha256 {
                problems.append(
                    .error(
                        LedgerCode.changedInput, "\(quarter) 的记录所用的名册“\(path)”中联系员 \(officer.id)（\(officer.name)）一行在记录后被改动过，内容与记录时不同",
                        hint: hint, at: officer.location, notes: [.init("名册中现在的这一行", at: current.location)]))
            }
        }
        for officer in serving where !before.contains(officer.id) {
            problems.append(
                .error(
                    LedgerCode.changedInput, "名册“\(path)”中多了在 \(quarter) 在任的联系员 \(officer.id)（\(officer.name)），记录时没有",
                    hint: hint, at: officer.location, notes: [.init("记录中的名册", at: recorded.location)]))
        }
        return problems
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
