/// A plain-text table whose columns line up in a terminal even with Chinese names in them.
///
/// The rule line is drawn with "-" rather than box-drawing "─": the latter has ambiguous East
/// Asian width, and terminals set up for Chinese often draw it two cells wide, breaking alignment.
package struct TextTable: Sendable {
    package enum Alignment: Sendable {
        case left, right
    }

    package struct Column: Sendable {
        package var title: String
        package var alignment: Alignment

        package init(_ title: String, alignment: Alignment = .left) {
            self.title = title
            self.alignment = alignment
        }
    }

    private enum Row: Sendable {
        case cells([String])
        case separator
    }

    package var columns: [Column]
    /// Between two columns.
    package var gap = TextTable.defaultGap
    static let defaultGap = "  "
    private var rows: [Row] = []

    package init(columns: [Column]) {
        self.columns = columns
    }

    package init(columns: [(title: String, alignment: Alignment)]) {
        self.columns = columns.map { Column($0.title, alignment: $0.alignment) }
    }

    /// Missing cells are shown empty; cells beyond the columns are dropped. Line breaks in a
    /// cell are shown as spaces so that a row stays one line.
    package mutating func addRow(_ cells: [String]) {
        rows.append(.cells(cells.map(Self.oneLine)))
    }

    package mutating func addSeparator() {
        rows.append(.separator)
    }

    /// How a cell is shown in colour: given its column and plain text, the text to print
    /// (ANSI codes around it). Column widths are worked out from the plain text.
    package typealias CellStyle = @Sendable (_ column: Int, _ cell: String) -> String

    package func render(style: CellStyle? = nil) -> String {
        var widths = columns.map { TerminalWidth.width(of: $0.title) }
        for case .cells(let cells) in rows {
            for (i, cell) in cells.prefix(columns.count).enumerated() {
                widths[i] = max(widths[i], TerminalWidth.width(of: cell))
            }
        }
        let rule = widths.map { String(repeating: "-", count: $0) }.joined(separator: gap)
        var lines = [line(columns.map(\.title), widths: widths), rule]
        for row in rows {
            switch row {
            case .cells(let cells): lines.append(Self.line(cells, columns: columns, widths: widths, gap: gap, style: style))
            case .separator: lines.append(rule)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell as it is shown: line breaks and tabs as spaces, so that a row stays one line.
    static func oneLine(_ cell: String) -> String {
        guard cell.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) else { return cell }
        return String(String.UnicodeScalarView(cell.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\t" ? " " : $0 }))
    }

    private func line(_ cells: [String], widths: [Int]) -> String {
        Self.line(cells, columns: columns, widths: widths, gap: gap)
    }

    /// One line of the table; `only`, when given, picks the columns shown, in that order.
    static func line(
        _ cells: [String], columns: [Column], widths: [Int], gap: String, style: CellStyle? = nil, only: [Int]? = nil
    ) -> String {
        var parts: [String] = []
        for i in only ?? Array(columns.indices) {
            let cell = i < cells.count ? cells[i] : ""
            let padding = String(repeating: " ", count: max(0, widths[i] - TerminalWidth.width(of: cell)))
            let shown = style.map { $0(i, cell) } ?? cell
            parts.append(columns[i].alignment == .left ? shown + padding : padding + shown)
        }
        var text = parts.joined(separator: gap)
        while text.hasSuffix(" ") { text.removeLast() }
        return text
    }

}
