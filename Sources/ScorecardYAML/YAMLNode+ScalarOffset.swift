import ScorecardBase

extension YAMLNode {
    /// Where the scalar character at `offset` (Unicode scalars into `scalar.value`) was written,
    /// so an expression error inside a value points at its exact column. Falls back to the
    /// node's own location when the value is not a verbatim copy of the source.
    public func location(ofScalarOffset offset: Int, length: Int = 1) -> SourceLocation {
        guard let scalar, !scalar.lineStarts.isEmpty, offset >= 0 else { return location }
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
        guard index == offset, scalar.lineStarts.indices.contains(line) else { return location }
        return scalar.lineStarts[line].advanced(by: column, length: length)
    }
}
