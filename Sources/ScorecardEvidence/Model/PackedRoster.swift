import ScorecardBase

/// A large roster kept small: every officer's values in one byte arena, each officer a short
/// entry of lengths, dates and the place of its row, and an index by id over the arena's bytes.
/// About a hundred bytes an officer instead of a kilobyte, so that a million officers fit in a
/// small part of what a quarter may use. `Officer` reads its values from here when asked.
final class PackedRoster: Sendable {
    /// The roster's text columns kept for every officer, in this order.
    enum Text: Int, CaseIterable {
        case id, name, unit, area, managerRole, manager, selection, reason
    }

    struct Entry: Sendable {
        /// Where the officer's values start in `arena`; each text's length follows in `lengths`.
        var start: UInt32
        var lengths: (UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16, UInt16)
        /// `yyyymmdd`, 0 for none.
        var trainedOn: Int32
        var from: Int32
        var until: Int32
        var line: UInt32
        /// Where the row starts in the decoded file (see `CSVRawRecord.offset`).
        var rowOffset: Int
    }

    let file: String
    let arena: [UInt8]
    let entries: [Entry]
    /// Each roster column id's index in a row, for the places of cells.
    let columns: [String: Int]
    /// How a row's decoded offset becomes a file offset: the byte order mark's length, or nil
    /// when the file is not UTF-8 and a row must be found by reading from the start.
    let offsetShift: Int?
    /// Open addressing over the ids: entry index + 1, 0 for an empty slot; at most half full.
    private let slots: [UInt32]

    /// `slots` is the builder's index over the same ids, kept as it was built: the ids are not
    /// hashed a second time.
    init(file: String, arena: [UInt8], entries: [Entry], columns: [String: Int], offsetShift: Int?, slots: [UInt32]) {
        self.file = file
        self.arena = arena
        self.entries = entries
        self.columns = columns
        self.offsetShift = offsetShift
        self.slots = slots
    }

    var count: Int { entries.count }

    static func range(of text: Text, in entry: Entry) -> Range<Int> {
        withUnsafeBytes(of: entry.lengths) { lengths in
            var start = Int(entry.start)
            for index in 0..<text.rawValue { start += Int(lengths.load(fromByteOffset: index * 2, as: UInt16.self)) }
            return start..<(start + Int(lengths.load(fromByteOffset: text.rawValue * 2, as: UInt16.self)))
        }
    }

