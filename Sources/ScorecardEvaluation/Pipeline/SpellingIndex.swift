import ScorecardBase

/// Positions found by a key's bytes, as one or two parts (a unit's name; a manager's role and
/// name): how the summary finds an officer's totals from the roster's bytes without making a
/// string per officer. It remembers spellings, each one's position given by whoever added it,
/// so two spellings of what compares equal as strings may share a position.
struct SpellingIndex: Sendable {
    /// Every key's parts, one after another.
    private var bytes: [UInt8] = []
    /// Per key: where its first part starts, where its second starts, and its position.
    private var keys: [(start: Int, split: Int, end: Int, position: Int)] = []
    /// Open addressing over the keys: key index + 1, 0 for an empty slot; at most half full.
    private var slots = [Int32](repeating: 0, count: 16)

    /// The position added for these parts' bytes, if any.
    func position(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(first, second) & mask
        return bytes.withUnsafeBufferPointer { all in
            while slots[slot] != 0 {
                let key = keys[Int(slots[slot]) - 1]
                if key.split - key.start == first.count && key.end - key.split == second.count
                    && ShortBytes.equal(UnsafeBufferPointer(rebasing: all[key.start..<key.split]), first)
                    && ShortBytes.equal(UnsafeBufferPointer(rebasing: all[key.split..<key.end]), second)
                {
                    return key.position
                }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// Remembers these parts' bytes (not added before) as a spelling of `position`.
    mutating func add(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>, position: Int) {
        let start = bytes.count
        bytes.append(contentsOf: first)
        let split = bytes.count
        bytes.append(contentsOf: second)
        keys.append((start, split, bytes.count, position))
        if keys.count * 2 > slots.count {
            slots = [Int32](repeating: 0, count: slots.count * 2)
            for index in keys.indices { insert(index) }
        } else {
            insert(keys.count - 1)
        }
    }

    private mutating func insert(_ index: Int) {
        let key = keys[index]
        let mask = slots.count - 1
        var slot =
            bytes.withUnsafeBufferPointer { all in
                Self.hash(
                    UnsafeBufferPointer(rebasing: all[key.start..<key.split]), UnsafeBufferPointer(rebasing: all[key.split..<key.end]))
            } & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
    }

    /// The two parts hashed as one key, where the first ends included.
    private static func hash(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Int {
        Int(truncatingIfNeeded: ShortBytes.hash(second, seed: ShortBytes.hash(first)))
    }
}
