import ScorecardBase

/// A file's text with where each line starts, split the way libyaml counts lines and columns,
/// so positions computed here agree with libyaml's marks.
///
/// Only the byte offsets of the lines are worked out up front (one pass, no allocation per
/// line); a line's scalars are decoded when a message or a scalar's place needs them. Shared by
/// reference among the scalars read from the file, which work out their places from it on demand.
final class YAMLSourceText: Sendable {
    /// How locations name the file.
    let file: String
    /// The text, valid UTF-8 (the loader checks it before libyaml reads it).
    let bytes: [UInt8]
    /// For each line, the offset of its first byte and of the byte after its last (its break excluded).
    private let bounds: [(start: Int32, end: Int32)]

    init(bytes: ArraySlice<UInt8>, file: String) {
        self.file = file
        self.bytes = Array(bytes)
        bounds = Self.lineBounds(of: self.bytes)
    }

    convenience init(_ text: String, file: String = "") {
        self.init(bytes: ArraySlice(text.utf8), file: file)
    }

    /// libyaml (YAML 1.1) also breaks lines on NEL, LS and PS; counting them keeps lines in step.
    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// CR, LF and CRLF end a line, and so do NEL (C2 85), LS (E2 80 A8) and PS (E2 80 A9).
    private static func lineBounds(of bytes: [UInt8]) -> [(start: Int32, end: Int32)] {
        var result: [(start: Int32, end: Int32)] = []
        result.reserveCapacity(bytes.count / 24 + 1)
        bytes.withUnsafeBufferPointer { b in
            let n = b.count
            var start = 0
            var i = 0
            while i < n {
                // Eight bytes at a time while none of them is LF, CR or one of the two leads.
                if i + 8 <= n, let base = b.baseAddress {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if !hasByte(word, 0x0A) && !hasByte(word, 0x0D) && !hasByte(word, 0xC2) && !hasByte(word, 0xE2) {
                        i += 8
                        continue
                    }
                }
                let byte = b[i]
                // Most bytes are text: one comparison settles all but LF, CR and the two leads.
                if byte > 0x0D && byte != 0xC2 && byte != 0xE2 || byte < 0x0A || byte == 0x0B || byte == 0x0C {
                    i += 1
                    continue
                }
                var breakLength = 0
                switch byte {
                case 0x0A: breakLength = 1
                case 0x0D: breakLength = i + 1 < n && b[i + 1] == 0x0A ? 2 : 1
                case 0xC2: if i + 1 < n && b[i + 1] == 0x85 { breakLength = 2 }
                case 0xE2: if i + 2 < n && b[i + 1] == 0x80 && (b[i + 2] == 0xA8 || b[i + 2] == 0xA9) { breakLength = 3 }
                default: break
                }
                if breakLength == 0 {
                    i += 1
                    continue
                }
                result.append((Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: i)))
                i += breakLength
                start = i
            }
            result.append((Int32(truncatingIfNeeded: start), Int32(truncatingIfNeeded: n)))
        }
        return result
    }

    /// Whether any of the eight bytes in `word` is `byte` (the zero-byte test on `word ^ byte…`).
    private static func hasByte(_ word: UInt64, _ byte: UInt8) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let x = word ^ (ones &* UInt64(byte))
        return (x &- ones) & ~x & 0x8080_8080_8080_8080 != 0
    }

    var lineCount: Int { bounds.count }

    /// The bytes of the line with 0-based index `index` (without its break), or nil past the end.
    func lineBytes(_ index: Int) -> ArraySlice<UInt8>? {
        guard bounds.indices.contains(index) else { return nil }
        let line = bounds[index]
        return bytes[Int(line.start)..<Int(line.end)]
    }

    /// The line with 0-based index `index`, or nil past the end.
    func line(_ index: Int) -> [Unicode.Scalar]? {
        lineBytes(index).map { Array(String(decoding: $0, as: UTF8.self).unicodeScalars) }
    }

    /// Every line, as scalars.
    var lines: [[Unicode.Scalar]] {
        bounds.indices.map { line($0) ?? [] }
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
        // Repaired first, so that a bad byte inside a break sequence is split as before.
        let text = String(decoding: body, as: UTF8.self)
        let source = YAMLSourceText(text)
        return (0..<source.lineCount).map { index in
            source.lineBytes(index).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
    }
}
