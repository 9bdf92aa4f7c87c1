import ScorecardBase

/// A `TextTable` whose rows wait in a spool instead of in memory: the column widths are known
/// only once every row is in, and a quarter can have a million of them. Renders exactly as
/// `TextTable` does.
package struct SpooledTable {
    package let columns: [TextTable.Column]
    private var widths: [Int]
    private let rows = ByteSpool()
    package private(set) var rowCount = 0

    package init(columns: [TextTable.Column]) {
        self.columns = columns
        self.widths = columns.map { TerminalWidth.width(of: $0.title) }
    }

    /// As `TextTable.addRow`: missing cells empty, extra cells dropped, line breaks as spaces.
    package mutating func addRow(_ cells: [String]) {
        var line: [UInt8] = []
        for (index, cell) in cells.prefix(columns.count).enumerated() {
            let clean = TextTable.oneLine(cell)
            widths[index] = max(widths[index], TerminalWidth.width(of: clean))
            if index > 0 { line.append(0x09) }
            line.append(contentsOf: clean.utf8)
        }
        line.append(0x0A)
        rows.append(line)
        rowCount += 1
    }

    /// How many terminal cells a line of the table takes with only `columns` shown (all when nil).
    package func width(of columns: [Int]? = nil) -> Int {
        let shown = columns ?? Array(widths.indices)
        return shown.reduce(0) { $0 + widths[$1] } + TextTable.defaultGap.count * max(0, shown.count - 1)
    }

    /// The table, a line at a time (each with its line break), to `body`; `only` picks the
    /// columns shown (the rows are read again for each call), `style` colours cells.
    package func render(only: [Int]? = nil, style: TextTable.CellStyle? = nil, _ body: (String) -> Void) {
        let shown = only ?? Array(widths.indices)
        let rule = shown.map { String(repeating: "-", count: widths[$0]) }.joined(separator: TextTable.defaultGap)
        body(TextTable.line(columns.map(\.title), columns: columns, widths: widths, gap: TextTable.defaultGap, only: only) + "\n")
        body(rule + "\n")
        var partial: [UInt8] = []
        rows.forEachChunk { chunk in
            var start = 0
            for (offset, byte) in chunk.enumerated() where byte == 0x0A {
                partial.append(contentsOf: chunk[start..<offset])
                let cells = partial.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
                body(TextTable.line(cells, columns: columns, widths: widths, gap: TextTable.defaultGap, style: style, only: only) + "\n")
                partial.removeAll(keepingCapacity: true)
                start = offset + 1
            }
            partial.append(contentsOf: chunk[start...])
        }
    }

    /// The rows of a table with the same columns, after this one's.
    package mutating func append(_ later: SpooledTable) {
        for index in widths.indices { widths[index] = max(widths[index], later.widths[index]) }
        later.rows.forEachChunk { rows.append($0) }
        rowCount += later.rowCount
    }

    /// An empty table with the same columns.
    package func emptyCopy() -> SpooledTable { SpooledTable(columns: columns) }

    package mutating func removeAll() {
        rows.removeAll()
        rowCount = 0
        widths = columns.map { TerminalWidth.width(of: $0.title) }
    }
}
