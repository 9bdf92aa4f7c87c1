import ScorecardBase

/// One CSV record as UTF-8 bytes: the fast form, which makes no `String` until asked.
///
/// The record keeps its source bytes as written (quotes included) in one array that the reader
/// reuses for the next record once the caller lets go of this value; keeping it is safe (copy
/// on write), just not free. Quotes are taken off, and `""` collapsed, only when a field is read,
/// and line and column are worked out from the bytes only when a location is asked for.
public struct CSVRawRecord: Sendable {
    struct Slot: Sendable {
        /// Source range of the field in `bytes`, quotes included.
        var start: Int
        var end: Int
        var quoted: Bool
        /// Contains `""`, which reads as one quote.
        var escaped: Bool
    }

    public internal(set) var file: String
    /// Physical line where the record starts; the record always starts at column 1.
    public internal(set) var line: Int = 0
    /// 1-based index among the file's records; the header row is record 1.
    public internal(set) var number: Int = 0
    /// Where the record starts in the decoded UTF-8 stream (for a UTF-8 file, the file offset
    /// after any byte order mark): enough to find the record again without keeping it.
    public internal(set) var offset: Int = 0
    var bytes: [UInt8] = []
    var slots: [Slot] = []

    init(file: String) {
        self.file = file
    }

    public var count: Int { slots.count }
    public var indices: Range<Int> { slots.indices }

    mutating func reset(line: Int, number: Int) {
        bytes.removeAll(keepingCapacity: true)
        slots.removeAll(keepingCapacity: true)
        self.line = line
        self.number = number
    }

    private func content(_ slot: Slot) -> Range<Int> {
        guard slot.quoted else { return slot.start..<slot.end }
        let start = min(slot.start + 1, slot.end)
        // An unterminated or malformed field has no closing quote to drop.
        let end = slot.end > start && bytes[slot.end - 1] == 0x22 ? slot.end - 1 : slot.end
        return start..<end
    }

    private func unescaped(_ range: Range<Int>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let byte = bytes[i]
            result.append(byte)
            i += byte == 0x22 && i + 1 < range.upperBound && bytes[i + 1] == 0x22 ? 2 : 1
        }
        return result
    }

    /// The field's value as UTF-8 (validated). Traps if `index` is out of `indices`, like an array.
    public func utf8(at index: Int) -> ArraySlice<UInt8> {
        let slot = slots[index]
        return slot.escaped ? ArraySlice(unescaped(content(slot))) : bytes[content(slot)]
    }

    /// Hands the field's value to `body`, without copying unless it contains `""`; the pointer
    /// is only valid inside `body`.
    public func withUTF8<R, E: Error>(
        at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R
    ) throws(E) -> R {
        let slot = slots[index]
        let source = slot.escaped ? unescaped(content(slot)) : bytes
        let range = slot.escaped ? 0..<source.count : content(slot)
        return try source.withUnsafeBufferPointer { all throws(E) in try body(UnsafeBufferPointer(rebasing: all[range])) }
    }

    public func string(at index: Int) -> String { String(decoding: utf8(at: index), as: UTF8.self) }

    public func isEmpty(at index: Int) -> Bool { content(slots[index]).isEmpty }

    /// Whether the field's value is exactly `text`, without making a `String`.
    public func field(at index: Int, equals text: String) -> Bool {
        var text = text
        return text.withUTF8 { expected in withUTF8(at: index) { $0.elementsEqual(expected) } }
    }

    /// Where the field starts (its opening quote, if quoted); `length` spans the field as
    /// written, up to the end of its first line.
    public func location(at index: Int) -> SourceLocation {
        let slot = slots[index]
        return location(from: slot.start, to: slot.end)
    }

    /// The places of every field, in one pass over the record: asking `location(at:)` for each
    /// field would count from the record's start every time, which for a header of many
    /// thousands of columns is quadratic.
    public func locations() -> [SourceLocation] {
        var result: [SourceLocation] = []
        result.reserveCapacity(slots.count)
        var cursor = Cursor(line: line)
        for slot in slots {
            cursor.advance(to: slot.start, in: bytes)
            result.append(cursor.location(file: file, through: slot.end, in: bytes))
        }
        return result
    }

    /// Line and column of a byte offset in `bytes`, counting lines from `line` and columns in
    /// Unicode scalars; `to` gives the underline length.
    func location(from offset: Int, to endOffset: Int? = nil) -> SourceLocation {
        var cursor = Cursor(line: line)
        cursor.advance(to: offset, in: bytes)
        return cursor.location(file: file, through: endOffset ?? offset + 1, in: bytes)
    }

    /// A place in the record's bytes as line and column, moved forward only.
    private struct Cursor {
        var line: Int
        var column = 1
        var offset = 0

        init(line: Int) { self.line = line }

        /// Moves to `target`, which is never between the CR and LF of a CRLF (fields start at
        /// the record's start or after a comma).
        mutating func advance(to target: Int, in bytes: [UInt8]) {
            // Never past the bytes kept (a refused record keeps only its start).
            let target = min(target, bytes.count)
            while offset < target {
                let byte = bytes[offset]
                if byte == 0x0A || byte == 0x0D {
                    if byte == 0x0D && offset + 1 < target && bytes[offset + 1] == 0x0A { offset += 1 }
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
                offset += 1
            }
        }

        /// The place here, underlining up to `end` or the end of the line, whichever is first.
        func location(file: String, through end: Int, in bytes: [UInt8]) -> SourceLocation {
            var length = 0
            var i = offset
            while i < end && i < bytes.count {
                let byte = bytes[i]
                if byte == 0x0A || byte == 0x0D { break }
                if byte & 0xC0 != 0x80 { length += 1 }
                i += 1
            }
            return SourceLocation(file: file, line: line, column: column, length: length)
        }
    }

    public func field(at index: Int) -> CSVField {
        CSVField(text: string(at: index), location: location(at: index))
    }

    public var record: CSVRecord {
        let places = locations()
        return CSVRecord(
            fields: indices.map { CSVField(text: string(at: $0), location: places[$0]) }, line: line, number: number, file: file)
    }
}
