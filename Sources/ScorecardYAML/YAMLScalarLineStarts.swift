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
        let chars = Array(value.unicodeScalars)
        switch style {
        case .plain:
            guard let column = oneLine(chars, end: end, source: source, closing: nil, opening: nil) else { return [] }
            return [SourceLocation(file: file, line: end.line + 1, column: column + 1)]
        case .singleQuoted:
            // A quote inside the value was written as '' in the file: columns would drift.
            guard !chars.contains("'"),
                  let column = oneLine(chars, end: end, source: source, closing: "'", opening: "'")
            else { return [] }
            return [SourceLocation(file: file, line: end.line + 1, column: column + 1)]
        case .doubleQuoted:
            guard let column = oneLine(chars, end: end, source: source, closing: "\"", opening: "\""),
                  let line = source.line(end.line),
                  !line[column..<(column + chars.count)].contains("\\")
            else { return [] }
            return [SourceLocation(file: file, line: end.line + 1, column: column + 1)]
        case .literal, .folded:
            return block(chars, style: style, start: start, source: source, file: file)
        }
    }

    /// 0-based column where a one-line value starts, if the source line ending at `end` holds
    /// exactly the value (between the given quotes).
    private static func oneLine(
        _ chars: [Unicode.Scalar], end: YAMLMark, source: YAMLSourceText,
        closing: Unicode.Scalar?, opening: Unicode.Scalar?
    ) -> Int? {
        guard !chars.isEmpty, !chars.contains(where: YAMLSourceText.isBreak),
              let line = source.line(end.line) else { return nil }
        var stop = end.column
        if let closing {
            stop -= 1
            guard line.indices.contains(stop), line[stop] == closing else { return nil }
        }
        let begin = stop - chars.count
        guard begin >= 0, stop <= line.count, Array(line[begin..<stop]) == chars else { return nil }
        if let opening {
            guard begin >= 1, line[begin - 1] == opening else { return nil }
        }
        return begin
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
              line[..<prefix].allSatisfy({ $0 == " " }) else { return nil }
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
