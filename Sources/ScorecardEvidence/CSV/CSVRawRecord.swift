import ScorecardBase

/// One CSV record as UTF-8 bytes: the fast form, which makes no `String` until asked.
///
/// The field bytes of a record live in one array that the reader reuses for the next record
/// once the caller lets go of this value; keeping it is safe (copy on write), just not free.
public struct CSVRawRecord: Sendable {
    struct Slot: Sendable {
        var end: Int
        var line: Int
        var column: Int
        var length: Int
    }

    public internal(set) var file: String
    /// Physical line where the record starts.
    public internal(set) var line: Int = 0
    /// 1-based index among the file's records; the header row is record 1.
    public internal(set) var number: Int = 0
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

    private func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : slots[index - 1].end)..<slots[index].end
    }

    /// The field's bytes (valid UTF-8). Traps if `index` is out of `indices`, like an array.
    public func utf8(at index: Int) -> ArraySlice<UInt8> { bytes[range(index)] }

    /// Hands the field's bytes to `body` without copying; the pointer is only valid inside it.
    public func withUTF8<R, E: Error>(
        at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R
    ) throws(E) -> R {
        let r = range(index)
        let result: Result<R, E> = bytes.withUnsafeBufferPointer { all in
            do throws(E) {
                return .success(try body(UnsafeBufferPointer(rebasing: all[r])))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    public func string(at index: Int) -> String { String(decoding: utf8(at: index), as: UTF8.self) }

    public func isEmpty(at index: Int) -> Bool { range(index).isEmpty }

    /// Whether the field is exactly `text`, without making a `String`.
    public func field(at index: Int, equals text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8(at: index).elementsEqual($0) }
    }

    public func location(at index: Int) -> SourceLocation {
        let slot = slots[index]
        return SourceLocation(file: file, line: slot.line, column: slot.column, length: slot.length)
    }

    public func field(at index: Int) -> CSVField {
        CSVField(text: string(at: index), location: location(at: index))
    }

    public var record: CSVRecord {
        CSVRecord(fields: indices.map { field(at: $0) }, line: line, number: number, file: file)
    }
}
