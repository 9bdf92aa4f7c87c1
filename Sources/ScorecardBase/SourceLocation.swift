/// A place in a user's file: what every rule and evidence problem points at.
///
/// `line` and `column` count from 1. `column` counts Unicode scalars, as libyaml does, so a
/// column is independent of the file's byte encoding; renderers convert it to terminal cells.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// How many Unicode scalars the problem spans, for underlining; 1 when unknown.
    public var length: Int

    public init(file: String, line: Int, column: Int, length: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
        self.length = max(1, length)
    }

    /// `file:line:column`, the form editors and terminals turn into links.
    public var description: String { "\(file):\(line):\(column)" }

    /// The same place moved `scalars` columns to the right on the same line.
    public func advanced(by scalars: Int, length: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + scalars, length: length)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
