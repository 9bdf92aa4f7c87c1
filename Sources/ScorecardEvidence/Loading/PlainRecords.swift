import ScorecardBase
import ScorecardExpression
import ScorecardRules

/// The record table's number fields read straight from a CSV row's bytes into fixed point
/// (machine integers at a scale fixed per field), for a fast evaluator. Only a plain row goes
/// this way: a known officer serving in the quarter, not seen before, every cell a plain number
/// in range (or empty with a default), nothing to trim, as many cells as the header. Any other
/// row is declined and bound the usual way, so its problems are found and worded exactly as ever.
public struct PlainRecords: Sendable {
    /// A plain row: the officer's roster position and the fields' values (field `i` at
    /// `fields[i].scale`). False declines the row, which is then bound the usual way.
    public typealias Body = (_ position: Int, _ values: UnsafeMutableBufferPointer<Int64>) -> Bool

    public struct Field: Sendable {
        /// Digits after the point the value is held with: 0 for an integer field.
        public var scale: Int
        var integer: Bool
        var min: Int64?
        var max: Int64?
        /// The value of an empty cell; nil when an empty cell is a problem.
        var defaultValue: Int64?
    }

    /// By field index, as `policy.evidence.fields`.
    public let fields: [Field]
    /// Places a decimal cell may have to be read here (more go the usual way).
    public static let decimalScale = 4

    /// Nil when a field is not a number, or its bounds or default do not fit the fixed scale:
    /// such tables are bound the usual way throughout.
    public init?(policy: Policy) {
        var fields: [Field] = []
        for field in policy.evidence.fields {
            let integer: Bool
            switch field.type {
            case .integer: integer = true
            case .decimal: integer = false
            default: return nil
            }
            let scale = integer ? 0 : Self.decimalScale
            func fixed(_ value: ExactDecimal?) -> Int64?? {
                guard let value else { return .some(nil) }
                guard let fixed = Self.fixed(value, scale: scale) else { return nil }
                return .some(fixed)
            }
            guard let min = fixed(field.min), let max = fixed(field.max) else { return nil }
            var defaultValue: Int64?
            if let value = field.defaultValue {
                guard case .number(let number) = value, let fixed = Self.fixed(number, scale: scale) else { return nil }
                defaultValue = fixed
            }
            fields.append(Field(scale: scale, integer: integer, min: min, max: max, defaultValue: defaultValue))
        }
        self.fields = fields
    }

    /// `value × 10^scale` when that is a whole number that fits.
    public static func fixed(_ value: ExactDecimal, scale: Int) -> Int64? {
        let normalized = value.normalized
        guard normalized.scale <= scale, scale <= 18, var result = Int64(exactly: normalized.coefficient) else { return nil }
        for _ in normalized.scale..<scale {
            let (next, overflow) = result.multipliedReportingOverflow(by: 10)
            guard !overflow else { return nil }
            result = next
        }
        return result
    }

    /// A plain number cell at `field.scale`: `[+|-]digits[.digits]` as `ExactDecimal.parse`
    /// reads it, at most 17 digits and `field.scale` places (an integer field: no point), in range.
    @inline(__always)
    func value(_ bytes: UnsafeBufferPointer<UInt8>, _ field: Field) -> Int64? {
        let count = bytes.count
        if count == 0 { return field.defaultValue }
        var index = 0
        var negative = false
        let first = bytes[0]
        if first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            index = 1
        }
        var magnitude: Int64 = 0
        var integerDigits = 0
        var fractionDigits = -1
        while index < count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ".") {
                guard !field.integer, fractionDigits < 0, integerDigits > 0 else { return nil }
                fractionDigits = 0
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            if fractionDigits >= 0 { fractionDigits += 1 } else { integerDigits += 1 }
            guard integerDigits + max(0, fractionDigits) <= 17 else { return nil }
            magnitude = magnitude &* 10 &+ Int64(digit)
        }
        guard integerDigits > 0, fractionDigits != 0 else { return nil }
        var places = max(0, fractionDigits)
        guard places <= field.scale else { return nil }
        while places < field.scale {
            magnitude = magnitude &* 10
            places += 1
        }
        let value = negative ? -magnitude : magnitude
        if let min = field.min, value < min { return nil }
        if let max = field.max, value > max { return nil }
        return value
    }
}

