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
        /// A quoted field that ran over line breaks to a quote followed by text, on `line`: its
        /// opening quote was most likely never closed.
        case unclosedQuote(line: Int)
        case controlCharacter(UInt32)
        case fieldTooLong, recordTooLong, tooManyCells
    }

    private static let quote: UInt8 = 0x22
    private static let comma: UInt8 = 0x2C
    private static let lf: UInt8 = 0x0A
    private static let cr: UInt8 = 0x0D

    let file: String
    /// Past these the record is refused (its bytes are no longer kept) and reading goes on
    /// after its end; see `InputLimits`.
    let limits: InputLimits
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
    /// Physical line where the current field starts.
    private var fieldLine = 1
    /// A limit was passed in this record: its bytes and fields are no longer kept, and offsets
    /// into it no longer mean anything; only its end is looked for.
    private var discarding = false
    /// The limit was passed inside the field still open, whose start (`fieldStart`) is valid:
    /// an unclosed quote found later for that field explains the limit, and is said instead.
    private var limitInOpenField = false

    private var building: CSVRawRecord
    private var recordNumber = 0
    /// The first problem in the record being scanned; the rest of the record is still consumed.
    private var problem: (kind: Problem, offset: Int)?

    init(file: String, line: Int = 1, limits: InputLimits = .default) {
        self.file = file
        self.limits = limits
        self.line = line
        self.building = CSVRawRecord(file: file)
    }

    /// The record being built, or just refused, as far as it was kept: its fields that lie
    /// wholly within the bytes kept.
    var partialRecord: CSVRawRecord {
        var record = building
        if let cut = record.slots.firstIndex(where: { $0.end > record.bytes.count }) { record.slots.removeSubrange(cut...) }
        return record
    }

    /// The record just completed; the diagnostic for its first problem is thrown.
    mutating func takeRecord() throws(Diagnostic) -> CSVRawRecord {
        guard let (kind, offset) = problem else { return building }
        problem = nil
        let place = building.location(from: offset)
        let at = SourceLocation(file: file, line: place.line, column: place.column)
        let diagnostic: Diagnostic
        switch kind {
        case .strayQuote: diagnostic = CSVMessages.strayQuote(at: at)
        case .textAfterQuote: diagnostic = CSVMessages.textAfterQuote(at: at)
        case .unterminatedQuote: diagnostic = CSVMessages.unterminatedQuote(at: at)
        case .unclosedQuote(let line): diagnostic = CSVMessages.unclosedQuote(at: at, runsTo: line)
        case .controlCharacter(let scalar): diagnostic = CSVMessages.controlCharacter(scalar, at: at)
        case .fieldTooLong: diagnostic = CSVMessages.fieldTooLong(at: at, limit: limits.fieldBytes)
        case .recordTooLong: diagnostic = CSVMessages.recordTooLong(at: at, limit: limits.recordBytes)
        case .tooManyCells: diagnostic = CSVMessages.tooManyCells(at: at, limit: limits.cellsPerRow)
        case .undecodable(let byte):
            let isMarker = encoding == .gb18030 && byte == DecodingInput.invalidMarker
            diagnostic = TextMessages.undecodable(
                file: file, line: at.line, column: at.column, byte: isMarker ? nil : byte,
                tried: encoding == .gb18030 || !encodingWasDetected ? [encoding] : [.utf8]
            )
        }
        throw diagnostic
    }

    /// Offset in the record's bytes of index `i` of the current chunk.
    @inline(__always)
    private func offset(_ i: Int) -> Int { building.bytes.count + i - segmentStart }

    private mutating func report(_ kind: Problem, at offset: Int) {
        if problem == nil { problem = (kind, offset) }
    }

    /// An unclosed quote of the open field, said in place of a limit it made the record pass.
    private mutating func reportUnclosed(_ kind: Problem) {
        if problem == nil || limitInOpenField { problem = (kind, fieldStart) }
        limitInOpenField = false
    }

    /// Stops keeping the record: `kind` is its problem, at `offset` of its bytes.
    private mutating func refuse(_ kind: Problem, at offset: Int, inOpenField: Bool) {
        guard !discarding else { return }
        if problem == nil {
            problem = (kind, offset)
            limitInOpenField = inOpenField
        }
        discarding = true
    }

    @inline(__always)
    private mutating func newline(at i: Int, _ byte: UInt8) {
        let absolute = base + i
        if byte == Self.lf && absolute == afterCR { return } // the LF of a CRLF
        line += 1
        if byte == Self.cr { afterCR = absolute + 1 }
    }

    /// Copies the record's bytes up to `i` into it, refusing the record when that passes a
    /// limit (the field still open, when `inField`, or the record). A refused record keeps its
    /// bytes up to the record limit only: enough to place its problem and the fields before it,
    /// and memory stays bounded however long it goes on.
    @inline(__always)
    private mutating func keep(_ bytes: UnsafeBufferPointer<UInt8>, upTo i: Int, inField: Bool) {
        if i > segmentStart {
            if !discarding {
                // The field first: the more precise place when both are past their limits.
                if inField && offset(i) - fieldStart > limits.fieldBytes {
                    refuse(.fieldTooLong, at: fieldStart, inOpenField: true)
                } else if building.bytes.count + (i - segmentStart) > limits.recordBytes {
                    refuse(.recordTooLong, at: 0, inOpenField: inField)
                }
            }
            let room = limits.recordBytes - building.bytes.count
            if room > 0 {
                building.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[segmentStart..<min(i, segmentStart + room)]))
            }
        }
        segmentStart = i
    }

    @inline(__always)
    private mutating func closeField(at i: Int) {
        guard !discarding else { return }
        let end = offset(i)
        if end - fieldStart > limits.fieldBytes {
            refuse(.fieldTooLong, at: fieldStart, inOpenField: false)
        } else if building.slots.count >= limits.cellsPerRow {
            refuse(.tooManyCells, at: fieldStart, inOpenField: false)
        } else {
            building.slots.append(.init(start: fieldStart, end: end, quoted: fieldQuoted, escaped: fieldEscaped))
        }
    }

    /// Reports a control character: any byte below the space that reaches here (line breaks and
    /// commas are handled before) but a tab, and DEL.
    @inline(__always)
    private mutating func control(_ byte: UInt8, at i: Int) {
        if byte != 0x09 { report(.controlCharacter(UInt32(byte)), at: offset(i)) }
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
            // U+0080…U+009F, the C1 controls: C2 80…C2 9F.
            if utf8Lead.byte == 0xC2 && next < 0xA0 { report(.controlCharacter(UInt32(next)), at: utf8Lead.offset) }
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
                    newline(at: i, byte) // a blank line, or the LF of the previous record's CRLF
                    i += 1
                    continue scanning
                }
                recordNumber += 1
                building.reset(line: line, number: recordNumber)
                building.offset = base + i
                discarding = false
                limitInOpenField = false
                segmentStart = i
                state = .fieldStart

            case .fieldStart:
                fieldStart = offset(i)
                fieldLine = line
                fieldEscaped = false
                limitInOpenField = false
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
                    // Printable ASCII from "-" up (DEL left out): never special, the common case.
                    if byte &- 0x2D < 0x52 {
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
                            fieldLine = line
                            limitInOpenField = false
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
                        if byte < 0x20 || byte == 0x7F { control(byte, at: i) }
                        i += 1
                    }
                }

            case .quoted:
                while i < end {
                    let byte = bytes[i]
                    if byte &- 0x2D < 0x52 {
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
                    if byte == Self.lf || byte == Self.cr {
                        newline(at: i, byte)
                    } else if byte < 0x20 || byte == 0x7F {
                        control(byte, at: i)
                    }
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
                    // After line breaks, the quote taken for the end was most likely meant to
                    // open another field: the field's own opening quote was never closed.
                    if line > fieldLine {
                        reportUnclosed(.unclosedQuote(line: line))
                    } else {
                        report(.textAfterQuote, at: offset(i))
                    }
                    state = .unquoted
                }
            }
        }
        if state != .recordStart { keep(bytes, upTo: end, inField: state != .fieldStart) }
        segmentStart = 0
        return false
    }

    @inline(__always)
    private mutating func endRecord(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int, _ byte: UInt8) -> Bool {
        keep(bytes, upTo: i, inField: false)
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
            reportUnclosed(.unterminatedQuote)
        case .unquoted, .quoteInQuoted:
            break
        }
        closeField(at: 0)
        state = .recordStart
        return true
    }
}
