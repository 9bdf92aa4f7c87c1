import ScorecardBase

/// Renders diagnostics the way compilers do: a `file:line:column` header, the source line with
/// a caret under the problem, then hint and notes, for people who read Chinese.
///
/// Columns in locations count Unicode scalars; on screen a Chinese character takes two cells
/// and a tab up to four, so the caret line is built from the same expanded text as the echoed
/// line.
package struct DiagnosticRenderer: Sendable {
    package static let tabWidth = 4

    private let style: ANSIStyle
    private let sourceLines: SourceLines.Loader

    package init(color: Bool, sourceLines: @escaping SourceLines.Loader = SourceLines.utf8Files) {
        self.style = ANSIStyle(enabled: color)
        self.sourceLines = sourceLines
    }

    package func render(_ diagnostic: Diagnostic) -> String {
        var cache = LineCache(loader: sourceLines)
        return render(diagnostic, cache: &cache)
    }

    /// All of them in reading order, blank-line separated, with a closing count.
    package func render(_ diagnostics: [Diagnostic]) -> String {
        guard !diagnostics.isEmpty else { return "" }
        var cache = LineCache(loader: sourceLines)
        var blocks = diagnostics.sortedForDisplay().map { render($0, cache: &cache) }
        blocks.append(summary(diagnostics))
        return blocks.joined(separator: "\n")
    }

    /// "2 个错误，1 个警告": only the kinds that occur.
    package func summary(_ diagnostics: [Diagnostic]) -> String {
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        var parts: [String] = []
        if errors > 0 { parts.append(style.apply(ANSIStyle.bold, ANSIStyle.red, to: "\(errors) 个错误")) }
        if warnings > 0 { parts.append(style.apply(ANSIStyle.bold, ANSIStyle.yellow, to: "\(warnings) 个警告")) }
        if parts.isEmpty { return "没有错误或警告\n" }
        return parts.joined(separator: "，") + "\n"
    }

    private static func word(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "错误"
        case .warning: "警告"
        case .note: "说明"
        }
    }

    private static func color(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: ANSIStyle.red
        case .warning: ANSIStyle.yellow
        case .note: ANSIStyle.blue
        }
    }

    private func render(_ diagnostic: Diagnostic, cache: inout LineCache) -> String {
        let color = Self.color(diagnostic.severity)
        var header = ""
        if let location = diagnostic.location { header += style.apply(ANSIStyle.bold, to: "\(location): ") }
        header += style.apply(ANSIStyle.bold, color, to: "\(Self.word(diagnostic.severity))[\(diagnostic.code)]")
        header += style.apply(ANSIStyle.bold, to: ": \(diagnostic.message)")

        // One gutter width for the main snippet and the notes' snippets.
        let shown = ([diagnostic.location] + diagnostic.notes.map(\.location)).compactMap { $0 }
            .filter { $0.sheet == nil && cache.line($0.line, of: $0.file) != nil }
        let gutter = max(1, shown.map { String($0.line).count }.max() ?? 1)
        let pad = String(repeating: " ", count: gutter)

        var lines = [header]
        if let location = diagnostic.location {
            lines += snippet(location, color: color, gutter: gutter, cache: &cache)
        }
        let equals = style.apply(ANSIStyle.cyan, ANSIStyle.bold, to: "=")
        if let hint = diagnostic.hint {
            lines.append("\(pad) \(equals) \(style.apply(ANSIStyle.bold, to: "提示")): \(hint)")
        }
        for note in diagnostic.notes {
            // A note about the very place already shown needs no second copy of the line.
            let location = note.location == diagnostic.location ? nil : note.location
            let place = location.map { "\($0): " } ?? ""
            lines.append("\(pad) \(equals) \(style.apply(ANSIStyle.bold, to: "说明")): \(place)\(note.message)")
            if let location {
                lines += snippet(location, color: Self.color(.note), gutter: gutter, cache: &cache)
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The gutter, the echoed line and the caret line; nothing when the line is not available.
    private func snippet(_ location: SourceLocation, color: String, gutter: Int, cache: inout LineCache) -> [String] {
        // A workbook's cell has no line of text to echo: its place says which cell to open.
        guard location.sheet == nil, var text = cache.line(location.line, of: location.file) else { return [] }
        var (column, length) = (location.column, location.length)
        // A long line (a header of thousands of columns) is shown around the place only.
        if text.utf8.count > Self.longLine, let scalars = cache.scalars(location.line, of: location.file), scalars.count > Self.longLine {
            (text, column, length) = Self.excerpt(scalars, column: column, length: length)
        }
        let number = String(location.line)
        let bar = style.apply(ANSIStyle.cyan, ANSIStyle.bold, to: "|")
        let empty = String(repeating: " ", count: gutter) + " " + bar
        let numbered = style.apply(ANSIStyle.cyan, ANSIStyle.bold, to: String(repeating: " ", count: gutter - number.count) + number)

        let (shown, underline) = Self.layout(text, column: column, length: length)
        let carets = style.apply(ANSIStyle.bold, color, to: String(repeating: "^", count: underline.width))
        var lines = [empty, "\(numbered) \(bar) \(shown)".trimmingTrailingSpaces()]
        lines.append("\(empty) \(String(repeating: " ", count: underline.offset))\(carets)")
        return lines
    }

    /// Lines of more scalars than this are echoed in part: `excerptBefore` scalars before the
    /// column and the rest of `longLine` from it, with `…` where the line goes on.
    static let longLine = 120
    static let excerptBefore = 40

    /// The part of a long line around `column`, and the column and underline in it.
    static func excerpt(_ scalars: [Unicode.Scalar], column: Int, length: Int) -> (text: String, column: Int, length: Int) {
        let at = min(max(1, column), scalars.count + 1) - 1 // 0-based; the count when just past the end
        let start = max(0, min(at - excerptBefore, scalars.count - longLine))
        let end = min(scalars.count, start + longLine)
        var text = String.UnicodeScalarView()
        if start > 0 { text.append("…") }
        text.append(contentsOf: scalars[start..<end])
        if end < scalars.count { text.append("…") }
        let shift = start > 0 ? start - 1 : 0
        return (String(text), column - shift, min(max(1, length), max(1, end - at)))
    }

    /// A control character as its picture (NUL as ␀, DEL as ␡; a C1 control as �), so that an
    /// echoed line never writes one to the terminal raw.
    static func visible(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x00..<0x20: Unicode.Scalar(0x2400 + scalar.value) ?? "\u{FFFD}"
        case 0x7F: "\u{2421}"
        case 0x80..<0xA0: "\u{FFFD}"
        default: scalar
        }
    }

    /// The line with tabs expanded, and where the caret goes in cells: every scalar before the
    /// column is measured with `TerminalWidth`, the same way the echoed text will be shown.
    static func layout(_ line: String, column: Int, length: Int) -> (shown: String, underline: (offset: Int, width: Int)) {
        var shown = ""
        var cell = 0
        var offset: Int?
        var underlineEnd: Int?
        let first = max(1, column)
        let last = first + max(1, length) // exclusive
        var index = 1
        for scalar in line.unicodeScalars {
            if index == first { offset = cell }
            if index == last { underlineEnd = cell }
            if scalar == "\t" {
                let next = (cell / tabWidth + 1) * tabWidth
                shown += String(repeating: " ", count: next - cell)
                cell = next
            } else {
                let visible = Self.visible(scalar)
                shown.unicodeScalars.append(visible)
                cell += TerminalWidth.width(of: visible)
            }
            index += 1
        }
        // A column just past the text (e.g. a missing value at the end of the line) is shown
        // after it; underlines are cut at the end of the line.
        let start = offset ?? cell + (first - index)
        let end = underlineEnd ?? max(cell, start + 1)
        return (shown, (start, max(1, end - start)))
    }
}

/// Source lines fetched once per file during one rendering call.
private struct LineCache {
    let loader: SourceLines.Loader
    var files: [String: [String]?] = [:]

    mutating func line(_ number: Int, of file: String) -> String? {
        if files[file] == nil { files[file] = .some(loader(file)) }
        guard let lines = files[file] ?? nil, number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    /// A line's scalars, made once: a long line's many diagnostics each show a part of it.
    var scalarLines: [String: [Int: [Unicode.Scalar]]] = [:]

    mutating func scalars(_ number: Int, of file: String) -> [Unicode.Scalar]? {
        if let known = scalarLines[file]?[number] { return known }
        guard let text = line(number, of: file) else { return nil }
        let scalars = Array(text.unicodeScalars)
        scalarLines[file, default: [:]][number] = scalars
        return scalars
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var scalars = unicodeScalars[...]
        while scalars.last == " " { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }
}
