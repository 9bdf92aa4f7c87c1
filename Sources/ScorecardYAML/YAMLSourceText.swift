import ScorecardBase

/// A file's text split into lines of Unicode scalars, the way libyaml counts lines and columns,
/// so positions computed here agree with libyaml's marks.
struct YAMLSourceText: Sendable {
    /// Each line without its line break.
    let lines: [[Unicode.Scalar]]

    init(_ text: String) {
        var lines: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var afterCR = false
        for scalar in text.unicodeScalars {
            if afterCR {
                afterCR = false
                if scalar == "\n" { continue }
            }
            if YAMLSourceText.isBreak(scalar) {
                lines.append(current)
                current = []
                afterCR = scalar == "\r"
            } else {
                current.append(scalar)
            }
        }
        lines.append(current)
        self.lines = lines
    }

    /// libyaml (YAML 1.1) also breaks lines on NEL, LS and PS; counting them keeps lines in step.
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The line with 0-based index `index`, or nil past the end.
    func line(_ index: Int) -> [Unicode.Scalar]? {
        lines.indices.contains(index) ? lines[index] : nil
    }

    /// The scalar at a 0-based line and column, if there is one.
    func scalar(line: Int, column: Int) -> Unicode.Scalar? {
        guard let text = self.line(line), text.indices.contains(column) else { return nil }
        return text[column]
    }
}

/// Source lines for renderers that show the offending line under a diagnostic.
public enum YAMLSourceLines {
    /// The lines of `bytes` (UTF-8, BOM skipped; invalid bytes shown as U+FFFD), split as
    /// libyaml splits them, so `lines[location.line - 1]` is the line a diagnostic points at.
    public static func lines(of bytes: [UInt8]) -> [String] {
        var body = bytes[...]
        if body.starts(with: YAMLEncodingCheck.utf8BOM) { body = body.dropFirst(3) }
        let text = String(decoding: body, as: UTF8.self)
        return YAMLSourceText(text).lines.map { line in
            var s = String.UnicodeScalarView()
            s.append(contentsOf: line)
            return String(s)
        }
    }
}
