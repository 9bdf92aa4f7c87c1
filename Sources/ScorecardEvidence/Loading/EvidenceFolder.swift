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
    /// How much of a file, a row or a cell is read before it is refused.
    public let limits: InputLimits

    public init(root: String, limits: InputLimits = .default) {
        self.root = root
        self.limits = limits
    }

    public static let rosterFile = "officers.csv"
    public static let recordsFile = "scores.csv"
    public static let yamlFile = "evidence.yaml"

    /// The quarters that have a folder, oldest first.
    public func quarters() -> [Quarter] { quarterFolders().map(\.quarter) }

    /// Quarter folders as named on disk: `2025-Q1`, and also `2025Q1` or `2025-q1`.
    private func quarterFolders() -> [(quarter: Quarter, name: String)] {
        guard let names = try? FileSystem.list(root) else { return [] }
        return names.compactMap { name -> (Quarter, String)? in
            guard let quarter = Quarter(name), FileSystem.kind(of: FileSystem.join(root, name)) == .directory else { return nil }
            return (quarter, name)
        }.sorted { $0.0 < $1.0 }
    }

    public func folder(for quarter: Quarter) -> String {
        let name = quarterFolders().first { $0.quarter == quarter }?.name ?? quarter.description
        return FileSystem.join(root, name)
    }

    /// The roster as far as it could be read; its problems go to `sink`.
    public func loadRoster(sink: inout DiagnosticSink) -> Roster {
        let path = FileSystem.join(root, Self.rosterFile)
        let workbook = FileSystem.join(root, Self.rosterWorkbook)
        let choice: Choice
        do throws(Diagnostic) { choice = try Self.choose(csv: path, workbook: workbook) } catch {
            sink.append(error)
            return Roster(officers: [])
        }
        switch choice {
        case .neither:
            sink.append(EvidenceMessages.noRoster(path))
            return Roster(officers: [])
        case .csv:
            let opened = CSVRowSource.open(path, limits: limits, problems: &sink)
            guard var source = opened else { return Roster(officers: []) }
            return RosterLoader.load(from: &source, file: path, sink: &sink)
        case .workbook:
            guard
                var source = XLSXRowSource.open(
                    workbook, sheetNames: Self.rosterSheets, firstIfNone: true, limits: limits, problems: &sink)
            else {
                return Roster(officers: [])
            }
            return RosterLoader.load(from: &source, file: workbook, sink: &sink)
        }
    }

    /// Reads and checks one quarter's records against the policy, keeping them; every problem
    /// is collected. For a mine's quarter, tests and tools that want the records at hand.
    public func loadQuarter(_ quarter: Quarter, policy: Policy, roster: Roster, sink: inout DiagnosticSink) -> QuarterEvidence {
        var records: [OfficerRecord] = []
        let reading = readQuarter(quarter, policy: policy, roster: roster) { records.append($0) }
        if !reading.rejectedAfterHandover.isEmpty { records.removeAll { reading.rejectedAfterHandover.contains($0.officer.id) } }
        sink.append(contentsOf: reading.problems)
        return QuarterEvidence(quarter: quarter, records: records, files: reading.files)
    }

    /// Reads and checks one quarter's records against the policy, handing each sound record to
    /// `body` as soon as it is bound (with its lists attached) and keeping none: the lists are
    /// read first, then the record table streams through. Every problem is collected.
    public func readQuarter(
        _ quarter: Quarter, policy: Policy, roster: Roster, each body: (OfficerRecord) -> Void
    ) -> QuarterReading {
        let reader = QuarterReader(folder: self, quarter: quarter, policy: policy, roster: roster, parts: 1)
        var part = reader.binder.part()
        reader.readPart(0, into: &part, each: body)
        return reader.finish([part])
    }
}

/// A quarter's evidence being read: the lists and the record table's header are read when it
/// is made; the record table is then read in one or more parts, each into a binder of its own
/// (`readPart`, on as many threads as there are parts), and the parts joined in file order
/// (`finish`). One part reads exactly as one pass over the files would.
public struct QuarterReader: Sendable {
    public let quarter: Quarter
    public let policy: Policy
    /// The binder after the lists; each part binds the record table from a copy of it.
    public private(set) var binder: RecordBinder
    /// How many parts the record table is read in: one unless it is a large plain CSV file.
    public private(set) var partCount = 1
    private var found = DiagnosticSink()
    private var recordFiles: [String] = []
    private var listFiles: [String] = []
    private var table: RecordTable = .none
    private let limits: InputLimits

    private enum RecordTable: Sendable {
        case none
        /// The CSV record table: its header (mapped) and, when it is read in parts, where they are.
        case csv(path: String, header: [EvidenceCell], mapping: ColumnMapping, parts: [CSVSplit.Part]?)
        /// A table held in memory: a YAML evidence file's records, or a workbook's sheet.
        case rows(path: String, rows: YAMLEvidenceTables.TableRows)
    }

