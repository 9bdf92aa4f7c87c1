import ScorecardBase
import ScorecardRules
import ScorecardYAML

/// The recorded evidence of a mine, laid out as documented in docs/evidence.md:
///
///     officers.csv            the roster (or officers.xlsx)
///     2025-Q1/scores.csv      one row per officer (or scores.xlsx, or evidence.yaml)
///     2025-Q1/suggestions.csv one row per adopted suggestion (a file per evidence list, .csv
///                             or .xlsx, or a sheet of scores.xlsx named for the list)
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
        let workbook = FileSystem.join(root, Self.rosterWorkbook)
        switch Self.choose(csv: path, workbook: workbook) {
        case .neither:
            return (Roster(officers: []), [.error(
                "evidence.no-roster", "找不到联系员名册“\(path)”", hint: "名册是证据文件夹中的 officers.csv（或 officers.xlsx），格式见 docs/evidence.md", at: nil)])
        case .both(let problem):
            return (Roster(officers: []), [problem])
        case .csv:
            var problems: [Diagnostic] = []
            guard var source = CSVRowSource.open(path, problems: &problems) else { return (Roster(officers: []), problems) }
            let loaded = RosterLoader.load(from: &source, file: path)
            return (loaded.roster, problems + loaded.problems)
        case .workbook:
            var problems: [Diagnostic] = []
            guard var source = XLSXRowSource.open(workbook, sheetNames: Self.rosterSheets, firstIfNone: true, problems: &problems) else {
                return (Roster(officers: []), problems)
            }
            let loaded = RosterLoader.load(from: &source, file: workbook)
            return (loaded.roster, problems + loaded.problems)
        }
    }

    /// Reads and checks one quarter's records against the policy; every problem is collected.
    public func loadQuarter(_ quarter: Quarter, policy: Policy, roster: Roster) -> (evidence: QuarterEvidence, problems: [Diagnostic]) {
        let folder = folder(for: quarter)
        var binder = RecordBinder(policy: policy, roster: roster, quarter: quarter)
        var problems: [Diagnostic] = []
        var files: [String] = []
        guard FileSystem.kind(of: folder) == .directory else {
            let known = quarters().map(\.description)
            problems.append(.error(
                "evidence.no-quarter", "找不到 \(quarter) 的证据文件夹“\(folder)”",
                hint: known.isEmpty ? "证据文件夹中应有以季度命名的子文件夹，如 2025-Q1" : "已有的季度：\(known.joined(separator: "、"))", at: nil))
            return (binder.finish(files: []), problems)
        }
        let csvPath = FileSystem.join(folder, Self.recordsFile)
        let yamlPath = FileSystem.join(folder, Self.yamlFile)
        let xlsxPath = FileSystem.join(folder, Self.recordsWorkbook)
        let hasCSV = FileSystem.kind(of: csvPath) == .file
        let hasYAML = FileSystem.kind(of: yamlPath) == .file
        let hasXLSX = FileSystem.kind(of: xlsxPath) == .file
        var yamlTables: YAMLEvidenceTables?
        // The records workbook, kept open: its other sheets may hold the lists.
        var recordsWorkbook: XLSXFile?

        if hasXLSX && (hasCSV || hasYAML) {
            problems.append(.error(
                "evidence.two-formats", "\(quarter) 同时有 \(Self.recordsWorkbook) 和 \(hasCSV ? Self.recordsFile : Self.yamlFile)，不知道以哪个为准",
                hint: "只保留其中一个", at: nil))
        } else if hasXLSX {
            files.append(xlsxPath)
            switch XLSXFile.open(xlsxPath) {
            case .failure(let problem): problems.append(problem)
            case .success(let workbook):
                recordsWorkbook = workbook
                if var source = XLSXRowSource.open(workbook, sheetNames: Self.recordSheets, firstIfNone: true, problems: &problems) {
                    binder.bindRecords(from: &source, file: xlsxPath)
                }
            }
        } else if hasCSV && hasYAML {
            problems.append(.error(
                "evidence.two-formats", "\(quarter) 同时有 \(Self.recordsFile) 和 \(Self.yamlFile)，不知道以哪个为准",
                hint: "只保留其中一个", at: SourceLocation(file: yamlPath, line: 1, column: 1)))
        } else if hasCSV {
            files.append(csvPath)
            if var source = CSVRowSource.open(csvPath, problems: &problems) {
                binder.bindRecords(from: &source, file: csvPath)
            }
        } else if hasYAML {
            files.append(yamlPath)
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
                var tables = YAMLEvidenceTables.read(
                    root, listIDs: policy.evidence.lists.map(\.id), canonical: { names[$0] ?? $0 }, problems: &problems)
                if let (text, location) = tables.quarter, Quarter(text) != quarter {
                    problems.append(.error(
                        "evidence.wrong-quarter", "文件写的是季度“\(text)”，却放在 \(quarter) 的文件夹里",
                        hint: "改正 quarter:，或把文件移到对应的文件夹", at: location))
                }
                binder.bindRecords(from: &tables.records, file: yamlPath)
                yamlTables = tables
            }
        } else {
            problems.append(.error(
                "evidence.no-records", "\(quarter) 的文件夹里没有考核记录表（\(Self.recordsFile)、\(Self.recordsWorkbook) 或 \(Self.yamlFile)）",
                hint: "格式见 docs/evidence.md", at: nil))
        }

        for list in policy.evidence.lists {
            let listPath = FileSystem.join(folder, "\(list.id).csv")
            let listWorkbook = FileSystem.join(folder, "\(list.id).xlsx")
            let listNames = [list.name, list.id].compactMap { $0 }
            let sheetInRecords = recordsWorkbook?.sheets.contains { listNames.contains($0.name) } == true
            let hasListCSV = FileSystem.kind(of: listPath) == .file
            let hasListXLSX = FileSystem.kind(of: listWorkbook) == .file
            let places = [hasListCSV ? "\(list.id).csv" : nil, hasListXLSX ? "\(list.id).xlsx" : nil,
                          sheetInRecords ? "\(Self.recordsWorkbook) 的工作表“\(list.displayName)”" : nil].compactMap { $0 }
            if places.count > 1 {
                problems.append(.error(
                    "evidence.two-formats", "\(quarter) 的“\(list.displayName)”既在 \(places[0])，又在 \(places[1])，不知道以哪个为准",
                    hint: "只保留其中一处", at: nil))
                continue
            }
            if hasListXLSX {
                files.append(listWorkbook)
                if var source = XLSXRowSource.open(listWorkbook, sheetNames: listNames, firstIfNone: true, problems: &problems) {
                    binder.bindList(list, from: &source, file: listWorkbook)
                }
            } else if sheetInRecords, let workbook = recordsWorkbook {
                if var source = XLSXRowSource.open(workbook, sheetNames: listNames, firstIfNone: false, problems: &problems) {
                    binder.bindList(list, from: &source, file: xlsxPath)
                }
            } else if FileSystem.kind(of: listPath) == .file {
                if yamlTables?.lists[list.id] != nil {
                    problems.append(.error(
                        "evidence.two-formats", "\(quarter) 的“\(list.displayName)”既写在 \(Self.yamlFile) 中，又有 \(list.id).csv，不知道以哪个为准",
                        hint: "只保留其中一处", at: SourceLocation(file: listPath, line: 1, column: 1)))
                    continue
                }
                files.append(listPath)
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
        let evidence = binder.finish(files: files)
        return (evidence, problems + binder.problems)
    }
}

extension EvidenceList {
    /// What people call the list: its Chinese name when it has one.
    public var displayName: String { name ?? id }
}
