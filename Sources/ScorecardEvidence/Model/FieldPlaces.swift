import ScorecardBase

/// Where a row's field values were read, worked out only when asked for (an explanation, a
/// problem): shared by officers' records and candidates, which keep their row for this alone.
struct FieldPlaces: Sendable {
    /// Nil for values built in code, which have no source to point into.
    var row: EvidenceRow?
    /// The row's column for each field, by field index; nil where the table has no such column.
    var columns: [Int?]

    static let none = FieldPlaces(row: nil, columns: [])

    /// Where field `index` was read; nil when it was left empty and took its default.
    func location(_ index: Int) -> SourceLocation? {
        guard let row, index < columns.count, let column = columns[index],
            let text = row.text(at: column), !text.trimmedForEvidence.isEmpty
        else { return nil }
        return row.location(at: column)
    }
}
