/// Turns a byte offset into the line and column people see, for pointing at bad bytes.
enum TextPosition {
    /// Line and column (in Unicode scalars, both from 1) of `offset` in `bytes`, where everything
    /// before `offset` is valid UTF-8. CR, LF and CRLF each end one line.
    static func of(offset: Int, inUTF8 bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            let byte = bytes[i]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte == 0x0D {
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A, i + 1 < end {
                    i += 1
                }
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        return (line, column)
    }

    static func of(offset: Int, inUTF8 bytes: [UInt8]) -> (line: Int, column: Int) {
        bytes.withUnsafeBufferPointer { of(offset: offset, inUTF8: $0) }
    }
}
