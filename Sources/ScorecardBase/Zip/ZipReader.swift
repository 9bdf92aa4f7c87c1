/// What went wrong reading a zip archive, in a policy officer's words.
public struct ZipError: Error, Sendable, Hashable {
    public var message: String

    public init(_ message: String) { self.message = message }
}

/// Reads the entries of a zip archive held in memory: stored and deflated entries, as Excel,
/// WPS, LibreOffice and openpyxl write .xlsx files. Each entry's CRC-32 is checked. Archives
/// over 4 GiB (zip64), encrypted entries and other methods are refused with a reason.
public struct ZipReader: Sendable {
    public struct Entry: Sendable {
        public var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        /// The size once decompressed, as the archive states it (checked when read).
        public internal(set) var size: Int
        var headerOffset: Int
    }

    private let bytes: [UInt8]
    public let entries: [Entry]

    public init(bytes: [UInt8]) throws(ZipError) {
        self.bytes = bytes
        // The end record is in the last 22 + 65535 bytes (its comment may be that long).
        guard bytes.count >= 22 else { throw ZipError("文件太短，不是 xlsx（zip）文件") }
        var end = -1
        var position = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while position >= lowest {
            if bytes[position] == 0x50, bytes[position + 1] == 0x4B, bytes[position + 2] == 0x05, bytes[position + 3] == 0x06 {
                end = position
                break
            }
            position -= 1
        }
        guard end >= 0 else { throw ZipError("找不到 zip 目录，不是 xlsx 文件，或文件不完整") }
        let total = Int(Self.le16(bytes, end + 10))
        let directorySize = Int(Self.le32(bytes, end + 12))
        let directoryStart = Int(Self.le32(bytes, end + 16))
        if directoryStart == 0xFFFF_FFFF || total == 0xFFFF {
            throw ZipError("文件使用 zip64 格式（超过 4 GB），无法读取")
        }
        guard directoryStart + directorySize <= end else { throw ZipError("zip 目录的位置不对，文件可能已损坏") }
        var entries: [Entry] = []
        var offset = directoryStart
        for _ in 0..<total {
            guard offset + 46 <= bytes.count, Self.le32(bytes, offset) == 0x0201_4B50 else {
                throw ZipError("zip 目录已损坏")
            }
            let flags = Self.le16(bytes, offset + 8)
            let method = Self.le16(bytes, offset + 10)
            let crc = Self.le32(bytes, offset + 16)
            let compressed = Int(Self.le32(bytes, offset + 20))
            let size = Int(Self.le32(bytes, offset + 24))
            let nameLength = Int(Self.le16(bytes, offset + 28))
            let extraLength = Int(Self.le16(bytes, offset + 30))
            let commentLength = Int(Self.le16(bytes, offset + 32))
            let header = Int(Self.le32(bytes, offset + 42))
            guard offset + 46 + nameLength <= bytes.count else { throw ZipError("zip 目录已损坏") }
            let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
            entries.append(
                Entry(name: name, method: method, flags: flags, crc: crc, compressedSize: compressed, size: size, headerOffset: header))
            offset += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    public func entry(named name: String) -> Entry? { entries.first { $0.name == name } }

    /// The entry's content, decompressed and checked against its CRC-32.
    public func contents(of entry: Entry) throws(ZipError) -> [UInt8] {
        if entry.flags & 1 != 0 { throw ZipError("“\(entry.name)”已加密，无法读取；请在 Excel 中取消密码后另存") }
        let header = entry.headerOffset
        guard header + 30 <= bytes.count, Self.le32(bytes, header) == 0x0403_4B50 else {
            throw ZipError("“\(entry.name)”的位置不对，文件可能已损坏")
        }
        let start = header + 30 + Int(Self.le16(bytes, header + 26)) + Int(Self.le16(bytes, header + 28))
        guard start + entry.compressedSize <= bytes.count else { throw ZipError("“\(entry.name)”不完整，文件可能已损坏") }
        let data = bytes[start..<(start + entry.compressedSize)]
        let content: [UInt8]
        switch entry.method {
        case 0: content = Array(data)
        case 8: content = try Inflate.decompress(data, expectedSize: entry.size)
        default: throw ZipError("“\(entry.name)”使用了不支持的压缩方式（\(entry.method)）")
        }
        guard content.count == entry.size, CRC32.checksum(content) == entry.crc else {
            throw ZipError("“\(entry.name)”的校验和不符，文件已损坏")
        }
        return content
    }

    public func contents(of name: String) throws(ZipError) -> [UInt8]? {
        guard let entry = entry(named: name) else { return nil }
        return try contents(of: entry)
    }

    static func le16(_ bytes: [UInt8], _ at: Int) -> UInt16 { UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 }
    static func le32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
    }
}
