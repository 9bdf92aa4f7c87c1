import ScorecardBase
import ScorecardRules
import ScorecardYAML

/// The recorded evidence of a mine, laid out as documented in docs/evidence.md:
///
///     officers.csv            the roster
///     2025-Q1/scores.csv      one row per officer (or 2025-Q1/evidence.yaml)
///     2025-Q1/suggestions.csv one row per adopted suggestion (a file per evidence list)
public struct EvidenceFolder: Sendable {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public static let rosterFile = "officers.csv"
    public static let recordsFile = "scores.csv"
    public static let yamlFile = "evidence.yaml"

    /// The quarters that have a folder, oldest first.
    public func quarters() -> [Quarter] { quarterFolders().map(\.quarter) }

    /// Quarter folders as named on disk: `2025-Q1`, and also `2025Q1` or `2025-q1`.
    private func quarterFolders() -> [(quarter: Quarter, name: String)] {
        guard case .success(let names) = FileSystem.list(root) else { return [] }
        return names.compactMap { name -> (Quarter, String)? in
            guard let quarter = Quarter(name), FileSystem.kind(of: FileSystem.join(root, name)) == .directory else { return nil }
            return (quarter, name)
        }.sorted { $0.0 < $1.0 }
    }

    public func folder(for quarter: Quarter) -> String {
        let name = quarterFolders().first { $0.quarter == quarter }?.name ?? quarter.description
        return FileSystem.join(root, name)
    }

    public func loadRoster() -> (roster: Roster, problems: [Diagnostic]) {
        let path = FileSystem.join(root, Self.rosterFile)
        guard FileSystem.kind(of: path) == .file else {
            return (Roster(officers: []), [.error(
                "evidence.no-roster", "找不到联系员名册“\(path)”", hint: "名册是证据文件夹中的 officers.csv，格式见 docs/evidence.md", at: nil)])
        }
        var problems: [Diagnostic] = []
        guard var source = CSVRowSource.open(path, problems: &problems) else { return (Roster(officers: []), problems) }
        let loaded = RosterLoader.load(from: &source, file: path)
        return (loaded.roster, problems + loaded.problems)
    }

    /// Reads and checks one quarter's records against the policy, keeping them; every problem
    /// is collected. For a mine's quarter, tests and tools that want the records at hand.
    public func loadQuarter(_ quarter: Quarter, policy: Policy, roster: Roster) -> (evidence: QuarterEvidence, problems: [Diagnostic]) {
        var records: [OfficerRecord] = []
        let reading = readQuarter(quarter, policy: policy, roster: roster) { records.append($0) }
        if !reading.rejectedAfterHandover.isEmpty { records.removeAll { reading.rejectedAfterHandover.contains($0.officer.id) } }
        return (QuarterEvidence(quarter: quarter, records: records, files: reading.files), reading.problems)
    }

