import ScorecardBase
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The results folder: one folder per recorded quarter, each final once written.
///
///     results/2025-Q4/results.json      exactly `evaluate --format json`
///     results/2025-Q4/results.csv       exactly `evaluate --format csv`
///     results/2025-Q4/provenance.json   rules version, SHA-256 of every input, who, why, when
///     results/2025-Q4.history           every recording and replacement, one chained line each
///     results/2025-Q4.superseded-20260105T083000Z/   a record replaced with --force, kept
///
/// A quarter is built as `.2025-Q4.incomplete-<pid>/`, entered in the history, and only then
/// put in place: renamed when it is the first, exchanged with the final record in one atomic
/// step (renameat2 RENAME_EXCHANGE, macOS RENAME_SWAP) when it replaces one, the old record then
/// renamed to its superseded name. After a crash at any point the final record is whole (the
/// old or the new one, or with two renames where exchange is not available, whole under one of
/// the names), and the history says which: `recover` finishes the step that was cut short.
package struct ResultLedger: Sendable {
    package static let resultsJSON = "results.json"
    package static let resultsCSV = "results.csv"
    package static let provenanceFile = "provenance.json"
    package static let folderName = "results"
    package static let historySuffix = ".history"

    package var root: String
    /// How times are shown in messages (local, with the offset); records keep UTC.
    package var timeDisplay: TimeDisplay = .system

    /// How a final record is replaced.
    package enum SwapMethod: Sendable {
        /// One atomic exchange where the system has it, two renames where it does not.
        case exchange
        /// Always two renames: what happens on a system without exchange.
        case twoRenames
    }

    /// For tests: stop after this many write steps, as a crash (kill -9, power cut) would.
    /// Package-level: no user of the library can switch it on.
    package var crashAfterStep: Int?
    /// For tests of the fallback.
    package var swapMethod: SwapMethod = .exchange

    package init(root: String) {
        self.root = root
    }

    /// `<evidence>/results`: each mine's data folder holds its own records.
    package static func defaultRoot(evidencePath: String) -> String {
        FileSystem.join(evidencePath, folderName)
    }

    package func folder(for quarter: Quarter) -> String { FileSystem.join(root, quarter.description) }

    package func provenancePath(for quarter: Quarter) -> String {
        FileSystem.join(folder(for: quarter), Self.provenanceFile)
    }

    package func historyPath(for quarter: Quarter) -> String {
        FileSystem.join(root, "\(quarter)\(Self.historySuffix)")
    }

    /// The quarters with a record, oldest first.
    package func recordedQuarters() -> [Quarter] {
        guard let names = try? FileSystem.list(root) else { return [] }
        return names.compactMap { name in
            guard let quarter = Quarter(name), name == quarter.description,
                FileSystem.kind(of: FileSystem.join(root, name)) == .directory
            else { return nil }
            return quarter
        }.sorted()
    }

    /// The record of a quarter; nil when the quarter has none.
    package func record(of quarter: Quarter) throws(Diagnostic) -> Provenance? {
        guard FileSystem.kind(of: folder(for: quarter)) != .missing else { return nil }
        return try Self.readRecord(in: folder(for: quarter), quarter: quarter)
    }

    /// The record kept in `folder` (final, superseded or half-built), checked to be `quarter`'s.
    static func readRecord(in folder: String, quarter: Quarter) throws(Diagnostic) -> Provenance {
        let path = FileSystem.join(folder, provenanceFile)
        guard let bytes = try? FileSystem.read(path) else {
            throw LedgerMessages.missingProvenance(quarter, path: path)
        }
        let provenance = try Provenance.parse(bytes, file: path)
        guard provenance.quarter == quarter else {
            throw LedgerMessages.wrongQuarter(quarter, recorded: provenance.quarter, path: path)
        }
        return provenance
    }

    /// The digest of a record folder's provenance.json: the identity the history uses.
    static func provenanceDigest(in folder: String) -> String? {
        SHA256Text.ofFile(FileSystem.join(folder, provenanceFile))
    }
}

// MARK: - What is in the results folder

/// The names in the results folder that belong to one quarter.
struct QuarterFolders {
    var quarter: Quarter
    var hasFinal = false
    var hasHistory = false
    /// `2025-Q4.superseded-…`, oldest first.
    var superseded: [String] = []
    /// `.2025-Q4.incomplete-…`: half-built, or caught in the middle of a replacement.
    var incomplete: [String] = []
    /// `.tmp-2025-Q4.history-…`: a history write cut short.
    var temporary: [String] = []
}

