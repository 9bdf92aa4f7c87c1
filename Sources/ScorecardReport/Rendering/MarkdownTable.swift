/// Markdown tables, as the diff and the test-impact reports write them for a pull request.
package enum MarkdownTable {
    /// A table cell: no line breaks, and `|` escaped so a formula cannot split the row.
    package static func cell(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "|": out += "\\|"
            case "\n", "\r\n", "\r": out += " "
            default: out.append(character)
            }
        }
        return out
    }
}
