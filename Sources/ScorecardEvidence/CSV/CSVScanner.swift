import ScorecardBase

/// The CSV state machine over UTF-8 chunks.
///
/// Bytes are scanned in place; only field contents are copied, a run at a time, into the record
/// being built. Positions are tracked as byte offsets plus a count of UTF-8 continuation bytes
/// on the current line, so a column in scalars costs one subtraction and nothing per ASCII byte.
/// Every state survives a chunk boundary, including a UTF-8 sequence cut in two.
struct CSVScanner: Sendable {
    enum State: Sendable {
        case recordStart, fieldStart, unquoted, quoted, quoteInQuoted
    }

    private static let quote: UInt8 = 0x22
    private static let comma: UInt8 = 0x2C
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    let file: String
    /// For messages about undecodable bytes.
    var encoding: TextEncoding = .utf8
    var encodingWasDetected = true

    /// Absolute offset of the current chunk's first byte, and the next index to scan in it.
    var base = 0
    var index = 0

    private var line = 1
    private var lineStart = 0
    private var continuation = 0
    private var lineEndedByCR = false

    private var utf8Need = 0
    private var utf8Low: UInt8 = 0x80
    private var utf8High: UInt8 = 0xBF
    private var utf8Lead: (line: Int, column: Int, byte: UInt8) = (0, 0, 0)

    private(set) var state = State.recordStart
    private var segmentStart = 0
    private var fieldLine = 0
    private var fieldColumn = 0
    private var fieldFirstLineLength = -1

    private(set) var record: CSVRawRecord
    private var recordNumber = 0
    /// The first problem in the record being scanned; the rest of the record is still consumed.
    private(set) var problem: Diagnostic?

    init(file: String) {
        self.file = file
        self.record = CSVRawRecord(file: file)
    }

    @inline(__always)
    private func column(at i: Int) -> Int { base + i - lineStart - continuation + 1 }