    public init(
        folder: EvidenceFolder, quarter: Quarter, policy: Policy, roster: Roster, parts requested: Int,
        partMinimumSize: Int = CSVSplit.minimumSize
    ) {
        self.quarter = quarter
        self.policy = policy
        self.binder = RecordBinder(policy: policy, roster: roster, quarter: quarter)
        self.limits = folder.limits
        let path = folder.folder(for: quarter)
        guard FileSystem.kind(of: path) == .directory else {
            let known = folder.quarters().map(\.description)
            found.append(EvidenceMessages.noQuarter(quarter, path: path, known: known))
            return
        }
        let csvPath = FileSystem.join(path, EvidenceFolder.recordsFile)
        let yamlPath = FileSystem.join(path, EvidenceFolder.yamlFile)
        let xlsxPath = FileSystem.join(path, EvidenceFolder.recordsWorkbook)
        let hasCSV = EvidenceFolder.isPresent(csvPath)
        let hasYAML = EvidenceFolder.isPresent(yamlPath)
        let hasXLSX = EvidenceFolder.isPresent(xlsxPath)
        let limits = folder.limits
        var yamlTables: YAMLEvidenceTables?
        // The records workbook, kept open: its other sheets may hold the lists.
        var recordsWorkbook: XLSXFile?
        var workbookRecords: YAMLEvidenceTables.TableRows?
        // The record table's header is read (and mapped) first, its rows last, after the lists
        // its records need; problems are still found in the order of the files.
        var csvHeader: [EvidenceCell]?

        if hasXLSX && (hasCSV || hasYAML) {
            found.append(
                EvidenceMessages.recordsInWorkbookAndText(quarter, other: hasCSV ? EvidenceFolder.recordsFile : EvidenceFolder.yamlFile))
        } else if hasXLSX {
            recordFiles.append(xlsxPath)
            do {
                let workbook = try XLSXFile.open(xlsxPath, limits: limits)
                recordsWorkbook = workbook
                if var source = XLSXRowSource.open(
                    workbook, sheetNames: EvidenceFolder.recordSheets, firstIfNone: true, problems: &found)
                {
                    // A workbook is read whole anyway: its rows are held like a YAML file's.
                    var rows: [EvidenceRow] = []
                    while let row = source.nextRow(problems: &found) { rows.append(row) }
                    workbookRecords = YAMLEvidenceTables.TableRows(header: source.header, rows: rows)
                }
            } catch {
                found.append(error)
            }
        } else if hasCSV && hasYAML {
            found.append(EvidenceMessages.recordsInCSVAndYAML(quarter, yamlPath: yamlPath))
        } else if hasCSV {
            recordFiles.append(csvPath)
            csvHeader = CSVRowSource.open(csvPath, limits: limits, problems: &found)?.header
        } else if hasYAML {
            recordFiles.append(yamlPath)
            var yamlProblems = DiagnosticSink()
            let documents = YAMLLoader.load(contentsOf: yamlPath, limits: YAMLLimits(limits), sink: &yamlProblems)
            found.append(contentsOf: yamlProblems.take())
            if documents.count > 1, let second = documents.dropFirst().first {
                found.append(EvidenceMessages.yamlDocuments(documents.count, at: second.location))
            }
            if let root = documents.first?.root {
                var names: [String: String] = [:]
                for field in policy.evidence.fields + policy.evidence.lists.flatMap(\.fields) {
                    if let name = field.name { names[name] = field.id }
                }
                let tables = YAMLEvidenceTables.read(
                    root, listIDs: policy.evidence.lists.map(\.id), canonical: { names[$0] ?? $0 }, problems: &found)
                if let (text, location) = tables.quarter, Quarter(text) != quarter {
                    found.append(EvidenceMessages.wrongQuarter(text, folder: quarter, at: location))
                }
                yamlTables = tables
            }
        } else {
            found.append(EvidenceMessages.noRecords(quarter))
        }

        for list in policy.evidence.lists {
            let listPath = FileSystem.join(path, "\(list.id).csv")
            let listWorkbook = FileSystem.join(path, "\(list.id).xlsx")
            let listNames = [list.name, list.id].compactMap { $0 }
            let sheetInRecords = recordsWorkbook?.sheets.contains { listNames.contains($0.name) } == true
            let hasListCSV = EvidenceFolder.isPresent(listPath)
            let hasListXLSX = EvidenceFolder.isPresent(listWorkbook)
            let places = [
                hasListCSV ? "\(list.id).csv" : nil, hasListXLSX ? "\(list.id).xlsx" : nil,
                sheetInRecords ? "\(EvidenceFolder.recordsWorkbook) 的工作表“\(list.displayName)”" : nil,
            ].compactMap { $0 }
            if places.count > 1 {
                found.append(EvidenceMessages.listInTwoPlaces(quarter, list: list.displayName, first: places[0], second: places[1]))
                continue
            }
            if hasListXLSX {
                listFiles.append(listWorkbook)
                if var source = XLSXRowSource.open(
                    listWorkbook, sheetNames: listNames, firstIfNone: true, limits: limits, problems: &found)
                {
                    binder.bindList(list, from: &source, file: listWorkbook)
                }
            } else if sheetInRecords, let workbook = recordsWorkbook {
                if var source = XLSXRowSource.open(workbook, sheetNames: listNames, firstIfNone: false, problems: &found) {
                    binder.bindList(list, from: &source, file: xlsxPath)
                }
            } else if hasListCSV {
                if yamlTables?.lists[list.id] != nil {
                    found.append(EvidenceMessages.listInYAMLAndCSV(quarter, list: list.displayName, id: list.id, listPath: listPath))
                    continue
                }
                listFiles.append(listPath)
                if var source = CSVRowSource.open(listPath, limits: limits, problems: &found) {
                    binder.bindList(list, from: &source, file: listPath)
                }
            } else if var rows = yamlTables?.lists[list.id] {
                binder.bindList(list, from: &rows, file: yamlPath)
            } else if yamlTables == nil {
                found.append(EvidenceMessages.noList(quarter, list: list, path: listPath))
            }
        }
        if let csvHeader {
            let mapping = binder.mapRecordHeader(csvHeader, file: csvPath)
            let split = requested > 1 ? CSVSplit.parts(of: csvPath, count: requested, minimumSize: partMinimumSize) : nil
            partCount = split?.count ?? 1
            table = .csv(path: csvPath, header: csvHeader, mapping: mapping, parts: split)
        } else if let records = workbookRecords {
            table = .rows(path: xlsxPath, rows: records)
        } else if let records = yamlTables?.records {
            table = .rows(path: yamlPath, rows: records)
        }
    }

