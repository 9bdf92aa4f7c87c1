import ScorecardBase

/// Where a large CSV file may be cut so that several workers read its records at once, each
/// part beginning at a record of its own and knowing its first line.
///
/// A cut is safe only where a line break is always a record break: the file has no quote
/// character (so no field spans lines), every CR is followed by LF, and it is valid UTF-8 (so
/// every part decodes as the whole file would). Anything else is read in one piece, exactly as
/// before; these checks cost one quick pass over bytes that are about to be read anyway.
public enum CSVSplit {
    /// One part: the byte range and the line it starts on.
    public struct Part: Sendable, Hashable {
        public var range: Range<Int>
        public var line: Int
    }

    /// Files smaller than this are read in one piece: a worker costs more than it saves.
    public static let minimumSize = 4 << 20

    /// The parts, the first starting after the header line, or nil when the file should be read
    /// in one piece (small, quoted fields, lone CRs, not UTF-8, unreadable).
    public static func parts(of path: String, count: Int, minimumSize: Int = CSVSplit.minimumSize) -> [Part]? {
        guard count > 1, let expected = FileSystem.size(of: path), expected >= minimumSize else { return nil }
        var scan = Scan(targets: (1..<count).map { expected * $0 / count })
        let read: Void? = try? FileSystem.forEachChunk(of: path) { chunk in
            guard scan.safe else { return }
            chunk.withUnsafeBufferPointer { scan.take($0) }
        }
        let size = scan.offset
        guard read != nil, scan.safe, scan.utf8.need == 0, scan.previous != 0x0D, size == expected, scan.breaks > count,
            let headerEnd = scan.headerEnd
        else { return nil }
        let cuts = scan.cuts
        // The header is the first line; every part starts just after a line break.
        var parts: [Part] = []
        var start = headerEnd
        var startLine = 2
        for cut in cuts {
            guard cut.after > start, cut.after < size else { continue }
            parts.append(Part(range: start..<cut.after, line: startLine))
            start = cut.after
            startLine = cut.line
        }
        parts.append(Part(range: start..<size, line: startLine))
        return parts.count > 1 ? parts : nil
    }

    /// The pass over the file, a chunk at a time: where the cuts fall and whether it is safe.
    private struct Scan {
        /// Where each part would ideally start; the cut is the first line break at or after it.
        /// Only those breaks are kept, not every line's: memory stays the same for any file.
        let targets: [Int]
        var cuts: [(after: Int, line: Int)] = [] // offset just after the LF, and the line it starts
        var headerEnd: Int?
        var breaks = 0
        var safe = true
        var previous: UInt8 = 0
        var utf8 = UTF8Run()
        /// Where the next chunk starts in the file.
        var offset = 0

        init(targets: [Int]) { self.targets = targets }

        mutating func take(_ bytes: UnsafeBufferPointer<UInt8>) {
            defer { offset += bytes.count }
            guard let base = bytes.baseAddress else { return }
            let raw = UnsafeRawPointer(base)
            var index = 0
            while index < bytes.count {
                // Eight bytes at once while they are plain ASCII with no quote, CR or cut
                // point among them: only their line breaks are counted.
                if index + 8 <= bytes.count, utf8.need == 0, previous != 0x0D, headerEnd != nil,
                    cuts.count == targets.count || offset + index + 8 < targets[cuts.count]
                {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    if word & CSVSplit.highBits == 0 && CSVSplit.zeroBytes(word ^ CSVSplit.quotes) == 0
                        && CSVSplit.zeroBytes(word ^ CSVSplit.returns) == 0
                    {
                        // One bit per line feed, summed into the top byte (a popcount the baseline
                        // x86-64 does not have).
                        breaks += Int(((CSVSplit.zeroBytes(word ^ CSVSplit.lineFeeds) >> 7) &* 0x0101_0101_0101_0101) >> 56)
                        previous = UInt8(truncatingIfNeeded: word >> 56)
                        index += 8
                        continue
                    }
                }
                let byte = bytes[index]
                if byte < 0x80 {
                    if utf8.need != 0 || byte == 0x22 || (previous == 0x0D && byte != 0x0A) {
                        safe = false
                        return
                    }
                    if byte == 0x0A {
                        let after = offset + index + 1
                        if headerEnd == nil { headerEnd = after }
                        while cuts.count < targets.count && after >= targets[cuts.count] {
                            cuts.append((after, breaks + 2))
                        }
                        breaks += 1
                    }
                } else if !utf8.accept(byte) {
                    safe = false
                    return
                }
                previous = byte
                index += 1
            }
        }
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let quotes: UInt64 = 0x2222_2222_2222_2222
    private static let returns: UInt64 = 0x0D0D_0D0D_0D0D_0D0D
    private static let lineFeeds: UInt64 = 0x0A0A_0A0A_0A0A_0A0A

    /// The top bit of each byte of `word` that is zero, and of no other: exact, since no sum
    /// carries from one byte into the next.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        ~(((word & lowBits) &+ lowBits) | word | lowBits)
    }

    /// UTF-8 checked a byte at a time across chunk boundaries.
    private struct UTF8Run {
        var need = 0
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF

        mutating func accept(_ byte: UInt8) -> Bool {
            if need > 0 {
                guard byte >= low && byte <= high else { return false }
                need -= 1
                low = 0x80
                high = 0xBF
                return true
            }
            guard let lead = UTF8Validation.lead(byte) else { return false }
            (need, low, high) = lead
            return true
        }
    }
}
