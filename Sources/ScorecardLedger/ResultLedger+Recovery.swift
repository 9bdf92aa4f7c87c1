import ScorecardBase

/// A recording or replacement cut short (kill -9, power cut) after it was entered in the
/// history, and the steps that finish it. Worked out from what is on disk and what the
/// history's last entry says was meant, so finishing it twice, or after another crash, is safe.
package struct LedgerInterruption: Sendable, Hashable {
    package enum Step: Sendable, Hashable {
        /// The new record in `building` replaces the final one, which goes to `aside`.
        case swap(building: String, final: String, aside: String)
        case rename(from: String, to: String)
    }

    package var quarter: Quarter
    /// What the cut-short run meant to do; nil for a format-1 replacement cut between its renames.
    package var entry: LedgerHistoryEntry?
    package var steps: [Step]
    /// Whether a whole final record is in place meanwhile.
    package var finalInPlace: Bool

    /// The folders the steps move: not leftovers to delete.
    var paths: Set<String> {
        Set(
            steps.flatMap { step -> [String] in
                switch step {
                case .swap(let building, let final, let aside): [building, final, aside]
                case .rename(let from, let to): [from, to]
                }
            })
    }

    /// The same steps as renames a person can do by hand.
    package var manualSteps: String {
        steps.map { step in
            switch step {
            case .swap(let building, let final, let aside): "把“\(final)”改名为“\(aside)”，再把“\(building)”改名为“\(final)”"
            case .rename(let from, let to): "把“\(from)”改名为“\(to)”"
            }
        }.joined(separator: "，再")
    }
}

extension ResultLedger {
    /// Finishes a recording of `quarter` that was cut short, if there is one; returns what was
    /// done, for people (empty when there was nothing to finish). `record` does this itself
    /// first; calling it beforehand lets a front end say what it found.
    package func recover(_ quarter: Quarter) throws(Diagnostic) -> [String] {
        guard FileSystem.kind(of: root) == .directory else { return [] }
        return try withLock(exclusive: true) { () throws(Diagnostic) in try recoverLocked(quarter) }
    }

    func recoverLocked(_ quarter: Quarter) throws(Diagnostic) -> [String] {
        let folders = scan()[quarter] ?? QuarterFolders(quarter: quarter)
        var unreported = DiagnosticSink() // a history that does not hold is for `check` to report
        let history = folders.hasHistory ? LedgerHistory.read(historyPath(for: quarter), sink: &unreported) : nil
        guard let interruption = interruption(of: quarter, folders: folders, history: history) else { return [] }
        var done: [String] = []
        for step in interruption.steps {
            switch step {
            case .swap(let building, let final, let aside):
                var steps = Steps(remaining: nil)
                try swapIntoPlace(building, final: final, aside: aside, steps: &steps)
            case .rename(let from, let to):
                try FileSystem.rename(from, to: to)
            }
            try? FileSystem.syncDirectory(root)
            done.append(LedgerInterruption(quarter: quarter, entry: nil, steps: [step], finalInPlace: true).manualSteps)
        }
        return done
    }

    /// What a cut-short run of `quarter` left to do; nil when the results folder is as the
    /// history says (or when it is not, but no run of this program could have left it so:
    /// then `check` reports it as a problem instead).
    func interruption(of quarter: Quarter, folders: QuarterFolders, history: LedgerHistory?) -> LedgerInterruption? {
        let final = folder(for: quarter)
        let incomplete = folders.incomplete.map { name in
            let path = FileSystem.join(root, name)
            return (path: path, digest: Self.provenanceDigest(in: path))
        }
        if let history, let entry = history.entries.last, entry.quarter == quarter {
            let meant = entry.provenanceSHA256
            let finalDigest = folders.hasFinal ? Self.provenanceDigest(in: final) : nil
            if finalDigest == meant {
                // In place; the earlier record may still be under the building name.
                guard let name = entry.superseded, FileSystem.kind(of: FileSystem.join(root, name)) == .missing else { return nil }
                let old = incomplete.filter { candidate in
                    entry.supersededSHA256.map { candidate.digest == $0 } ?? (candidate.digest != meant)
                }
                guard old.count == 1 else { return nil }
                return LedgerInterruption(
                    quarter: quarter, entry: entry, steps: [.rename(from: old[0].path, to: FileSystem.join(root, name))], finalInPlace: true
                )
            }
            let built = incomplete.filter { $0.digest == meant }
            guard let building = built.first?.path else { return nil }
            if !folders.hasFinal {
                // A first recording, a replacement of a missing record, or the second of two renames.
                return LedgerInterruption(quarter: quarter, entry: entry, steps: [.rename(from: building, to: final)], finalInPlace: false)
            }
            // The final record is still the one being replaced.
            guard let name = entry.superseded, entry.supersededSHA256 == nil || entry.supersededSHA256 == finalDigest else { return nil }
            return LedgerInterruption(
                quarter: quarter, entry: entry, steps: [.swap(building: building, final: final, aside: FileSystem.join(root, name))],
                finalInPlace: true)
        }
        // Before histories, a replacement was two renames: old → superseded-<new time>, new → final.
        // Cut between them, the new record is whole under its building name.
        guard history == nil, !folders.hasFinal, !folders.superseded.isEmpty else { return nil }
        for candidate in incomplete {
            guard let provenance = try? Self.readRecord(in: candidate.path, quarter: quarter),
                folders.superseded.contains(where: { Self.supersededTime(of: $0) == provenance.recordedAt.compact }),
                provenance.outputs.allSatisfy({ SHA256Text.ofFile(FileSystem.join(candidate.path, $0.name)) == $0.sha256 })
            else { continue }
            return LedgerInterruption(quarter: quarter, entry: nil, steps: [.rename(from: candidate.path, to: final)], finalInPlace: false)
        }
        return nil
    }

    /// `20260201T090000Z` of `2025-Q4.superseded-20260201T090000Z-2`.
    static func supersededTime(of name: String) -> String? {
        guard let range = name.firstRange(of: ".superseded-") else { return nil }
        let rest = name[range.upperBound...]
        return String(rest.split(separator: "-", maxSplits: 1).first ?? rest)
    }
}
