import ScorecardBase

/// Builds an HTML fragment as text. Text and attribute values are escaped on the way in, so a
/// renderer cannot forget to; only `raw` takes markup, and only markup made here (SVG charts).
struct HTMLWriter {
    private(set) var html = ""
    /// Where a long page goes as it is built, a table row at a time; nil: `html` keeps it all.
    private let output: (any ByteOutput)?

    init() { output = nil }

    /// A writer that hands what it has built to `output` whenever a table row ends with more
    /// than `HTMLWriter.chunkBytes` waiting, and the rest on `finish()`.
    init(streamingTo output: any ByteOutput) { self.output = output }

    static let chunkBytes = 1 << 16

    /// Hands the rest to the output (when streaming).
    mutating func finish() {
        guard let output else { return }
        output.write(html)
        html = ""
    }

    private mutating func flushWhenLarge() {
        guard let output, html.utf8.count >= Self.chunkBytes else { return }
        output.write(html)
        html = ""
    }

    /// Escaped text.
    mutating func text(_ text: String) { html += HTMLEscaping.escaped(text) }

    /// Markup made by this module (an SVG chart, a nested fragment): not escaped.
    mutating func raw(_ markup: String) { html += markup }

    /// `<name attr="value">…</name>`; attributes with a nil value are left out.
    mutating func element(_ name: String, _ attributes: [(String, String?)] = [], _ body: (inout HTMLWriter) -> Void) {
        open(name, attributes)
        body(&self)
        html += "</\(name)>"
    }

    /// An element holding only escaped text.
    mutating func element(_ name: String, _ attributes: [(String, String?)] = [], text: String) {
        open(name, attributes)
        self.text(text)
        html += "</\(name)>"
    }

    mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
        html += "<" + name
        for (key, value) in attributes {
            guard let value else { continue }
            html += " \(key)=\"\(HTMLEscaping.escaped(value))\""
        }
        html += ">"
    }

    mutating func close(_ name: String) { html += "</\(name)>" }

    mutating func newline() { html += "\n" }

    // MARK: Common pieces

    mutating func heading(_ level: Int, _ title: String, id: String? = nil) {
        element("h\(level)", [("id", id)], text: title)
        newline()
    }

    mutating func paragraph(_ text: String, class className: String? = nil) {
        element("p", [("class", className)], text: text)
        newline()
    }

    /// Headline figures: a label over a large value, side by side.
    mutating func figures(_ items: [(label: String, value: String, note: String?)]) {
        element("div", [("class", "figures")]) { out in
            for item in items {
                out.element("div", [("class", "figure")]) { figure in
                    figure.element("div", [("class", "label")], text: item.label)
                    figure.element("div", [("class", "value")], text: item.value)
                    if let note = item.note { figure.element("div", [("class", "note")], text: note) }
                }
            }
        }
        newline()
    }

    /// A table: header cells (a column is right-aligned when `numeric`), then rows of cells,
    /// made as they are written when `rows` is lazy.
    /// A sortable table sorts by a header click when scripts run; the markup is a plain table.
    mutating func table(
        _ columns: [HTMLColumn], rows: some Sequence<[HTMLCell]>, class className: String? = nil, sortable: Bool = false,
        caption: String? = nil
    ) {
        let classes = [className, sortable ? "sortable" : nil].compactMap { $0 }.joined(separator: " ")
        element("table", [("class", classes.isEmpty ? nil : classes)]) { table in
            if let caption { table.element("caption", text: caption) }
            table.element("thead") { head in
                head.element("tr") { row in
                    for column in columns {
                        row.element(
                            "th",
                            [
                                ("scope", "col"), ("class", column.numeric ? "num" : nil),
                                ("data-type", sortable ? (column.numeric ? "number" : "text") : nil),
                            ], text: column.title)
                    }
                }
            }
            table.newline()
            table.element("tbody") { body in
                for cells in rows {
                    body.element("tr") { row in
                        for (index, cell) in cells.enumerated() {
                            let numeric = index < columns.count && columns[index].numeric
                            let classes = [numeric ? "num" : nil, cell.className].compactMap { $0 }.joined(separator: " ")
                            row.open(
                                cell.header ? "th" : "td",
                                [
                                    ("class", classes.isEmpty ? nil : classes), ("data-sort", cell.sortKey),
                                    ("scope", cell.header ? "row" : nil), ("title", cell.title),
                                ])
                            if let markup = cell.markup { row.raw(markup) } else { row.text(cell.text) }
                            row.close(cell.header ? "th" : "td")
                        }
                    }
                    body.newline()
                    body.flushWhenLarge()
                }
            }
        }
        newline()
    }
}

/// A table column's title and whether it holds numbers (right-aligned, sorted as numbers).
struct HTMLColumn {
    var title: String
    var numeric: Bool

    init(_ title: String, numeric: Bool = false) {
        self.title = title
        self.numeric = numeric
    }
}

/// One table cell: escaped text, or markup made here; a sort key when the text does not sort
/// as it should (a dash for a missing number).
struct HTMLCell: ExpressibleByStringLiteral {
    var text: String
    var markup: String?
    var sortKey: String?
    var className: String?
    var title: String?
    var header = false

    init(_ text: String, sortKey: String? = nil, className: String? = nil, title: String? = nil) {
        self.text = text
        self.sortKey = sortKey
        self.className = className
        self.title = title
    }

    init(stringLiteral value: String) { self.init(value) }

    /// A cell holding markup built with an `HTMLWriter`.
    static func markup(_ markup: String, sortKey: String? = nil, className: String? = nil) -> HTMLCell {
        var cell = HTMLCell("", sortKey: sortKey, className: className)
        cell.markup = markup
        return cell
    }

    /// The row's header cell (an officer's name), for screen readers and print.
    static func rowHeader(_ text: String) -> HTMLCell {
        var cell = HTMLCell(text)
        cell.header = true
        return cell
    }
}