extension ResultLedger {
    /// Every quarter with anything in the results folder.
    func scan() -> [Quarter: QuarterFolders] {
        guard let names = try? FileSystem.list(root) else { return [:] }
        var found: [Quarter: QuarterFolders] = [:]
        func add(_ text: Substring, _ update: (inout QuarterFolders) -> Void) {
            guard let quarter = Quarter(String(text)), String(text) == quarter.description else { return }
            update(&found[quarter, default: QuarterFolders(quarter: quarter)])
        }
        for name in names {
            if name.hasPrefix(".tmp-"), let dot = name.dropFirst(5).firstIndex(of: "."),
                name[dot...].hasPrefix(Self.historySuffix + "-")
            {
                add(name.dropFirst(5)[..<dot]) { $0.temporary.append(name) }
            } else if name.hasPrefix("."), let range = name.firstRange(of: ".incomplete-") {
                add(name.dropFirst()[..<range.lowerBound]) { $0.incomplete.append(name) }
            } else if let range = name.firstRange(of: ".superseded-") {
                add(name[..<range.lowerBound]) { $0.superseded.append(name) }
            } else if name.hasSuffix(Self.historySuffix) {
                add(name.dropLast(Self.historySuffix.count)) { $0.hasHistory = FileSystem.kind(of: FileSystem.join(root, name)) == .file }
            } else if FileSystem.kind(of: FileSystem.join(root, name)) == .directory {
                add(name[...]) { $0.hasFinal = true }
            }
        }
        return found
    }

    /// Runs `body` holding the results folder's lock: exclusive to record, shared to check, so
    /// two runs never record at once and `check` never sees a replacement half done. The lock
    /// (flock) goes with the process: a crash never leaves it held.
    func withLock<T>(exclusive: Bool, _ body: () throws(Diagnostic) -> T) throws(Diagnostic) -> T {
        try withLock(exclusive: exclusive, cannotLock: { $0 }, body)
    }

    /// The same for a `body` that fails its own way; `cannotLock` makes such a failure of the
    /// lock's own problem.
    func withLock<T, Failure: Error>(
        exclusive: Bool, cannotLock: (Diagnostic) -> Failure, _ body: () throws(Failure) -> T
    ) throws(Failure) -> T {
        let fd = open(root, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else {
            throw cannotLock(LedgerMessages.cannotOpenFolder(root, reason: String(cString: strerror(errno))))
        }
        defer { close(fd) }
        while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 {
            if errno == EINTR { continue }
            // A file system without locks (some network shares): go on, as before locks existed.
            break
        }
        return try body()
    }
}

// MARK: - Inputs

/// Whether a file is a rule or an evidence file, for messages.
package enum LedgerInputKind: Sendable, Hashable {
    case rules, evidence

    var word: String { self == .rules ? "规则文件" : "证据文件" }
}

extension ResultLedger {
    /// A file's name inside its folder: `2025-Q4/scores.csv` for `seeds/2025-Q4/scores.csv` in
    /// `seeds`; the file name when `root` is the rule file itself.
    static func name(of path: String, under root: String) -> String {
        if path == root { return FileSystem.lastComponent(of: path) }
        var prefix = root
        if prefix.isEmpty || prefix == "." { prefix = "" } else if !prefix.hasSuffix("/") { prefix += "/" }
        var name = Substring(path)
        if !prefix.isEmpty && name.hasPrefix(prefix) { name = name.dropFirst(prefix.count) }
        while name.hasPrefix("./") { name = name.dropFirst(2) }
        return String(name)
    }

    /// Where a recorded name is now: inside `root`, or next to it when `root` is a single rule file.
    static func path(of name: String, under root: String) -> String {
        if name.hasPrefix("/") { return name }
        if FileSystem.kind(of: root) == .file { return FileSystem.join(FileSystem.parent(of: root), name) }
        return FileSystem.join(root, name)
    }

    static func digest(_ paths: [String], under root: String) throws(Diagnostic) -> [LedgerFile] {
        var files: [LedgerFile] = []
        for path in paths {
            let digest = try FileSystem.sha256(ofFile: path)
            files.append(LedgerFile(path: path, name: name(of: path, under: root), sha256: SHA256.hex(digest)))
        }
        return files
    }
}