    /// Reads and checks one quarter's records against the policy, handing each sound record to
    /// `body` as soon as it is bound (with its lists attached) and keeping none: the lists are
    /// read first, then the record table streams through. Every problem is collected.
    public func readQuarter(
        _ quarter: Quarter, policy: Policy, roster: Roster, each body: (OfficerRecord) -> Void
    ) -> QuarterReading {
        let folder = folder(for: quarter)
        var binder = RecordBinder(policy: policy, roster: roster, quarter: quarter)
        var problems: [Diagnostic] = []
        var recordFiles: [String] = []
        var listFiles: [String] = []
        func reading() -> QuarterReading {
            QuarterReading(
                quarter: quarter, files: recordFiles + listFiles, problems: problems + binder.problems,
                rejected: binder.rejected, rejectedAfterHandover: binder.rejectedAfterHandover)
        }
        guard FileSystem.kind(of: folder) == .directory else {
            let known = quarters().map(\.description)
            problems.append(.error(
                "evidence.no-quarter", "找不到 \(quarter) 的证据文件夹“\(folder)”",
                hint: known.isEmpty ? "证据文件夹中应有以季度命名的子文件夹，如 2025-Q1" : "已有的季度：\(known.joined(separator: "、"))", at: nil))
            return reading()
        }
        let csvPath = FileSystem.join(folder, Self.recordsFile)
        let yamlPath = FileSystem.join(folder, Self.yamlFile)
        let hasCSV = FileSystem.kind(of: csvPath) == .file
        let hasYAML = FileSystem.kind(of: yamlPath) == .file
        var yamlTables: YAMLEvidenceTables?
        // The record table is opened (its header read) first and streamed last, after the lists
        // its records need; problems are still found in the order of the files.
        var csvSource: CSVRowSource?

        if hasCSV && hasYAML {
            problems.append(.error(
                "evidence.two-formats", "\(quarter) 同时有 \(Self.recordsFile) 和 \(Self.yamlFile)，不知道以哪个为准",
                hint: "只保留其中一个", at: SourceLocation(file: yamlPath, line: 1, column: 1)))
        } else if hasCSV {
            recordFiles.append(csvPath)
            csvSource = CSVRowSource.open(csvPath, problems: &problems)
        } else if hasYAML {
            recordFiles.append(yamlPath)
            let loaded = YAMLLoader.load(contentsOf: yamlPath)
            problems += loaded.diagnostics
            if loaded.documents.count > 1, let second = loaded.documents.dropFirst().first {
                problems.append(.error(
                    "evidence.yaml-documents", "证据文件里有 \(loaded.documents.count) 个文档（用“---”分开），只能有一个",
                    hint: "把各部分合并到一个 records: 列表中", at: second.location))
            }
            if let root = loaded.documents.first?.root {
                var names: [String: String] = [:]
                for field in policy.evidence.fields + policy.evidence.lists.flatMap(\.fields) {
                    if let name = field.name { names[name] = field.id }
                }
                let tables = YAMLEvidenceTables.read(
                    root, listIDs: policy.evidence.lists.map(\.id), canonical: { names[$0] ?? $0 }, problems: &problems)
                if let (text, location) = tables.quarter, Quarter(text) != quarter {
                    problems.append(.error(
                        "evidence.wrong-quarter", "文件写的是季度“\(text)”，却放在 \(quarter) 的文件夹里",
                        hint: "改正 quarter:，或把文件移到对应的文件夹", at: location))
                }
                yamlTables = tables
            }
        } else {
            problems.append(.error(
                "evidence.no-records", "\(quarter) 的文件夹里没有考核记录表（\(Self.recordsFile) 或 \(Self.yamlFile)）",
                hint: "格式见 docs/evidence.md", at: nil))
        }

        for list in policy.evidence.lists {
            let listPath = FileSystem.join(folder, "\(list.id).csv")
            if FileSystem.kind(of: listPath) == .file {
                if yamlTables?.lists[list.id] != nil {
                    problems.append(.error(
                        "evidence.two-formats", "\(quarter) 的“\(list.displayName)”既写在 \(Self.yamlFile) 中，又有 \(list.id).csv，不知道以哪个为准",
                        hint: "只保留其中一处", at: SourceLocation(file: listPath, line: 1, column: 1)))
                    continue
                }
                listFiles.append(listPath)
                if var source = CSVRowSource.open(listPath, problems: &problems) {
                    binder.bindList(list, from: &source, file: listPath)
                }
            } else if var rows = yamlTables?.lists[list.id] {
                binder.bindList(list, from: &rows, file: yamlPath)
            } else if yamlTables == nil {
                problems.append(.warning(
                    "evidence.no-list", "\(quarter) 没有“\(list.displayName)”明细（\(list.id).csv），按本季度没有此类记录计算",
                    hint: "如有记录，放在 \(listPath)", at: nil))
            }
        }
        if var source = csvSource.take() {
            binder.bindRecords(from: &source, file: csvPath, each: body)
        } else if var records = yamlTables?.records {
            binder.bindRecords(from: &records, file: yamlPath, each: body)
        }
        binder.reportMissingRecords()
        return reading()
    }
}

/// What reading a quarter found, besides the records handed on.
public struct QuarterReading: Sendable {
    public var quarter: Quarter
    /// The evidence files read: the record table first, then the lists.
    public var files: [String]
    /// Every problem in the files, unsorted.
    public var problems: [Diagnostic]
    /// Officers with a problem in any of their rows.
    public var rejected: Set<String>
    /// Officers whose record was handed on before a later row rejected them (a second row for
    /// the same officer): a caller keeping results must drop theirs.
    public var rejectedAfterHandover: Set<String>
}

extension EvidenceList {
    /// What people call the list: its Chinese name when it has one.
    public var displayName: String { name ?? id }
}
