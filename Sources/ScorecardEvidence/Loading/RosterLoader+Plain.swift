import ScorecardBase

extension RosterLoader {
    /// Packs a roster row straight from its CSV bytes when it is plain: every cell read as it
    /// stands (nothing to trim, no `""`), the required ones filled, dates written `YYYY-MM-DD`
    /// and real, served from before until, and an id not packed yet. False leaves the row, with
    /// nothing packed, to the usual reading, which words its problems. `positions` are the
    /// columns of `columns`, in that order; `ranges` is scratch space reused from row to row.
    static func packPlain(
        _ raw: CSVRawRecord, positions: [Int?], into packed: inout PackedRosterBuilder, ranges: inout [Range<Int>]
    ) -> Bool {
        ranges.removeAll(keepingCapacity: true)
        for column in 0..<8 {
            guard let at = positions[column] else {
                ranges.append(0..<0)
                continue
            }
            guard at < raw.count, let range = raw.plainTextRange(at: at) else { return false }
            if column < 4 && range.isEmpty { return false }
            ranges.append(range)
        }
        var dates: (Int32, Int32, Int32) = (0, 0, 0)
        for (offset, column) in (8..<11).enumerated() {
            guard let at = positions[column] else { continue }
            guard at < raw.count, let range = raw.plainTextRange(at: at) else { return false }
            guard !range.isEmpty else { continue }
            guard let date = raw.bytes.withUnsafeBufferPointer({ Self.plainDate(UnsafeBufferPointer(rebasing: $0[range])) }) else {
                return false
            }
            switch offset {
            case 0: dates.0 = date
            case 1: dates.1 = date
            default: dates.2 = date
            }
        }
        // An end before the start is reported by the usual reading.
        if dates.1 != 0, dates.2 != 0, dates.2 < dates.1 { return false }
        return raw.bytes.withUnsafeBufferPointer { bytes in
            guard packed.index(ofUTF8: UnsafeBufferPointer(rebasing: bytes[ranges[0]])) == nil else { return false }
            return packed.add(
                bytes, ranges: ranges, trainedOn: dates.0, from: dates.1, until: dates.2, line: raw.line, rowOffset: raw.offset)
        }
    }

    /// `YYYY-MM-DD` of a real day, packed as `PackedRoster` keeps dates; nil for anything else.
    private static func plainDate(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = bytes[index] &- UInt8(ascii: "0")
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let date = LocalDate(year: year, month: month, day: day)
        else { return nil }
        return PackedRoster.pack(date)
    }
}

extension CSVRawRecord {
    /// Where the cell's text lies in `bytes` when it needs no trimming, as `trimmedForEvidence`
    /// decides that from its ends (printable ASCII at both, or a CJK character first and one of
    /// those last), and no `""` to collapse; an empty range for an empty cell; nil otherwise.
    func plainTextRange(at index: Int) -> Range<Int>? {
        let slot = slots[index]
        guard !slot.escaped else { return nil }
        var start = slot.start, end = slot.end
        if slot.quoted {
            start = min(slot.start + 1, slot.end)
            guard end > start, bytes[end - 1] == 0x22 else { return nil }
            end -= 1
        }
        guard end > start else { return start..<start }
        let first = bytes[start], last = bytes[end - 1]
        func printable(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x80 }
        if printable(first) && printable(last) { return start..<end }
        guard (0xE4...0xE9).contains(first) else { return nil }
        if printable(last) { return start..<end }
        guard end - start >= 3, last & 0xC0 == 0x80, bytes[end - 2] & 0xC0 == 0x80, (0xE4...0xE9).contains(bytes[end - 3]) else {
            return nil
        }
        return start..<end
    }
}
