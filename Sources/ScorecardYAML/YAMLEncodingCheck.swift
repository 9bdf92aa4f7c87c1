import ScorecardBase

/// Rule files must be UTF-8. Checked before libyaml sees the bytes because libyaml would
/// silently accept UTF-16 and reports bad bytes only as an offset, while officers need to
/// know the line: files saved by Notepad or WPS as GBK/GB18030 are the common case.
enum YAMLEncodingCheck {
    static let utf8BOM: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The bytes libyaml should read, a UTF-8 BOM removed; a file in another encoding throws
    /// its one problem.
    static func check(_ bytes: [UInt8], file: String) throws(Diagnostic) -> ArraySlice<UInt8> {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF])
            || bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF])
        {
            throw YAMLMessages.wideEncoding(file: file)
        }
        var body = bytes[...]
        if body.starts(with: utf8BOM) { body = body.dropFirst(3) }
        if let bad = firstInvalidByte(in: body) {
            let where_ = position(of: bad, in: body)
            let location = SourceLocation(file: file, line: where_.line, column: where_.column)
            let byte = body[bad]
            throw byte == 0 ? YAMLMessages.nulByte(at: location) : YAMLMessages.invalidByte(byte, at: location)
        }
        return body
    }

    /// Index of the first byte that does not start a valid UTF-8 sequence (or is NUL).
    static func firstInvalidByte(in bytes: ArraySlice<UInt8>) -> Int? {
        let offset: Int? = bytes.withUnsafeBufferPointer { b in
            var i = 0
            while i < b.count {
                let lead = b[i]
                if lead != 0, lead < 0x80 {
                    i += 1
                    continue
                }
                let length = sequenceLength(in: b, at: i)
                guard length > 0 else { return i }
                i += length
            }
            return nil
        }
        return offset.map { bytes.startIndex + $0 }
    }

    /// Length of the valid UTF-8 sequence at `i`, or 0 if it is invalid (overlong forms,
    /// surrogates and values past U+10FFFF included).
    private static func sequenceLength(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        let lead = bytes[i]
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            let j = i + offset
            return j < bytes.count && range.contains(bytes[j])
        }
        switch lead {
        case 0x00: return 0
        case 0x01...0x7F: return 1
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }

    /// 1-based line and column (in scalars) of byte `index`; the bytes before it are valid.
    static func position(of index: Int, in bytes: ArraySlice<UInt8>) -> (line: Int, column: Int) {
        let source = YAMLSourceText(bytes: bytes[bytes.startIndex..<index], file: "")
        let last = source.lineBytes(source.lineCount - 1) ?? []
        return (source.lineCount, last.reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 } + 1)
    }
}