extension RecordBinder {
    /// Binds `raw` as a plain row when it is one, handing it to `plainRow`; false leaves the row
    /// untouched for the usual binding (nothing recorded, nothing reported).
    mutating func bindPlain(
        _ raw: CSVRawRecord, _ plain: PlainRecords, headerCount: Int, mapping: ColumnMapping, officerColumn: Int,
        values: inout [Int64], _ plainRow: PlainRecords.Body
    ) -> Bool {
        guard raw.count == headerCount, officerColumn < raw.count else { return false }
        guard let position = raw.withPlainUTF8(at: officerColumn, { bytes in bytes.flatMap { roster.position(ofUTF8: $0) } }),
            recordLines[position] == 0, roster.serves(position, in: quarter)
        else { return false }
        if let nameColumn = mapping.nameColumn, nameColumn < raw.count {
            let matches = raw.withPlainUTF8(at: nameColumn) { bytes in
                guard let bytes else { return false }
                return bytes.isEmpty || roster.officer(at: position, nameEquals: bytes)
            }
            guard matches else { return false }
        }
        if !rejected.isEmpty && rejected.contains(roster.officers[position].id) { return false }
        // Every buffer taken once for the row, not once a cell: the columns are the header's,
        // and the row has as many cells as the header.
        let accepted = raw.bytes.withUnsafeBufferPointer { all in
            raw.slots.withUnsafeBufferPointer { cells in
                plain.fields.withUnsafeBufferPointer { fields in
                    mapping.fieldColumns.withUnsafeBufferPointer { columns in
                        values.withUnsafeMutableBufferPointer { slots -> Bool in
                            for index in 0..<fields.count {
                                let field = fields[index]
                                guard let column = columns[index] else {
                                    guard let value = field.defaultValue else { return false }
                                    slots[index] = value
                                    continue
                                }
                                guard let cell = CSVRawRecord.plainCell(cells[column], in: all), let value = plain.value(cell, field) else {
                                    return false
                                }
                                slots[index] = value
                            }
                            return plainRow(position, slots)
                        }
                    }
                }
            }
        }
        guard accepted else { return false }
        recordLines[position] = UInt32(truncatingIfNeeded: max(1, raw.line))
        return true
    }
}

extension CSVRawRecord {
    /// `withPlainUTF8(at:)` for a slot of the record whose bytes are `all`.
    @inline(__always)
    static func plainCell(_ slot: Slot, in all: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8>? {
        guard !slot.escaped else { return nil }
        var start = slot.start, end = slot.end
        if slot.quoted {
            start = min(slot.start + 1, slot.end)
            if end > start && all[end - 1] == 0x22 { end -= 1 } else { return nil }
        }
        let cell = UnsafeBufferPointer(rebasing: all[start..<end])
        guard let first = cell.first, let last = cell.last else { return cell }
        guard first > 0x20, first < 0x80, last > 0x20, last < 0x80 else { return nil }
        return cell
    }

    /// The cell's bytes when nothing about them needs the usual reading: unquoted (or quoted
    /// without `""`), and nothing to trim at either end (first and last byte printable ASCII).
    /// An empty cell comes as an empty buffer; nil for anything else.
    @inline(__always)
    func withPlainUTF8<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>?) -> R) -> R {
        bytes.withUnsafeBufferPointer { all in body(Self.plainCell(slots[index], in: all)) }
    }
}

extension Roster {
    /// Where the officer with the id in these bytes stands; for a packed roster without making a string.
    func position(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if case .packed(let packed) = officers.storage { return packed.index(ofUTF8: bytes) }
        return position(ofID: String(decoding: bytes, as: UTF8.self))
    }

    /// `officers[position].serves(in: quarter)`, without reading the officer out of a packed roster.
    func serves(_ position: Int, in quarter: Quarter) -> Bool {
        guard case .packed(let packed) = officers.storage else { return officers[position].serves(in: quarter) }
        let entry = packed.entries[position]
        if entry.from != 0, entry.from > PackedRoster.pack(quarter.lastDay) { return false }
        if entry.until != 0, entry.until < PackedRoster.pack(quarter.firstDay) { return false }
        return true
    }

    /// Whether the officer's name is exactly these bytes.
    func officer(at position: Int, nameEquals bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        officers[position].withUTF8(.name) { ShortBytes.equal($0, bytes) }
    }
}