    func text(_ text: Text, of index: Int) -> String {
        let range = Self.range(of: text, in: entries[index])
        return arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    func optionalText(_ text: Text, of index: Int) -> String? {
        let value = self.text(text, of: index)
        return value.isEmpty ? nil : value
    }

    static func date(_ packed: Int32) -> LocalDate? { LocalDate(key: packed) }

    static func pack(_ date: LocalDate?) -> Int32 { date?.key ?? 0 }

    /// The index of the officer with this id.
    func index(ofID id: String) -> Int? {
        var id = id
        return id.withUTF8 { index(ofUTF8: $0) }
    }

    /// The index of the officer whose id is these bytes: a record row's cell, looked up without
    /// making a string.
    func index(ofUTF8 wanted: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(wanted) & mask
        return arena.withUnsafeBufferPointer { bytes in
            while slots[slot] != 0 {
                let index = Int(slots[slot]) - 1
                let range = Self.range(of: .id, in: entries[index])
                if range.count == wanted.count && UnsafeBufferPointer(rebasing: bytes[range]).elementsEqual(wanted) { return index }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// Hands officer `index`'s text to `body` as UTF-8, without making a string.
    func withUTF8<R>(_ text: Text, of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let range = Self.range(of: text, in: entries[index])
        return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// FNV-1a: the ids are short and nobody chooses them to collide.
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash >> 1)
    }

    /// The place of column `column` in officer `index`'s row, found by reading the row again;
    /// the row's start when it cannot be read.
    func location(ofColumn column: Int, of index: Int) -> SourceLocation {
        let entry = entries[index]
        let rowStart = SourceLocation(file: file, line: Int(entry.line), column: 1)
        guard let raw = row(of: entry), raw.indices.contains(column) else { return rowStart }
        return raw.location(at: column)
    }

    private func row(of entry: Entry) -> CSVRawRecord? {
        if let shift = offsetShift {
            // A UTF-8 file: the row is where it was.
            guard let bytes = try? FileSystem.read(file, from: entry.rowOffset + shift, count: 1 << 16) else { return nil }
            var reader = CSVReader(bytes: bytes, file: file, encoding: .utf8, line: Int(entry.line))
            return try? reader.nextRaw()
        }
        // Another encoding: read from the start to the row's line.
        guard var reader = try? CSVReader(path: file) else { return nil }
        while true {
            do {
                guard let raw = try reader.nextRaw() else { return nil }
                if raw.line == Int(entry.line) { return raw }
            } catch {
                continue
            }
        }
    }
}

/// Packs officers as the roster loader reads them.
struct PackedRosterBuilder {
    private var arena: [UInt8] = []
    private(set) var entries: [PackedRoster.Entry] = []
    /// Open addressing over the ids packed so far (entry index + 1, 0 for empty), kept at most
    /// half full: a second row for an id is found without a dictionary of strings.
    private var table = [UInt32](repeating: 0, count: 1024)

    /// The entry with this id, if one was packed.
    func index(ofUTF8 wanted: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = table.count - 1
        var slot = PackedRoster.hash(wanted) & mask
        return arena.withUnsafeBufferPointer { bytes in
            while table[slot] != 0 {
                let index = Int(table[slot]) - 1
                let range = PackedRoster.range(of: .id, in: entries[index])
                if range.count == wanted.count && UnsafeBufferPointer(rebasing: bytes[range]).elementsEqual(wanted) { return index }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    func index(ofID id: String) -> Int? {
        var id = id
        return id.withUTF8 { index(ofUTF8: $0) }
    }

    /// Makes room at once for about `officers` officers in all, their texts taking about as
    /// many bytes each as those packed so far: a large roster's arrays are then not copied each
    /// time they double, a copy that briefly holds both the old and the new array (at a million
    /// officers, most of the peak memory). Room not used is never touched, so costs no memory.
    /// The arrays get an eighth more room than asked, for rows longer than the first; the
    /// index is sized for `officers`, and grows as before past them.
    mutating func reserve(officers: Int) {
        guard officers > entries.count, !entries.isEmpty else { return }
        let room = officers + officers / 8
        arena.reserveCapacity(room * ((arena.count + entries.count - 1) / entries.count))
        entries.reserveCapacity(room)
        var size = table.count
        while officers * 2 > size { size <<= 1 }
        guard size > table.count else { return }
        table = [UInt32](repeating: 0, count: size)
        for index in entries.indices { insert(index) }
    }

    private mutating func indexLast() {
        if (entries.count) * 2 > table.count {
            table = [UInt32](repeating: 0, count: table.count * 2)
            for index in entries.indices.dropLast() { insert(index) }
        }
        insert(entries.count - 1)
    }

    private mutating func insert(_ index: Int) {
        let mask = table.count - 1
        let range = PackedRoster.range(of: .id, in: entries[index])
        var slot = arena.withUnsafeBufferPointer { PackedRoster.hash(UnsafeBufferPointer(rebasing: $0[range])) } & mask
        while table[slot] != 0 { slot = (slot + 1) & mask }
        table[slot] = UInt32(index + 1)
    }

    /// Adds an officer whose eight texts are `ranges` of `bytes` (a roster row's cells, as
    /// `add(texts:…)` would take them); false, with nothing added, when one is too long to pack.
    mutating func add(
        _ bytes: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>], trainedOn: Int32, from: Int32, until: Int32, line: Int, rowOffset: Int
    ) -> Bool {
        let start = arena.count
        var total = 0
        for range in ranges {
            guard range.count <= Int(UInt16.max) else { return false }
            total += range.count
        }
        guard start + total <= Int(UInt32.max), line <= Int(UInt32.max) else { return false }
        for range in ranges { arena.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range])) }
        entries.append(
            PackedRoster.Entry(
                start: UInt32(start),
                lengths: (
                    UInt16(ranges[0].count), UInt16(ranges[1].count), UInt16(ranges[2].count), UInt16(ranges[3].count),
                    UInt16(ranges[4].count), UInt16(ranges[5].count), UInt16(ranges[6].count), UInt16(ranges[7].count)
                ),
                trainedOn: trainedOn, from: from, until: until, line: UInt32(line), rowOffset: rowOffset))
        indexLast()
        return true
    }

    /// Adds an officer; false when a value is too long to pack (the loader then keeps the
    /// roster unpacked).
    mutating func add(
        texts: [String?], trainedOn: LocalDate?, from: LocalDate?, until: LocalDate?, line: Int, rowOffset: Int
    ) -> Bool {
        let start = arena.count
        var lengths = [UInt16](repeating: 0, count: 8)
        for (index, text) in texts.enumerated() {
            guard let text else { continue }
            let count = text.utf8.count
            guard count <= Int(UInt16.max) else { return false }
            lengths[index] = UInt16(count)
            arena.append(contentsOf: text.utf8)
        }
        guard arena.count <= Int(UInt32.max), line <= Int(UInt32.max) else { return false }
        entries.append(
            PackedRoster.Entry(
                start: UInt32(start),
                lengths: (lengths[0], lengths[1], lengths[2], lengths[3], lengths[4], lengths[5], lengths[6], lengths[7]),
                trainedOn: PackedRoster.pack(trainedOn), from: PackedRoster.pack(from), until: PackedRoster.pack(until),
                line: UInt32(line), rowOffset: rowOffset))
        indexLast()
        return true
    }

    func build(file: String, columns: [String: Int], offsetShift: Int?) -> PackedRoster {
        PackedRoster(file: file, arena: arena, entries: entries, columns: columns, offsetShift: offsetShift, slots: table)
    }
}
