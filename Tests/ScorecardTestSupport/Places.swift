import ScorecardBase

extension ScorecardBase.SourceLocation {
    /// Line and column only, so tests do not depend on the underlined length.
    public var place: [Int] { [line, column] }
}

/// No line of the text holds the needle exactly once.
public struct PlaceNotFound: Error, CustomStringConvertible {
    public var needle: String
    public var lines: Int
    public var description: String { "expected “\(needle)” on exactly one line, found it on \(lines)" }
}

/// The 1-based line and column, counted in Unicode scalars as the engine counts, of the only
/// occurrence of `needle` in `text`: where a diagnostic about that text should point.
public func place(of needle: String, in text: String) throws(PlaceNotFound) -> (line: Int, column: Int) {
    // "\r\n" is one Character, so lines are split at it as well as at a bare LF.
    let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    let hits = lines.enumerated().filter { $0.element.contains(needle) }
    guard hits.count == 1 else { throw PlaceNotFound(needle: needle, lines: hits.count) }
    let line = Array(hits[0].element.unicodeScalars)
    let target = Array(needle.unicodeScalars)
    guard let start = line.indices.first(where: { line[$0...].starts(with: target) }) else {
        throw PlaceNotFound(needle: needle, lines: 0)
    }
    return (hits[0].offset + 1, start + 1)
}