    /// A quarter whose evidence is already tables in memory, every row placed in `file` (a test
    /// case's inline records and lists): the lists bound first, then the records, as from a folder.
    public init(tables: YAMLEvidenceTables, file: String, quarter: Quarter, policy: Policy, roster: Roster) {
        self.quarter = quarter
        self.policy = policy
        self.binder = RecordBinder(policy: policy, roster: roster, quarter: quarter)
        self.limits = .default
        recordFiles = [file]
        for list in policy.evidence.lists {
            if var rows = tables.lists[list.id] { binder.bindList(list, from: &rows, file: file) }
        }
        table = .rows(path: file, rows: tables.records)
    }

    /// Reads part `index` of the record table into `part` (a copy of `binder.part()`),
    /// handing each sound record to `body`. Parts may be read on different threads at once.
    /// With `plain`, the plain rows of a CSV record table go to `plainRow` as fixed-point
    /// numbers instead (see `PlainRecords`); every other row is bound and handed to `body`.
    public func readPart(
        _ index: Int, into part: inout RecordBinder, plain: PlainRecords? = nil,
        plainRow: PlainRecords.Body = { _, _ in false }, each body: (OfficerRecord) -> Void
    ) {
        switch table {
        case .none:
            break
        case .csv(let path, let header, let mapping, let parts):
            if let parts {
                var problems = DiagnosticSink()
                if var source = CSVRowSource.part(path, header: header, part: parts[index], limits: limits, problems: &problems) {
                    part.bindRecordPart(
                        from: &source, header: header, mapping: mapping, file: path, plain: plain, plainRow: plainRow, each: body)
                }
                part.add(problems.diagnostics)
            } else {
                // The whole file, its header read again (its problems were noted the first time).
                var ignored = DiagnosticSink()
                if var source = CSVRowSource.open(path, limits: limits, problems: &ignored) {
                    part.bindRecordPart(
                        from: &source, header: header, mapping: mapping, file: path, plain: plain, plainRow: plainRow, each: body)
                }
            }
        case .rows(let path, var rows):
            part.bindRecords(from: &rows, file: path, each: body)
        }
    }

    /// Joins the parts, in file order, and reports who has no record.
    public func finish(_ parts: [RecordBinder]) -> QuarterReading {
        var binder = self.binder
        binder.join(parts)
        binder.reportMissingRecords()
        return QuarterReading(
            quarter: quarter, files: recordFiles + listFiles, problems: found.diagnostics + binder.problems,
            rejected: binder.rejected, rejectedAfterHandover: binder.rejectedAfterHandover)
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
