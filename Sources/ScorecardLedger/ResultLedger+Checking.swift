import ScorecardBase

/// What `check` found in the results folder.
public struct LedgerVerification: Sendable {
    /// Changed or missing inputs, edited or damaged records (errors); stale half-built folders (warnings).
    public var diagnostics: [Diagnostic] = []
    /// The recorded quarters whose inputs and results are as recorded.
    public var intact: [Quarter] = []
}

extension ResultLedger {
    /// Re-computes the SHA-256 of every file each recorded quarter lists, looking for the inputs
    /// in `rulesPath` and `evidencePath` as they are now. `quarters`: only these (nil: all).
    public func verify(rulesPath: String, evidencePath: String, quarters: Set<Quarter>? = nil) -> LedgerVerification {
        var verification = LedgerVerification()
        guard FileSystem.kind(of: root) == .directory, case .success(let names) = FileSystem.list(root) else { return verification }
        for name in names where name.hasPrefix(".") && name.contains(".incomplete-") {
            verification.diagnostics.append(.warning(
                "ledger.incomplete", "结果文件夹中有一个没有写完的记录“\(FileSystem.join(root, name))”（记录时程序被中断）",
                hint: "它不算记录，已被忽略；确认没有程序正在记录后可以删除它，再重新记录该季度", at: nil))
        }
        for quarter in recordedQuarters() where quarters?.contains(quarter) ?? true {
            let problems = verify(quarter, rulesPath: rulesPath, evidencePath: evidencePath)
            if problems.isEmpty { verification.intact.append(quarter) }
            verification.diagnostics += problems
        }
        return verification
    }

    private func verify(_ quarter: Quarter, rulesPath: String, evidencePath: String) -> [Diagnostic] {
        let provenance: Provenance
        switch record(of: quarter) {
        case .success(let read): provenance = read
        case .failure(let problem): return [problem]
        case nil: return []
        }
        let hint = "如改动是有意的，用 scorecard evaluate --quarter \(quarter) --record --force 重新记录（原记录会保留）；否则把文件恢复成记录时的内容"
        var problems: [Diagnostic] = []
        let inputs = provenance.ruleFiles.map { (LedgerInputKind.rules, $0, Self.path(of: $0.name, under: rulesPath)) }
            + provenance.evidenceFiles.map { (LedgerInputKind.evidence, $0, Self.path(of: $0.name, under: evidencePath)) }
        for (kind, file, path) in inputs {
            guard FileSystem.kind(of: path) == .file else {
                problems.append(.error(
                    "ledger.missing-input", "\(quarter) 的记录所用的\(kind.word)“\(path)”已不存在",
                    hint: hint, at: file.location))
                continue
            }
            switch FileSystem.sha256(ofFile: path) {
            case .failure(let problem): problems.append(problem)
            case .success(let digest) where SHA256.hex(digest) != file.sha256:
                problems.append(.error(
                    "ledger.changed-input", "\(quarter) 的记录所用的\(kind.word)“\(path)”在记录后被改动过，内容与记录时不同",
                    hint: hint, at: file.location))
            case .success: break
            }
        }
        for output in provenance.outputs {
            let path = FileSystem.join(folder(for: quarter), output.name)
            let digest = (try? FileSystem.sha256(ofFile: path).get()).map(SHA256.hex)
            if digest != output.sha256 {
                problems.append(.error(
                    "ledger.changed-result",
                    digest == nil ? "\(quarter) 的记录结果“\(path)”不见了" : "\(quarter) 的记录结果“\(path)”在记录后被改动过",
                    hint: "记录的结果不应手工修改；用 scorecard evaluate --quarter \(quarter) --record --force 重新记录（原记录会保留）",
                    at: output.location))
            }
        }
        return problems
    }
}
