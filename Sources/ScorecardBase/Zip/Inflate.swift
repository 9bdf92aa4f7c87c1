/// DEFLATE decompression (RFC 1951), for the deflated entries of a zip archive. Written for
/// workbooks of a mine's size (a few megabytes at most): plain and careful rather than fast.
enum Inflate {
    static func decompress(_ input: ArraySlice<UInt8>, expectedSize: Int) throws(ZipError) -> [UInt8] {
        var reader = BitReader(bytes: Array(input))
        var out: [UInt8] = []
        out.reserveCapacity(expectedSize)
        var last = false
        while !last {
            last = try reader.bits(1) == 1
            switch try reader.bits(2) {
            case 0: try storedBlock(&reader, into: &out)
            case 1: try codedBlock(&reader, literals: fixedLiterals, distances: fixedDistances, into: &out, limit: expectedSize)
            case 2:
                let (literals, distances) = try dynamicCodes(&reader)
                try codedBlock(&reader, literals: literals, distances: distances, into: &out, limit: expectedSize)
            default: throw corrupt
            }
            if out.count > expectedSize { throw corrupt }
        }
        return out
    }

    static let corrupt = ZipError("压缩数据已损坏，无法解压")

    private static func storedBlock(_ reader: inout BitReader, into out: inout [UInt8]) throws(ZipError) {
        reader.alignToByte()
        let length = try reader.bits(16)
        let complement = try reader.bits(16)
        guard length == ~complement & 0xFFFF else { throw corrupt }
        try reader.copyBytes(length, into: &out)
    }

    private static let lengthBase = [
        3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
    ]
    private static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    private static let distanceBase = [
        1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289,
        16385, 24577,
    ]
    private static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    /// Stops at `limit` bytes of output: a block that would inflate past the entry's stated size
    /// (a zip bomb) is corrupt, and is refused before it fills memory.
    private static func codedBlock(
        _ reader: inout BitReader, literals: HuffmanCode, distances: HuffmanCode, into out: inout [UInt8], limit: Int
    ) throws(ZipError) {
        while true {
            let symbol = try literals.decode(&reader)
            if symbol < 256 {
                out.append(UInt8(symbol))
                if out.count > limit { throw corrupt }
                continue
            }
            if symbol == 256 { return }
            let lengthIndex = symbol - 257
            guard lengthIndex < lengthBase.count else { throw corrupt }
            let length = lengthBase[lengthIndex] + (try reader.bits(lengthExtra[lengthIndex]))
            let distanceSymbol = try distances.decode(&reader)
            guard distanceSymbol < distanceBase.count else { throw corrupt }
            let distance = distanceBase[distanceSymbol] + (try reader.bits(distanceExtra[distanceSymbol]))
            guard distance <= out.count else { throw corrupt }
            let start = out.count - distance
            // Byte by byte: a match may overlap what it is copying (distance < length).
            for index in 0..<length { out.append(out[start + index]) }
            if out.count > limit { throw corrupt }
        }
    }

    private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

    private static func dynamicCodes(_ reader: inout BitReader) throws(ZipError) -> (HuffmanCode, HuffmanCode) {
        let literalCount = try reader.bits(5) + 257
        let distanceCount = try reader.bits(5) + 1
        let lengthCodeCount = try reader.bits(4) + 4
        guard literalCount <= 286, distanceCount <= 30 else { throw corrupt }
        var lengthLengths = [Int](repeating: 0, count: 19)
        for index in 0..<lengthCodeCount { lengthLengths[codeLengthOrder[index]] = try reader.bits(3) }
        let lengthCode = try HuffmanCode(lengths: lengthLengths)
        var lengths: [Int] = []
        lengths.reserveCapacity(literalCount + distanceCount)
        while lengths.count < literalCount + distanceCount {
            let symbol = try lengthCode.decode(&reader)
            switch symbol {
            case 0...15: lengths.append(symbol)
            case 16:
                guard let previous = lengths.last else { throw corrupt }
                lengths += repeatElement(previous, count: 3 + (try reader.bits(2)))
            case 17: lengths += repeatElement(0, count: 3 + (try reader.bits(3)))
            case 18: lengths += repeatElement(0, count: 11 + (try reader.bits(7)))
            default: throw corrupt
            }
        }
        guard lengths.count == literalCount + distanceCount, lengths[256] > 0 else { throw corrupt }
        return (try HuffmanCode(lengths: Array(lengths[..<literalCount])), try HuffmanCode(lengths: Array(lengths[literalCount...])))
    }

