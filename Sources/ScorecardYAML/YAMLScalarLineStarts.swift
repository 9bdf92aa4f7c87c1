import ScorecardBase

/// Works out where each line of a scalar's value sits in the file, so an error at offset k in
/// the value can point at the exact column. Every mapping is checked against the source text;
/// when the value is not a verbatim copy of the source (escapes, folding), it gives up and
/// returns [] rather than a wrong place.
enum YAMLScalarLineStarts {
    static func compute(
        value: String, style: YAMLScalar.Style, start: YAMLMark, end: YAMLMark,
        source: YAMLSourceText, file: String
    ) -> [SourceLocation] {
        switch style {
        case .plain, .singleQuoted, .doubleQuoted:
            oneLineStart(value: value, style: style, end: end, source: source, file: file)
        case .literal, .folded:
            block(Array(value.unicodeScalars), style: style, start: start, source: source, file: file)
        }
    }

    /// A one-line value (plain or quoted), compared with its line as bytes: the same checks as
    /// on scalars, without decoding the line. UTF-8 bytes match exactly when the scalars do.
    private static func oneLineStart(
        value: String, style: YAMLScalar.Style, end: YAMLMark, source: YAMLSourceText, file: String
    ) -> [SourceLocation] {
        let quote: UInt8? =
            switch style {
            case .singleQuoted: UInt8(ascii: "'")
            case .doubleQuoted: UInt8(ascii: "\"")
            default: nil
            }
        var value = value
        let column: Int? = value.withUTF8 { text -> Int? in
            guard !text.isEmpty, !containsBreak(text), let line = source.lineBytes(end.line) else { return nil }
            // A quote inside a single-quoted value was written as '' in the file: columns would drift.
            if style == .singleQuoted, text.contains(UInt8(ascii: "'")) { return nil }
            var stop = end.column
            if quote != nil { stop -= 1 }
            guard stop >= 0, let stopByte = byteOffset(ofColumn: stop, in: line) else { return nil }
            if let quote {
                guard stopByte < line.endIndex, line[stopByte] == quote else { return nil }
            }
            let beginByte = stopByte - text.count
            guard beginByte >= line.startIndex, line[beginByte..<stopByte].elementsEqual(text) else { return nil }
            if let quote {
                guard beginByte > line.startIndex, line[beginByte - 1] == quote else { return nil }
            }
            if style == .doubleQuoted, line[beginByte..<stopByte].contains(UInt8(ascii: "\\")) { return nil }
            return stop - scalarCount(text)
        }
        guard let column else { return [] }
        return [SourceLocation(file: file, line: end.line + 1, column: column + 1)]
    }

    /// Where the scalar at `column` (0-based) starts in `line`; the line's end for the column
    /// just past its last scalar; nil past that.
    private static func byteOffset(ofColumn column: Int, in line: ArraySlice<UInt8>) -> Int? {
        var seen = 0
        var index = line.startIndex
        while index < line.endIndex {
            if line[index] & 0xC0 != 0x80 {
                if seen == column { return index }
                seen += 1
            }
            index += 1
        }
        return seen == column ? line.endIndex : nil
    }

    private static func scalarCount(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in text where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// LF, CR, NEL, LS or PS anywhere in the value.
    private static func containsBreak(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        while i < text.count {
            let byte = text[i]
            if byte == 0x0A || byte == 0x0D { return true }
            if byte == 0xC2, i + 1 < text.count, text[i + 1] == 0x85 { return true }
            if byte == 0xE2, i + 2 < text.count, text[i + 1] == 0x80, text[i + 2] == 0xA8 || text[i + 2] == 0xA9 { return true }
            i += 1
        }
        return false
    }

    /// Block scalars: each value line is matched to the next source line that ends with it after
    /// the block's indentation. Literal lines map one to one; folded ones only if nothing was folded.
    private static func block(
        _ chars: [Unicode.Scalar], style: YAMLScalar.Style, start: YAMLMark,
        source: YAMLSourceText, file: String
    ) -> [SourceLocation] {
        guard let header = headerLine(style: style, start: start, source: source) else { return [] }
        let valueLines = chars.split(separator: "\n", omittingEmptySubsequences: false)
        var cursor = header + 1
        var indent: Int?
        var result: [SourceLocation] = []
        for valueLine in valueLines {
            if valueLine.isEmpty {
                result.append(SourceLocation(file: file, line: cursor + 1, column: (indent ?? 0) + 1))
                if style == .literal { cursor += 1 }
                continue
            }
            var matched: Int?
            while let line = source.line(cursor) {
                if let prefix = prefixLength(of: valueLine, in: line) {
                    matched = prefix
                    break
                }
                // Only blank lines may be skipped, and only where folding could have eaten them.
                guard style == .folded, line.allSatisfy({ $0 == " " }) else { return [] }
                cursor += 1
            }
            guard let prefix = matched, indent == nil || indent == prefix else { return [] }
            indent = prefix
            result.append(SourceLocation(file: file, line: cursor + 1, column: prefix + 1))
            cursor += 1
        }
        return result
    }

    /// How many spaces precede `content` when `line` is exactly spaces followed by it.
    private static func prefixLength(of content: ArraySlice<Unicode.Scalar>, in line: [Unicode.Scalar]) -> Int? {
        let prefix = line.count - content.count
        guard prefix >= 0, line[prefix...].elementsEqual(content),
            line[..<prefix].allSatisfy({ $0 == " " })
        else { return nil }
        return prefix
    }

    /// The line holding the `|` or `>` indicator (the event may start earlier, at an anchor or tag).
    private static func headerLine(style: YAMLScalar.Style, start: YAMLMark, source: YAMLSourceText) -> Int? {
        let indicator: Unicode.Scalar = style == .literal ? "|" : ">"
        var lineIndex = start.line
        var column = start.column
        while let line = source.line(lineIndex), lineIndex <= start.line + 2 {
            if column < line.count, line[column...].contains(indicator) { return lineIndex }
            lineIndex += 1
            column = 0
        }
        return nil
    }
}
