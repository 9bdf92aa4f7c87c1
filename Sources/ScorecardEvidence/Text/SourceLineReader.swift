import ScorecardBase

/// The few lines of a file that messages echo, read as the readers read the file (UTF-8 or
/// GB18030, a byte order mark skipped, lines ending at LF, CRLF or CR) without holding the file:
/// the memory is that of the lines asked for, however large the file is.
public enum SourceLineReader {
    /// Bytes kept of one line: far more than a message shows around its column (one line may
    /// be a whole file of zeros).
    public static let maxLineBytes = 4 << 20

    /// Lines `wanted` (1-based) of the file, as an array indexed by line - 1 up to the last one
    /// wanted (the others empty). Nil when the file is not a regular file, cannot be read, or
    /// has a byte that neither encoding decodes (then no line is echoed, as before).
    public static func lines(of path: String, wanted: Set<Int>) -> [String]? {
        guard let last = wanted.max(), last >= 1 else { return [] }
        let source: ByteSource
        do {
            source = try ByteSource(path: path, displayName: path)
        } catch {
            return nil
        }
        var input = DecodingInput(source: source, encoding: nil, chunkSize: 1 << 16)
        var lines = [String](repeating: "", count: last)
        var line = 1
        // Asked once a line, not once a byte.
        var lineWanted = wanted.contains(line)
        var current: [UInt8] = []
        var afterCR = false
        var utf8 = (need: 0, low: UInt8(0x80), high: UInt8(0xBF))
        var valid = true
        reading: while true {
            do {
                guard try input.advance() else { break reading }
            } catch {
                return nil
            }
            let isGB18030 = input.decided == .gb18030
            for byte in input.chunk {
                // Validity, as the whole-file decoding judged it (GB18030 marks a bad byte 0xFF).
                if utf8.need > 0 {
                    if byte < utf8.low || byte > utf8.high { valid = false }
                    utf8 = (utf8.need - 1, 0x80, 0xBF)
                } else if byte >= 0x80 {
                    if isGB18030 && byte == DecodingInput.invalidMarker { valid = false }
                    if let lead = UTF8Validation.lead(byte) { utf8 = lead } else { valid = false }
                }
                if byte == 0x0A && afterCR {
                    afterCR = false
                    continue
                }
                afterCR = byte == 0x0D
                if byte == 0x0A || byte == 0x0D {
                    if lineWanted { lines[line - 1] = String(decoding: current, as: UTF8.self) }
                    current.removeAll(keepingCapacity: true)
                    line += 1
                    lineWanted = wanted.contains(line)
                    if line > last { break reading }
                } else if lineWanted && current.count < maxLineBytes {
                    current.append(byte)
                }
            }
        }
        if line <= last {
            // The end of the file: its last line, and no lines past it.
            if wanted.contains(line) { lines[line - 1] = String(decoding: current, as: UTF8.self) }
            lines.removeLast(last - line)
        }
        // As the whole file's decoding judged it, up to the last line wanted (a bad byte is
        // itself on a line a message points at).
        if utf8.need > 0 && line <= last { valid = false }
        return valid ? lines : nil
    }
}
