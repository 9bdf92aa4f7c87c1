import ScorecardBase

/// One sheet of an .xlsx workbook as evidence rows, like a CSV file: the first row with a value
/// is the header, every later row with a value is a row (empty rows are skipped, as Excel keeps
/// formatted rows that hold nothing). Each cell's place is `file:sheet!C5`, so every problem the
/// binder finds points at the cell to fix, with the same codes and hints as for CSV.
struct XLSXRowSource: EvidenceRowSource {
    let header: [EvidenceCell]
    private var rows: [EvidenceRow]
    private var pending: [Diagnostic]
    private var position = 0
    private var pendingTaken = 0
    private var filter = ControlCharacterFilter()
    /// The sheet read, for messages.
    let sheet: String

    /// The sheet named one of `names` (as written, or ignoring case and surrounding spaces), or
    /// the first sheet when `firstIfNone`; nil when the workbook cannot be read (the problem
    /// recorded) or has no such sheet and `firstIfNone` is false (nothing recorded).
    static func open(
        _ path: String, sheetNames names: [String], firstIfNone: Bool, limits: InputLimits = .default, problems: inout DiagnosticSink
    ) -> XLSXRowSource? {
        let file: XLSXFile
        do {
            file = try XLSXFile.open(path, limits: limits)
        } catch {
            problems.append(error)
            return nil
        }
        return open(file, sheetNames: names, firstIfNone: firstIfNone, problems: &problems)
    }

    static func open(_ file: XLSXFile, sheetNames names: [String], firstIfNone: Bool, problems: inout DiagnosticSink) -> XLSXRowSource? {
        let wanted = Set(names.map { $0.trimmingXMLSpace.lowercased() })
        let index =
            file.sheets.firstIndex { names.contains($0.name) }
            ?? file.sheets.firstIndex { wanted.contains($0.name.trimmingXMLSpace.lowercased()) }
            ?? (firstIfNone && !file.sheets.isEmpty ? 0 : nil)
        guard let index else {
            if firstIfNone {
                problems.append(EvidenceMessages.noSheet(file.path))
            }
            return nil
        }
        let rows: [XLSXFile.Row]
        do {
            rows = try file.rows(ofSheet: index)
        } catch {
            problems.append(error)
            return nil
        }
        return XLSXRowSource(path: file.path, sheet: file.sheets[index].name, rows: rows, problems: &problems)
    }

    private init?(path: String, sheet: String, rows: [XLSXFile.Row], problems: inout DiagnosticSink) {
        self.sheet = sheet
        func place(_ row: Int, _ column: Int) -> SourceLocation { SourceLocation(file: path, line: row, column: column, sheet: sheet) }
        guard let first = rows.first else {
            problems.append(EvidenceMessages.emptySheet(path, sheet: sheet, at: place(1, 1)))
            return nil
        }
        let width = first.cells.map(\.column).max() ?? 0
        var titles = [String](repeating: "", count: width)
        for cell in first.cells { titles[cell.column - 1] = cell.text }
        header = titles.enumerated().map { EvidenceCell(text: $1, location: place(first.number, $0 + 1)) }
        var built: [EvidenceRow] = []
        var found: [Diagnostic] = []
        for row in rows.dropFirst() {
            let last = row.cells.map(\.column).max() ?? 0
            var texts = [String](repeating: "", count: max(width, last))
            for cell in row.cells { texts[cell.column - 1] = cell.text }
            if last > width, let beyond = row.cells.filter({ $0.column > width }).map(\.column).min() {
                found.append(
                    EvidenceMessages.extraSheetCells(beyond: beyond, width: width, at: place(row.number, beyond)))
            }
            built.append(
                EvidenceRow(
                    cells: texts.enumerated().map { EvidenceCell(text: $1, location: place(row.number, $0 + 1)) },
                    location: place(row.number, 1)))
        }
        self.rows = built
        // Reported as each row is read, so they come in order with the binder's own.
        self.pending = found
    }

    mutating func nextRow(problems: inout DiagnosticSink) -> EvidenceRow? {
        while position < rows.count {
            defer { position += 1 }
            let row = rows[position]
            // Taken by index, not removed from the front: a sheet may have a problem per row.
            while pendingTaken < pending.count, let location = pending[pendingTaken].location, location.line <= row.location.line {
                problems.append(pending[pendingTaken])
                pendingTaken += 1
            }
            if filter.admits(row, problems: &problems) { return row }
        }
        problems.append(contentsOf: pending[pendingTaken...])
        pending = []
        pendingTaken = 0
        return nil
    }

    mutating func takeDroppedRows() -> [DroppedRow] { filter.take() }
}
