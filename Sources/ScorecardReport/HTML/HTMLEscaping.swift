/// Escaping for HTML text and attribute values. Everything a report shows that came from a
/// file (names, units, formulas, reasons) goes through here: a name such as `<b>张三</b>` is
/// shown as written, never read as markup.
package enum HTMLEscaping {
    /// `&`, `<`, `>`, `"` and `'` as character references: safe in text and in quoted attributes.
    package static func escaped(_ text: String) -> String {
        // Nearly every cell has none of the five: decide that from the bytes.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
