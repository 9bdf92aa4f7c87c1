import ScorecardBase

/// Which file holds a table when it may be CSV or an Excel workbook.
extension EvidenceFolder {
    public static let recordsWorkbook = "scores.xlsx"
    public static let rosterWorkbook = "officers.xlsx"
    public static let candidatesWorkbook = "candidates.xlsx"

    /// Sheets read by name when the workbook has them; otherwise the first sheet.
    static let recordSheets = ["考核记录", "scores", "records"]
    static let rosterSheets = ["联系员名册", "名册", "officers"]
    static let candidateSheets = ["候选人名单", "候选人", "candidates"]

    enum Choice {
        case csv, workbook, neither
    }

    /// The CSV file or the workbook, whichever exists; both is a problem, as two record formats are.
    static func choose(csv: String, workbook: String) throws(Diagnostic) -> Choice {
        let hasCSV = isPresent(csv)
        let hasWorkbook = isPresent(workbook)
        switch (hasCSV, hasWorkbook) {
        case (true, true):
            throw EvidenceMessages.tableInCSVAndWorkbook(csv, workbook)
        case (true, false): return .csv
        case (false, true): return .workbook
        case (false, false): return .neither
        }
    }

    /// The roster file read: `officers.csv`, or `officers.xlsx` when only it exists.
    public var rosterPath: String {
        let csv = FileSystem.join(root, Self.rosterFile)
        let workbook = FileSystem.join(root, Self.rosterWorkbook)
        return !Self.isPresent(csv) && Self.isPresent(workbook) ? workbook : csv
    }

    /// Whether a table's file is there: a regular file, or a FIFO or device under its name,
    /// which is then refused when opened (never read, never taken for absent).
    static func isPresent(_ path: String) -> Bool {
        let kind = FileSystem.kind(of: path)
        return kind == .file || kind == .other
    }
}
