import ScorecardBase
import ScorecardExpression
import ScorecardRules

/// Reading a row's cells against the fields the rules declare, shared by every table bound to
/// rules (a quarter's records and lists, the candidates), so that a value is checked and its
/// problem worded the same way in each.
enum FieldCellReading {
    /// The field's value in `column` of the row. Nil, with the problem reported, when it is
    /// missing or wrong; nil without a new report when the column is absent from the header
    /// (reported once there) or cut off by a short row (reported once for the row).
    /// `owner` names whose row it is in messages: `联系员 10231（田晓东）`; worked out only for a problem.
    static func value(
        of field: borrowing EvidenceField, column: Int?, row: EvidenceRow, owner: @autoclosure () -> String, quarter: Quarter?,
        problems: inout DiagnosticSink
    ) -> Value? {
        guard let column else { return field.defaultValue }
        if let raw = row.csvRecord, raw.indices.contains(column), let number = plainNumber(raw, at: column, field: field) {
            return .number(number)
        }
        guard let cellText = row.text(at: column) else { return nil }
        let text = cellText.trimmedForEvidence
        // Worked out only for a problem: counting columns for every cell of a large file is real work.
        var place: SourceLocation { row.location(at: column) }
        if text.isEmpty {
            if let defaultValue = field.defaultValue { return defaultValue }
            problems.append(EvidenceMessages.missingFieldValue(field, owner: owner(), at: place))
            return nil
        }
        let value: Value
        do throws(FieldValueParsing.Problem) {
            value = try FieldValueParsing.parse(text, as: field.type, min: field.min, max: field.max)
        } catch let problem {
            problems.append(EvidenceMessages.badFieldValue(field, owner: owner(), problem: problem, at: place))
            return nil
        }
        if let quarter, field.withinQuarter, case .date(let date) = value, !quarter.contains(date) {
            problems.append(EvidenceMessages.dateOutsideQuarter(field, date: date, quarter: quarter, at: place))
            return nil
        }
        return value
    }

    /// A number field's value read straight from the CSV bytes, when the cell is a plain number
    /// within the field's range that nothing needs trimming from; nil sends the cell down the
    /// general path, which parses it the same way and words any problem.
    private static func plainNumber(_ raw: CSVRawRecord, at column: Int, field: borrowing EvidenceField) -> ExactDecimal? {
        let isInteger: Bool
        switch field.type {
        case .integer: isInteger = true
        case .decimal: isInteger = false
        default: return nil
        }
        let parsed: ExactDecimal? = raw.withUTF8(at: column) { bytes in
            guard let first = bytes.first, let last = bytes.last,
                first > 0x20, first < 0x80, last > 0x20, last < 0x80
            else { return nil }
            return ExactDecimal.parse(utf8: bytes)
        }
        guard let number = parsed else { return nil }
        if isInteger, number.normalized.scale > 0 { return nil }
        if let min = field.min, number < min { return nil }
        if let max = field.max, number > max { return nil }
        return number
    }

    /// A row with fewer cells than the header: its missing values must not pass for defaults.
    /// Returns whether the row was short.
    static func reportIfShort(_ row: EvidenceRow, header: [EvidenceCell], problems: inout DiagnosticSink) -> Bool {
        guard row.count < header.count else { return false }
        let missing = MessageText.quotedList(header[row.count...].map { $0.text.trimmedForEvidence }, unit: "列")
        problems.append(EvidenceMessages.shortRow(row.count, header: header.count, missing: missing, at: row.location))
        return true
    }
}