    private func location(at i: Int, length: Int = 1) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column(at: i), length: length)
    }

    private mutating func report(_ diagnostic: Diagnostic) {
        if problem == nil { problem = diagnostic }
    }

    mutating func clearProblem() { problem = nil }

    @inline(__always)
    private mutating func newline(at i: Int, _ byte: UInt8) {
        let offset = base + i
        if byte == Self.lf && lineEndedByCR && offset == lineStart {
            lineStart = offset + 1  // the LF of a CRLF
            lineEndedByCR = false
            return
        }
        line += 1
        lineStart = offset + 1
        continuation = 0
        lineEndedByCR = byte == Self.cr
    }

    @inline(__always)
    private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
        if !range.isEmpty { record.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range])) }
    }

    private mutating func beginField(at i: Int) {
        fieldLine = line
        fieldColumn = column(at: i)
        fieldFirstLineLength = -1
    }

    /// `endColumn` is the column just after the field as written (after a closing quote).
    private mutating func closeField(endColumn: Int) {
        let length = fieldFirstLineLength >= 0 ? fieldFirstLineLength : endColumn - fieldColumn
        record.slots.append(.init(end: record.bytes.count, line: fieldLine, column: fieldColumn, length: max(1, length)))
    }

    // MARK: UTF-8

    /// Consumes the sequence led by the byte at `i`; false when the chunk ends inside it.
    private mutating func consumeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        let byte = bytes[i]
        guard let (need, low, high) = UTF8Validation.lead(byte) else {
            undecodable(line: line, column: column(at: i), byte: byte)
            i += 1
            return true
        }
        utf8Lead = (line, column(at: i), byte)
        utf8Need = need
        utf8Low = low
        utf8High = high
        i += 1
        return continueUTF8(bytes, &i)
    }

    private mutating func continueUTF8(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        while utf8Need > 0 {
            if i == bytes.count { return false }
            let next = bytes[i]
            if next < utf8Low || next > utf8High {
                utf8Need = 0
                undecodable(line: utf8Lead.line, column: utf8Lead.column, byte: utf8Lead.byte)
                return true
            }
            i += 1
            continuation += 1
            utf8Need -= 1
            utf8Low = 0x80
            utf8High = 0xBF
        }
        return true
    }

    private mutating func undecodable(line: Int, column: Int, byte: UInt8) {
        let isMarker = encoding == .gb18030 && byte == DecodingInput.invalidMarker
        report(TextMessages.undecodable(
            file: file, line: line, column: column, byte: isMarker ? nil : byte,
            tried: encoding == .gb18030 || !encodingWasDetected ? [encoding] : [.utf8]
        ))
    }

    // MARK: Scanning

    /// Scans `bytes` from `index`; true when a record is complete (check `problem` first).
    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let end = bytes.count
        var i = index
        defer { index = i }
        if utf8Need > 0 {
            // Finish the character cut by the last chunk; if this chunk ends inside it too, the
            // loop is skipped and its bytes are kept below.
            _ = continueUTF8(bytes, &i)
        }
        scanning: while i < end {
            switch state {
            case .recordStart:
                let byte = bytes[i]
                if byte == Self.lf || byte == Self.cr {
                    newline(at: i, byte)  // a blank line, or the LF of the previous record's CRLF
                    i += 1
                    continue scanning
                }
                recordNumber += 1
                record.reset(line: line, number: recordNumber)
                state = .fieldStart

            case .fieldStart:
                beginField(at: i)
                if bytes[i] == Self.quote {
                    i += 1
                    segmentStart = i
                    state = .quoted
                } else {
                    segmentStart = i
                    state = .unquoted
                }

            case .unquoted:
                while i < end {
                    let byte = bytes[i]
                    // Printable ASCII from "-" up: never special, the common case.
                    if byte &- 0x2D < 0x53 {
                        i += 1
                        continue
                    }
                    if byte >= 0x80 {
                        if !consumeUTF8(bytes, &i) { break }
                        continue
                    }
                    switch byte {
                    case Self.comma:
                        append(bytes, segmentStart..<i)
                        closeField(endColumn: column(at: i))
                        i += 1
                        state = .fieldStart
                        continue scanning
                    case Self.lf, Self.cr:
                        append(bytes, segmentStart..<i)
                        closeField(endColumn: column(at: i))
                        newline(at: i, byte)
                        i += 1
                        state = .recordStart
                        return true
                    case Self.quote:
                        report(CSVMessages.strayQuote(at: location(at: i)))
                        i += 1
                    default:
                        i += 1
                    }
                }

            case .quoted:
                while i < end {
                    let byte = bytes[i]
                    if byte &- 0x2D < 0x53 {
                        i += 1
                        continue
                    }
                    if byte >= 0x80 {
                        if !consumeUTF8(bytes, &i) { break }
                        continue
                    }
                    switch byte {
                    case Self.quote:
                        append(bytes, segmentStart..<i)
                        i += 1
                        state = .quoteInQuoted
                        continue scanning
                    case Self.lf, Self.cr:
                        if fieldFirstLineLength < 0 && line == fieldLine {
                            fieldFirstLineLength = column(at: i) - fieldColumn
                        }
                        newline(at: i, byte)
                        i += 1
                    default:
                        i += 1
                    }
                }

            case .quoteInQuoted:
                let byte = bytes[i]
                switch byte {
                case Self.quote:
                    segmentStart = i  // `""`: the second quote starts the next run, as text
                    i += 1
                    state = .quoted
                case Self.comma:
                    closeField(endColumn: column(at: i))
                    i += 1
                    state = .fieldStart
                case Self.lf, Self.cr:
                    closeField(endColumn: column(at: i))
                    newline(at: i, byte)
                    i += 1
                    state = .recordStart
                    return true
                default:
                    // Keep going as if the rest were unquoted text, to find the record's end.
                    report(CSVMessages.textAfterQuote(at: location(at: i)))
                    segmentStart = i
                    state = .unquoted
                }
            }
        }
        // The chunk ended inside a field: keep what it holds of the field and go on from the
        // start of the next chunk.
        if state == .unquoted || state == .quoted {
            append(bytes, segmentStart..<end)
            segmentStart = 0
        }
        return false
    }

    /// Ends the input; true when that completes a record.
    mutating func finish() -> Bool {
        let endColumn = column(at: 0)
        if utf8Need > 0 {
            utf8Need = 0
            undecodable(line: utf8Lead.line, column: utf8Lead.column, byte: utf8Lead.byte)
        }
        switch state {
        case .recordStart:
            return false
        case .fieldStart:
            beginField(at: 0)
        case .quoted:
            report(CSVMessages.unterminatedQuote(
                at: SourceLocation(file: file, line: fieldLine, column: fieldColumn)
            ))
        case .unquoted, .quoteInQuoted:
            break
        }
        closeField(endColumn: endColumn)
        state = .recordStart
        return true
    }
}
