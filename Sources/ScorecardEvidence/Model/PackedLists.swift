import ScorecardBase
import ScorecardExpression

/// A quarter's lists (adopted suggestions) kept small until their officer's record is read:
/// every row's values encoded into chunks of bytes, each row linked to its officer's next one,
/// and for each officer only where their first and last rows are. About twenty-five bytes a
/// suggestion instead of a few hundred (an array of `Value`s per row and a dictionary of
/// strings), so that a million officers' suggestions fit beside the roster. The rows are decoded
/// into `Value`s again, exactly as they were bound, when the officer's record is handed on.
struct PackedLists: Sendable {
    private var lists: [PackedList]

    /// `interned[list]` says, per field, which fields hold words from a short list (choices):
    /// those are kept once and referred to by number. `kept[list]` says which fields keep their
    /// value (`Policy.keptListFields`); the others read back as missing. Nil: every field.
    init(officers: Int, interned: [[Bool]], kept: [[Bool]]? = nil) {
        lists = interned.indices.map { list in
            PackedList(officers: officers, interned: interned[list], kept: kept.flatMap { list < $0.count ? $0[list] : nil })
        }
    }

    var listCount: Int { lists.count }

    /// Whether no list has a row for anyone.
    var isEmpty: Bool { lists.allSatisfy(\.isEmpty) }

    mutating func append(_ values: [Value], list: Int, officer position: Int) {
        lists[list].append(values, officer: position)
    }

    /// The rows of officer `position` in list `list`, in the order they were read.
    func rows(list: Int, officer position: Int) -> [[Value]] {
        lists[list].rows(officer: position)
    }
}

/// One list's rows. A row is stored as a 4-byte link to the officer's next row (its distance
/// in the same chunk; `far` when the next row went to another chunk, looked up in `farLinks`;
/// 0 for the last), then its values (`PackedValueCoding`).
private struct PackedList: Sendable {
    /// Chunks are filled to this size and never grown, so that memory grows by a chunk at a time
    /// rather than by copying one array into another twice its size.
    static let chunkSize = 1 << 20
    static let far: UInt32 = .max
    static let none: UInt64 = .max

    private var chunks: [[UInt8]] = []
    /// Per officer, the address (chunk << 32 | offset) of the first and the last row; empty
    /// until the list has a row.
    private var first: [UInt64] = []
    private var last: [UInt64] = []
    /// Links that cross chunks, by the address of the row they lead from.
    private var farLinks: [UInt64: UInt64] = [:]
    private var strings = PackedStrings()
    private let interned: [Bool]
    /// Per field, whether its value is kept; nil: every field.
    private let kept: [Bool]?
    private let officers: Int
    /// The row being encoded, reused.
    private var scratch: [UInt8] = []

    init(officers: Int, interned: [Bool], kept: [Bool]?) {
        self.officers = officers
        self.interned = interned
        self.kept = kept
    }

    var isEmpty: Bool { first.isEmpty }

    mutating func append(_ values: [Value], officer position: Int) {
        if first.isEmpty {
            first = Array(repeating: Self.none, count: officers)
            last = Array(repeating: Self.none, count: officers)
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: [0, 0, 0, 0])
        PackedValueCoding.appendCount(values.count, to: &scratch)
        for (index, value) in values.enumerated() {
            if let kept, index < kept.count, !kept[index] {
                PackedValueCoding.append(.missing, to: &scratch, strings: &strings, intern: false)
                continue
            }
            let intern = index < interned.count && interned[index]
            PackedValueCoding.append(value, to: &scratch, strings: &strings, intern: intern)
        }
        if chunks.isEmpty || chunks[chunks.count - 1].count + scratch.count > max(Self.chunkSize, chunks[chunks.count - 1].capacity) {
            var chunk: [UInt8] = []
            chunk.reserveCapacity(max(Self.chunkSize, scratch.count))
            chunks.append(chunk)
        }
        let chunk = chunks.count - 1
        let address = UInt64(chunk) << 32 | UInt64(chunks[chunk].count)
        chunks[chunk].append(contentsOf: scratch)
        let previous = last[position]
        if previous == Self.none {
            first[position] = address
        } else {
            link(previous, to: address)
        }
        last[position] = address
    }

    private mutating func link(_ from: UInt64, to: UInt64) {
        let chunk = Int(from >> 32)
        let offset = Int(from & 0xFFFF_FFFF)
        var distance = Self.far
        if to >> 32 == from >> 32 {
            distance = UInt32(to & 0xFFFF_FFFF) - UInt32(offset)
        } else {
            farLinks[from] = to
        }
        chunks[chunk].withUnsafeMutableBytes { $0.storeBytes(of: distance.littleEndian, toByteOffset: offset, as: UInt32.self) }
    }

