import ScorecardBase

/// The results folder: one folder per recorded quarter, each final once written.
///
///     results/2025-Q4/results.json      exactly `evaluate --format json`
///     results/2025-Q4/results.csv       exactly `evaluate --format csv`
///     results/2025-Q4/provenance.json   rules version, SHA-256 of every input, engine, time
///     results/2025-Q4.superseded-20260105T083000Z/   a record replaced with --force, kept
///
/// A quarter is built as `.2025-Q4.incomplete-<pid>/` and renamed into place last, so after a
/// crash there is the old complete record or none, never half of one.
public struct ResultLedger: Sendable {
    public static let resultsJSON = "results.json"
    public static let resultsCSV = "results.csv"
    public static let provenanceFile = "provenance.json"
    public static let folderName = "results"

    public var root: String
    /// For tests: stop after this many write steps, as a crash (kill -9, power cut) would.
    /// Package-level: no user of the library can switch it on.
    package var crashAfterStep: Int?

    public init(root: String) {
        self.root = root
    }

    /// `<evidence>/results`: each mine's data folder holds its own records.
    public static func defaultRoot(evidencePath: String) -> String {
        FileSystem.join(evidencePath, folderName)
    }

    public func folder(for quarter: Quarter) -> String { FileSystem.join(root, quarter.description) }

    public func provenancePath(for quarter: Quarter) -> String {
        FileSystem.join(folder(for: quarter), Self.provenanceFile)
    }

    /// The quarters with a record, oldest first.
    public func recordedQuarters() -> [Quarter] {
        guard case .success(let names) = FileSystem.list(root) else { return [] }
        return names.compactMap { name in
            guard let quarter = Quarter(name), name == quarter.description,
                  FileSystem.kind(of: FileSystem.join(root, name)) == .directory else { return nil }
            return quarter
        }.sorted()
    }

    /// The record of a quarter; nil when the quarter has none.
    public func record(of quarter: Quarter) -> Result<Provenance, Diagnostic>? {
        guard FileSystem.kind(of: folder(for: quarter)) != .missing else { return nil }
        let path = provenancePath(for: quarter)
        switch FileSystem.read(path) {
        case .failure:
            return .failure(.error(
                "ledger.bad-record", "\(quarter) 的记录缺少来源文件“\(path)”，无法确认结果的来源",
                hint: "记录文件夹由程序写出，不要手工修改；如已损坏，用 --force 重新记录该季度", at: nil))
        case .success(let bytes):
            let parsed = Provenance.parse(bytes, file: path)
            if case .success(let provenance) = parsed, provenance.quarter != quarter {
                return .failure(.error(
                    "ledger.bad-record", "文件夹 \(quarter) 中的记录写的是季度 \(provenance.quarter)",
                    hint: "记录文件夹由程序写出，不要手工改名；用 --force 重新记录该季度", at: SourceLocation(file: path, line: 1, column: 1)))
            }
            return parsed
        }
    }
}

// MARK: - Inputs

/// Whether a file is a rule or an evidence file, for messages.
public enum LedgerInputKind: Sendable, Hashable {
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

    static func digest(_ paths: [String], under root: String) -> Result<[LedgerFile], Diagnostic> {
        var files: [LedgerFile] = []
        for path in paths {
            switch FileSystem.sha256(ofFile: path) {
            case .success(let digest): files.append(LedgerFile(path: path, name: name(of: path, under: root), sha256: SHA256.hex(digest)))
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(files)
    }
}
