/// Writes a zip archive in memory with stored (uncompressed) entries: what an .xlsx workbook
/// is. Every entry carries its CRC-32; times are fixed (1980-01-01 00:00), so the same content
/// always makes the same bytes.
public struct ZipWriter: Sendable {
    private var bytes: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    public init() {}

    /// Adds a file. Names use `/` between folders, as zip requires.
    public mutating func add(_ name: String, _ data: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = CRC32.checksum(data)
        let offset = UInt32(truncatingIfNeeded: bytes.count)
        let size = UInt32(truncatingIfNeeded: data.count)
        // Bit 11: the name is UTF-8.
        let flags: UInt16 = nameBytes.contains { $0 >= 0x80 } ? 0x0800 : 0
        // Local file header.
        bytes.append(le32: 0x0403_4B50)
        bytes.append(le16: 20) // version needed: 2.0
        bytes.append(le16: flags)
        bytes.append(le16: 0) // stored
        bytes.append(le16: 0) // time 00:00:00
        bytes.append(le16: 0x0021) // date 1980-01-01
        bytes.append(le32: crc)
        bytes.append(le32: size)
        bytes.append(le32: size)
        bytes.append(le16: UInt16(truncatingIfNeeded: nameBytes.count))
        bytes.append(le16: 0) // no extra field
        bytes += nameBytes
        bytes += data
        // Its central directory record.
        central.append(le32: 0x0201_4B50)
        central.append(le16: 20) // made by: 2.0, MS-DOS attributes
        central.append(le16: 20)
        central.append(le16: flags)
        central.append(le16: 0)
        central.append(le16: 0)
        central.append(le16: 0x0021)
        central.append(le32: crc)
        central.append(le32: size)
        central.append(le32: size)
        central.append(le16: UInt16(truncatingIfNeeded: nameBytes.count))
        central.append(le16: 0) // extra
        central.append(le16: 0) // comment
        central.append(le16: 0) // disk
        central.append(le16: 0) // internal attributes
        central.append(le32: 0) // external attributes
        central.append(le32: offset)
        central += nameBytes
        count += 1
    }

    public mutating func add(_ name: String, text: String) { add(name, Array(text.utf8)) }

    /// The archive: the entries, the central directory, its end record.
    public func finished() -> [UInt8] {
        var out = bytes
        let start = UInt32(truncatingIfNeeded: out.count)
        out += central
        out.append(le32: 0x0605_4B50)
        out.append(le16: 0)
        out.append(le16: 0)
        out.append(le16: UInt16(truncatingIfNeeded: count))
        out.append(le16: UInt16(truncatingIfNeeded: count))
        out.append(le32: UInt32(truncatingIfNeeded: central.count))
        out.append(le32: start)
        out.append(le16: 0) // no comment
        return out
    }
}

extension [UInt8] {
    mutating func append(le16 value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func append(le32 value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
