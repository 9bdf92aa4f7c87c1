import ScorecardBase

extension YAMLNode {
    /// Where the scalar character at `offset` (Unicode scalars into `scalar.value`) was written,
    /// so an expression error inside a value points at its exact column. Falls back to the
    /// node's own location when the value is not a verbatim copy of the source.
    public func location(ofScalarOffset offset: Int, length: Int = 1) -> SourceLocation {
        // Worked out once: each reading of `lineStarts` compares the value with its source again.
        guard let scalar, offset >= 0 else { return location }
        let lineStarts = scalar.lineStarts
        guard !lineStarts.isEmpty else { return location }
        var line = 0
        var column = 0
        var index = 0
        for char in scalar.value.unicodeScalars {
            if index == offset { break }
            if char == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
            index += 1
        }
        guard index == offset, lineStarts.indices.contains(line) else { return location }
        return lineStarts[line].advanced(by: column, length: length)
    }
}