    func rows(officer position: Int) -> [[Value]] {
        guard !first.isEmpty, first[position] != Self.none else { return [] }
        var rows: [[Value]] = []
        var address = first[position]
        while true {
            let chunk = Int(address >> 32)
            let offset = Int(address & 0xFFFF_FFFF)
            let distance = chunks[chunk].withUnsafeBytes { bytes in
                var reader = PackedValueReader(bytes: bytes, offset: offset + 4)
                let count = reader.count()
                var values: [Value] = []
                values.reserveCapacity(count)
                for _ in 0..<count { values.append(reader.value(strings: strings)) }
                rows.append(values)
                return UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
            }
            if distance == 0 { break }
            if distance == Self.far {
                guard let next = farLinks[address] else { break }
                address = next
            } else {
                address += UInt64(distance)
            }
        }
        return rows
    }
}

/// Words kept once, each referred to by its number.
struct PackedStrings: Sendable {
    private(set) var words: [String] = []
    private var numbers: [String: Int] = [:]

    mutating func number(of word: String) -> Int {
        if let known = numbers[word] { return known }
        numbers[word] = words.count
        words.append(word)
        return words.count - 1
    }
}

/// How a `Value` is written as bytes: a tag, then its payload. Numbers keep their written scale,
/// so a value reads back equal in every way (`3.50` stays `3.50`).
enum PackedValueCoding {
    enum Tag: UInt8 {
        case missing, number, string, internedString, no, yes, date, list
    }

    static func appendCount(_ count: Int, to bytes: inout [UInt8]) {
        appendVarint(UInt128(count), to: &bytes)
    }

    static func appendVarint(_ value: UInt128, to bytes: inout [UInt8]) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// `intern`: a word from a short list (a choice), kept once in `strings`.
    static func append(_ value: Value, to bytes: inout [UInt8], strings: inout PackedStrings, intern: Bool) {
        switch value {
        case .missing:
            bytes.append(Tag.missing.rawValue)
        case .number(let number):
            bytes.append(Tag.number.rawValue)
            bytes.append(UInt8(number.scale))
            let c = number.coefficient
            appendVarint(UInt128(bitPattern: (c << 1) ^ (c >> 127)), to: &bytes)
        case .string(let text):
            if intern {
                bytes.append(Tag.internedString.rawValue)
                appendCount(strings.number(of: text), to: &bytes)
            } else {
                bytes.append(Tag.string.rawValue)
                appendCount(text.utf8.count, to: &bytes)
                bytes.append(contentsOf: text.utf8)
            }
        case .boolean(let yes):
            bytes.append(yes ? Tag.yes.rawValue : Tag.no.rawValue)
        case .date(let date):
            bytes.append(Tag.date.rawValue)
            appendCount(date.year << 9 | date.month << 5 | date.day, to: &bytes)
        case .list(let rows):
            bytes.append(Tag.list.rawValue)
            appendCount(rows.count, to: &bytes)
            for row in rows {
                appendCount(row.count, to: &bytes)
                for value in row { append(value, to: &bytes, strings: &strings, intern: false) }
            }
        }
    }
}

/// Reads values written by `PackedValueCoding`.
struct PackedValueReader {
    let bytes: UnsafeRawBufferPointer
    var offset: Int

    mutating func byte() -> UInt8 {
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func varint() -> UInt128 {
        var value: UInt128 = 0
        var shift: UInt128 = 0
        while true {
            let next = byte()
            value |= UInt128(next & 0x7F) << shift
            if next < 0x80 { return value }
            shift += 7
        }
    }

    mutating func count() -> Int { Int(truncatingIfNeeded: varint()) }

    mutating func value(strings: PackedStrings) -> Value {
        switch PackedValueCoding.Tag(rawValue: byte()) {
        case .number:
            let scale = Int(byte())
            let zigzag = varint()
            let coefficient = Int128(bitPattern: zigzag >> 1) ^ -Int128(bitPattern: zigzag & 1)
            return ExactDecimal(exactly: coefficient, scale: scale).map(Value.number) ?? .missing
        case .string:
            let length = count()
            defer { offset += length }
            return .string(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self))
        case .internedString:
            let number = count()
            return strings.words.indices.contains(number) ? .string(strings.words[number]) : .missing
        case .no:
            return .boolean(false)
        case .yes:
            return .boolean(true)
        case .date:
            let packed = count()
            return LocalDate(year: packed >> 9, month: packed >> 5 & 0xF, day: packed & 0x1F).map(Value.date) ?? .missing
        case .list:
            let rowCount = count()
            var rows: [[Value]] = []
            for _ in 0..<rowCount {
                let valueCount = count()
                var row: [Value] = []
                for _ in 0..<valueCount { row.append(value(strings: strings)) }
                rows.append(row)
            }
            return .list(rows)
        case .missing, nil:
            return .missing
        }
    }
}