    // Force-unwrap-free: the fixed codes are complete by construction, an empty code otherwise.
    private static let fixedLiterals: HuffmanCode =
        (try? HuffmanCode(
            lengths: Array(repeating: 8, count: 144) + Array(repeating: 9, count: 112) + Array(repeating: 7, count: 24)
                + Array(repeating: 8, count: 8)))
        ?? HuffmanCode.empty
    private static let fixedDistances: HuffmanCode = (try? HuffmanCode(lengths: Array(repeating: 5, count: 30))) ?? HuffmanCode.empty
}

/// A canonical Huffman code, decoded a bit at a time: for each length, how many codes have it,
/// and the symbols in code order.
struct HuffmanCode: Sendable {
    private var counts: [Int]
    private var symbols: [Int]

    static let empty = HuffmanCode(counts: Array(repeating: 0, count: 16), symbols: [])

    private init(counts: [Int], symbols: [Int]) {
        self.counts = counts
        self.symbols = symbols
    }

    init(lengths: [Int]) throws(ZipError) {
        var counts = [Int](repeating: 0, count: 16)
        for length in lengths {
            guard length <= 15 else { throw Inflate.corrupt }
            counts[length] += 1
        }
        counts[0] = 0
        // No length may have more codes than are left for it.
        var left = 1
        for length in 1...15 {
            left = left * 2 - counts[length]
            guard left >= 0 else { throw Inflate.corrupt }
        }
        var offsets = [Int](repeating: 0, count: 16)
        for length in 1..<15 { offsets[length + 1] = offsets[length] + counts[length] }
        var symbols = [Int](repeating: 0, count: lengths.count)
        for (symbol, length) in lengths.enumerated() where length > 0 {
            symbols[offsets[length]] = symbol
            offsets[length] += 1
        }
        self.counts = counts
        self.symbols = symbols
    }

    /// Reads one symbol: codes of each length are consecutive numbers, the first of a length
    /// following on from the last of the length before, doubled.
    func decode(_ reader: inout BitReader) throws(ZipError) -> Int {
        var code = 0, first = 0, index = 0
        for length in 1...15 {
            code |= try reader.bits(1)
            let count = counts[length]
            if code - first < count { return symbols[index + code - first] }
            index += count
            first = (first + count) << 1
            code <<= 1
        }
        throw Inflate.corrupt
    }
}

/// Bits of a byte array, least significant first, as DEFLATE packs them.
struct BitReader: Sendable {
    private let bytes: [UInt8]
    private var position = 0
    private var buffer: UInt64 = 0
    private var available = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func bits(_ count: Int) throws(ZipError) -> Int {
        if count == 0 { return 0 }
        while available < count {
            guard position < bytes.count else { throw ZipError("压缩数据意外结束，文件不完整") }
            buffer |= UInt64(bytes[position]) << UInt64(available)
            position += 1
            available += 8
        }
        let value = Int(buffer & ((1 << UInt64(count)) - 1))
        buffer >>= UInt64(count)
        available -= count
        return value
    }

    mutating func alignToByte() {
        let drop = available % 8
        buffer >>= UInt64(drop)
        available -= drop
    }

    /// After `alignToByte`: whole bytes, from what is buffered first.
    mutating func copyBytes(_ count: Int, into out: inout [UInt8]) throws(ZipError) {
        var remaining = count
        while remaining > 0 && available >= 8 {
            out.append(UInt8(buffer & 0xFF))
            buffer >>= 8
            available -= 8
            remaining -= 1
        }
        guard position + remaining <= bytes.count else { throw ZipError("压缩数据意外结束，文件不完整") }
        out += bytes[position..<(position + remaining)]
        position += remaining
    }
}
