/// A place in a user's file: what every rule and evidence problem points at.
///
/// `line` and `column` count from 1. `column` counts Unicode scalars, as libyaml does, so a
/// column is independent of the file's byte encoding; renderers convert it to terminal cells.
/// In a workbook (`sheet` set) they are the cell's row and column: `scores.xlsx:考核记录!C5`.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    /// How many Unicode scalars the problem spans, for underlining; 1 when unknown.
    public var length: Int
    /// The worksheet, for a cell of an .xlsx workbook; nil in a text file.
    public var sheet: String?

    public init(file: String, line: Int, column: Int, length: Int = 1, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.length = max(1, length)
        self.sheet = sheet
    }

    /// `file:line:column`, the form editors and terminals turn into links; for a workbook's
    /// cell `file:sheet!C5`, the way Excel names a cell.
    public var description: String {
        guard let sheet else { return "\(file):\(line):\(column)" }
        return "\(file):\(sheet)!\(cellName)"
    }

    /// `C5`: the column's letters and the row, as Excel writes a cell's reference.
    public var cellName: String {
        var letters = ""
        var number = max(1, column)
        while number > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (number - 1) % 26))) + letters
            number = (number - 1) / 26
        }
        return letters + String(line)
    }

    /// The same place moved `scalars` columns to the right on the same line.
    public func advanced(by scalars: Int, length: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + scalars, length: length, sheet: sheet)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        // A workbook's sheets one after the other (nil, a text file's, sorts first).
        (lhs.file, lhs.sheet ?? "", lhs.line, lhs.column) < (rhs.file, rhs.sheet ?? "", rhs.line, rhs.column)
    }
}
