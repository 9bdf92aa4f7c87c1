import ScorecardBase

/// The CSV state machine over UTF-8 chunks.
///
/// Bytes are scanned in place and a record's source bytes are copied once per chunk into the
/// record; fields are recorded as ranges into them. Nothing per byte is done for printable
/// ASCII beyond one comparison; positions are worked out from the record's bytes only for a
/// problem or when a caller asks. Every state survives a chunk boundary, including a UTF-8
/// sequence cut in two.
struct CSVScanner: Sendable {
    enum State: Sendable {
        case recordStart, fieldStart, unquoted, quoted, quoteInQuoted
    }

    private enum Problem: Sendable {
        case strayQuote, textAfterQuote, unterminatedQuote, undecodable(UInt8)
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

    /// Physical line at the scan point, for the line of the next record.
    private var line = 1
    /// Absolute offset just after the last CR, to count a CRLF as one line end.
    private var afterCR = -1

    private var utf8Need = 0
    private var utf8Low: UInt8 = 0x80
    private var utf8High: UInt8 = 0xBF
    private var utf8Lead: (offset: Int, byte: UInt8) = (0, 0)

    private(set) var state = State.recordStart
    /// First index in the current chunk of record bytes not yet copied into `record`.
    private var segmentStart = 0
    private var fieldStart = 0
    private var fieldQuoted = false
    private var fieldEscaped = false

    private var building: CSVRawRecord
    private var recordNumber = 0
    /// The first problem in the record being scanned; the rest of the record is still consumed.
    private var problem: (kind: Problem, offset: Int)?

    init(file: String, line: Int = 1) {
        self.file = file
        self.line = line
        self.building = CSVRawRecord(file: file)
    }

    /// The record just completed, or the diagnostic for its first problem.
    mutating func takeRecord() -> Result<CSVRawRecord, DiagnosticError> {
        guard let (kind, offset) = problem else { return .success(building) }
        problem = nil
        let place = building.location(from: offset)
        let at = SourceLocation(file: file, line: place.line, column: place.column)
        let diagnostic: Diagnostic
        switch kind {
        case .strayQuote: diagnostic = CSVMessages.strayQuote(at: at)
        case .textAfterQuote: diagnostic = CSVMessages.textAfterQuote(at: at)
        case .unterminatedQuote: diagnostic = CSVMessages.unterminatedQuote(at: at)
        case .undecodable(let byte):
            let isMarker = encoding == .gb18030 && byte == DecodingInput.invalidMarker
            diagnostic = TextMessages.undecodable(
                file: file, line: at.line, column: at.column, byte: isMarker ? nil : byte,
                tried: encoding == .gb18030 || !encodingWasDetected ? [encoding] : [.utf8]
            )
        }
        return .failure(DiagnosticError(diagnostic))
    }

    /// Offset in the record's bytes of index `i` of the current chunk.
    @inline(__always)
    private func offset(_ i: Int) -> Int { building.bytes.count + i - segmentStart }

    private mutating func report(_ kind: Problem, at offset: Int) {
        if problem == nil { problem = (kind, offset) }
    }

    @inline(__always)
    private mutating func newline(at i: Int, _ byte: UInt8) {
        let absolute = base + i
        if byte == Self.lf && absolute == afterCR { return }  // the LF of a CRLF
        line += 1
        if byte == Self.cr { afterCR = absolute + 1 }
    }

    @inline(__always)
    private mutating func keep(_ bytes: UnsafeBufferPointer<UInt8>, upTo i: Int) {
        if i > segmentStart {
            building.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<i]))
        }
        segmentStart = i
    }

    @inline(__always)
    private mutating func closeField(at i: Int) {
        building.slots.append(.init(start: fieldStart, end: offset(i), quoted: fieldQuoted, escaped: fieldEscaped))
    }

    // MARK: UTF-8

    /// Consumes the sequence led by the byte at `i`; false when the chunk ends inside it.
    private mutating func consumeUTF8(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) -> Bool {
        let byte = bytes[i]
        guard let (need, low, high) = UTF8Validation.lead(byte) else {
            report(.undecodable(byte), at: offset(i))
            i += 1
            return true
        }
        utf8Lead = (offset(i), byte)
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
                report(.undecodable(utf8Lead.byte), at: utf8Lead.offset)
                return true
            }
            i += 1
            utf8Need -= 1
            utf8Low = 0x80
            utf8High = 0xBF
        }
        return true
    }

    // MARK: Scanning

    /// Scans `bytes` from `index`; true when a record is complete (see `takeRecord`).
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
                building.reset(line: line, number: recordNumber)
                building.offset = base + i
                segmentStart = i
                state = .fieldStart

            case .fieldStart:
                fieldStart = offset(i)
                fieldEscaped = false
                if bytes[i] == Self.quote {
                    fieldQuoted = true
                    i += 1
                    state = .quoted
                } else {
                    fieldQuoted = false
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
                        closeField(at: i)
                        i += 1
                        // Stay in this loop for the next field unless it may start with a quote.
                        if i < end && bytes[i] != Self.quote {
                            fieldStart = offset(i)
                        } else {
                            state = .fieldStart
                            continue scanning
                        }
                    case Self.lf, Self.cr:
                        closeField(at: i)
                        return endRecord(bytes, at: &i, byte)
                    case Self.quote:
                        report(.strayQuote, at: offset(i))
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
                    if byte == Self.quote {
                        i += 1
                        state = .quoteInQuoted
                        continue scanning
                    }
                    if byte == Self.lf || byte == Self.cr { newline(at: i, byte) }
                    i += 1
                }

            case .quoteInQuoted:
                let byte = bytes[i]
                switch byte {
                case Self.quote:
                    fieldEscaped = true
                    i += 1
                    state = .quoted
                case Self.comma:
                    closeField(at: i)
                    i += 1
                    state = .fieldStart
                case Self.lf, Self.cr:
                    closeField(at: i)
                    return endRecord(bytes, at: &i, byte)
                default:
                    // Keep going as if the rest were unquoted text, to find the record's end.
                    report(.textAfterQuote, at: offset(i))
                    state = .unquoted
                }
            }
        }
        if state != .recordStart { keep(bytes, upTo: end) }
        segmentStart = 0
        return false
    }

    @inline(__always)
    private mutating func endRecord(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int, _ byte: UInt8) -> Bool {
        keep(bytes, upTo: i)
        newline(at: i, byte)
        i += 1
        state = .recordStart
        return true
    }

    /// Ends the input; true when that completes a record.
    mutating func finish() -> Bool {
        if utf8Need > 0 {
            utf8Need = 0
            report(.undecodable(utf8Lead.byte), at: utf8Lead.offset)
        }
        segmentStart = 0
        switch state {
        case .recordStart:
            return false
        case .fieldStart:
            fieldStart = offset(0)
            fieldQuoted = false
            fieldEscaped = false
        case .quoted:
            report(.unterminatedQuote, at: fieldStart)
        case .unquoted, .quoteInQuoted:
            break
        }
        closeField(at: 0)
        state = .recordStart
        return true
    }
}
