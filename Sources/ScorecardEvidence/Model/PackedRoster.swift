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
        /// Where the officer's own texts (id, name, area, one after another) start in `arena`.
        var start: UInt32
        var idLength: UInt16
        var nameLength: UInt16
        var areaLength: UInt16
        /// The officer's unit, manager role, manager, selection and reason: an index into
        /// `shared`, since most officers write them as many others do.
        var shared: UInt32
        /// `yyyymmdd`, 0 for none.
        var trainedOn: Int32
        var from: Int32
        var until: Int32
        var line: UInt32
        /// Where the row starts in the decoded file (see `CSVRawRecord.offset`).
        var rowOffset: Int
    }

    /// Texts that many officers write alike, kept once: unit, manager role, manager,
    /// selection and reason, one after another from `start` in `sharedBytes`.
    struct Shared: Sendable {
        var start: UInt32
        var lengths: (UInt16, UInt16, UInt16, UInt16, UInt16)
    }

    /// The texts of `Shared`, in its order; the others are the officer's own.
    static let sharedTexts: [Text] = [.unit, .managerRole, .manager, .selection, .reason]

    let file: String
    let arena: [UInt8]
    let entries: [Entry]
    let shared: [Shared]
    let sharedBytes: [UInt8]
    /// Each roster column id's index in a row, for the places of cells.
    let columns: [String: Int]
    /// How a row's decoded offset becomes a file offset: the byte order mark's length, or nil
    /// when the file is not UTF-8 and a row must be found by reading from the start.
    let offsetShift: Int?
    /// Open addressing over the ids: entry index + 1, 0 for an empty slot; at most half full.
    private let slots: [UInt32]

    /// `slots` is the builder's index over the same ids, kept as it was built: the ids are not
    /// hashed a second time.
    init(
        file: String, arena: [UInt8], entries: [Entry], shared: [Shared], sharedBytes: [UInt8], columns: [String: Int],
        offsetShift: Int?, slots: [UInt32]
    ) {
        self.file = file
        self.arena = arena
        self.entries = entries
        self.shared = shared
        self.sharedBytes = sharedBytes
        self.columns = columns
        self.offsetShift = offsetShift
        self.slots = slots
    }

    var count: Int { entries.count }

    /// Where an officer's own text lies in `arena`; nil for a shared one.
    @inline(__always)
    static func ownRange(of text: Text, in entry: Entry) -> Range<Int>? {
        let start = Int(entry.start)
        switch text {
        case .id: return start..<(start + Int(entry.idLength))
        case .name:
            let from = start + Int(entry.idLength)
            return from..<(from + Int(entry.nameLength))
        case .area:
            let from = start + Int(entry.idLength) + Int(entry.nameLength)
            return from..<(from + Int(entry.areaLength))
        default: return nil
        }
    }

    /// Where part `part` of a shared entry lies in `sharedBytes`.
    @inline(__always)
    static func range(ofPart part: Int, in shared: Shared) -> Range<Int> {
        withUnsafeBytes(of: shared.lengths) { lengths in
            var start = Int(shared.start)
            for index in 0..<part { start += Int(lengths.load(fromByteOffset: index * 2, as: UInt16.self)) }
            return start..<(start + Int(lengths.load(fromByteOffset: part * 2, as: UInt16.self)))
        }
    }

    /// The part of `Shared` a shared text is.
    @inline(__always)
    static func sharedPart(_ text: Text) -> Int {
        switch text {
        case .unit: 0
        case .managerRole: 1
        case .manager: 2
        case .selection: 3
        default: 4
        }
    }

    func text(_ text: Text, of index: Int) -> String {
        withUTF8(text, of: index) { String(decoding: $0, as: UTF8.self) }
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
        Self.index(ofUTF8: wanted, slots: slots, entries: entries, arena: arena)
    }

    /// The look-up of the roster and of its builder: `slots` over `entries`' ids in `arena`.
    @inline(__always)
    static func index(ofUTF8 wanted: UnsafeBufferPointer<UInt8>, slots: [UInt32], entries: [Entry], arena: [UInt8]) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: ShortBytes.hash(wanted)) & mask
        return slots.withUnsafeBufferPointer { slots in
            entries.withUnsafeBufferPointer { entries in
                arena.withUnsafeBufferPointer { bytes in
                    while true {
                        let found = Int(slots[slot])
                        if found == 0 { return nil }
                        let entry = entries[found - 1]
                        if Int(entry.idLength) == wanted.count,
                            ShortBytes.equal(
                                UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<(Int(entry.start) + wanted.count)]), wanted)
                        {
                            return found - 1
                        }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
    }

    /// Hands officer `index`'s text to `body` as UTF-8, without making a string.
    @inline(__always)
    func withUTF8<R>(_ text: Text, of index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let entry = entries[index]
        if let range = Self.ownRange(of: text, in: entry) {
            return arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
        }
        let range = Self.range(ofPart: Self.sharedPart(text), in: shared[Int(entry.shared)])
        return sharedBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
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
    private var shared: [PackedRoster.Shared] = []
    private var sharedBytes: [UInt8] = []
    /// Each shared entry's hash, and open addressing over them as over the ids.
    private var sharedHashes: [UInt64] = []
    private var sharedTable = [UInt32](repeating: 0, count: 64)

    /// The entry with this id, if one was packed.
    func index(ofUTF8 wanted: UnsafeBufferPointer<UInt8>) -> Int? {
        PackedRoster.index(ofUTF8: wanted, slots: table, entries: entries, arena: arena)
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
        let entry = entries[index]
        let start = Int(entry.start)
        var slot =
            arena.withUnsafeBufferPointer {
                Int(truncatingIfNeeded: ShortBytes.hash(UnsafeBufferPointer(rebasing: $0[start..<(start + Int(entry.idLength))])))
            } & mask
        while table[slot] != 0 { slot = (slot + 1) & mask }
        table[slot] = UInt32(index + 1)
    }

    /// The shared entry for the shared texts among `ranges` of `bytes`, added when new; nil
    /// when there is no room left to add it.
    private mutating func sharedIndex(_ bytes: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>]) -> UInt32? {
        var hash: UInt64 = 0
        var total = 0
        for text in PackedRoster.sharedTexts {
            let range = ranges[text.rawValue]
            hash = ShortBytes.hash(UnsafeBufferPointer(rebasing: bytes[range]), seed: hash)
            total += range.count
        }
        let mask = sharedTable.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let found: UInt32? = sharedBytes.withUnsafeBufferPointer { kept in
            while sharedTable[slot] != 0 {
                let index = Int(sharedTable[slot]) - 1
                if sharedHashes[index] == hash {
                    let candidate = shared[index]
                    var same = true
                    for (part, text) in PackedRoster.sharedTexts.enumerated() {
                        let range = PackedRoster.range(ofPart: part, in: candidate)
                        guard
                            ShortBytes.equal(
                                UnsafeBufferPointer(rebasing: kept[range]), UnsafeBufferPointer(rebasing: bytes[ranges[text.rawValue]]))
                        else {
                            same = false
                            break
                        }
                    }
                    if same { return UInt32(index) }
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
        if let found { return found }
        let start = sharedBytes.count
        guard start + total <= Int(UInt32.max), shared.count < Int(UInt32.max) else { return nil }
        for text in PackedRoster.sharedTexts { sharedBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[ranges[text.rawValue]])) }
        let index = shared.count
        shared.append(
            PackedRoster.Shared(
                start: UInt32(start),
                lengths: (
                    UInt16(ranges[Text.unit.rawValue].count), UInt16(ranges[Text.managerRole.rawValue].count),
                    UInt16(ranges[Text.manager.rawValue].count), UInt16(ranges[Text.selection.rawValue].count),
                    UInt16(ranges[Text.reason.rawValue].count)
                )))
        sharedHashes.append(hash)
        if shared.count * 2 > sharedTable.count {
            sharedTable = [UInt32](repeating: 0, count: sharedTable.count * 2)
            for kept in shared.indices { insertShared(kept) }
        } else {
            sharedTable[slot] = UInt32(index + 1)
        }
        return UInt32(index)
    }

    private typealias Text = PackedRoster.Text

    private mutating func insertShared(_ index: Int) {
        let mask = sharedTable.count - 1
        var slot = Int(truncatingIfNeeded: sharedHashes[index]) & mask
        while sharedTable[slot] != 0 { slot = (slot + 1) & mask }
        sharedTable[slot] = UInt32(index + 1)
    }

    /// Adds an officer whose eight texts are `ranges` of `bytes` (a roster row's cells, in the
    /// order of `PackedRoster.Text`); false, with nothing added, when one is too long to pack.
    mutating func add(
        _ bytes: UnsafeBufferPointer<UInt8>, ranges: [Range<Int>], trainedOn: Int32, from: Int32, until: Int32, line: Int, rowOffset: Int
    ) -> Bool {
        let start = arena.count
        for range in ranges {
            guard range.count <= Int(UInt16.max) else { return false }
        }
        let (id, name, area) = (ranges[Text.id.rawValue], ranges[Text.name.rawValue], ranges[Text.area.rawValue])
        guard start + id.count + name.count + area.count <= Int(UInt32.max), line <= Int(UInt32.max),
            let shared = sharedIndex(bytes, ranges: ranges)
        else { return false }
        arena.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[id]))
        arena.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[name]))
        arena.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[area]))
        entries.append(
            PackedRoster.Entry(
                start: UInt32(start), idLength: UInt16(id.count), nameLength: UInt16(name.count), areaLength: UInt16(area.count),
                shared: shared, trainedOn: trainedOn, from: from, until: until, line: UInt32(line), rowOffset: rowOffset))
        indexLast()
        return true
    }

    /// Adds an officer; false when a value is too long to pack (the loader then keeps the
    /// roster unpacked).
    mutating func add(
        texts: [String?], trainedOn: LocalDate?, from: LocalDate?, until: LocalDate?, line: Int, rowOffset: Int
    ) -> Bool {
        var bytes: [UInt8] = []
        var ranges: [Range<Int>] = []
        for text in texts {
            let start = bytes.count
            if let text { bytes.append(contentsOf: text.utf8) }
            ranges.append(start..<bytes.count)
        }
        return bytes.withUnsafeBufferPointer { all in
            add(
                all, ranges: ranges, trainedOn: PackedRoster.pack(trainedOn), from: PackedRoster.pack(from),
                until: PackedRoster.pack(until), line: line, rowOffset: rowOffset)
        }
    }

    func build(file: String, columns: [String: Int], offsetShift: Int?) -> PackedRoster {
        PackedRoster(
            file: file, arena: arena, entries: entries, shared: shared, sharedBytes: sharedBytes, columns: columns,
            offsetShift: offsetShift, slots: table)
    }
}
