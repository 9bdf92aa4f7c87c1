import ScorecardBase

/// A byte source turned into a stream of UTF-8 chunks, whatever the file's encoding.
///
/// Auto-detection waits for the first non-ASCII byte (ASCII reads the same in both encodings)
/// and decides on the rest of the chunk around it. GB18030 is converted chunk by chunk, carrying
/// incomplete sequences over; a byte iconv rejects is passed on as 0xFF, which is never valid
/// UTF-8, so the CSV scanner reports it at its exact line and column.
struct DecodingInput: ~Copyable, Sendable {
    private var source: ByteSource
    private let chunkSize: Int
    /// Nil while only ASCII has been seen.
    private(set) var decided: TextEncoding?
    private(set) var hadBOM = false
    /// UTF-8 for the scanner; replaced by `advance()`.
    private(set) var chunk: [UInt8] = []
    /// Raw bytes read but not yet passed on (undecided or GB18030 only).
    private var pending: [UInt8] = []
    private var converter = GB18030Converter()
    private var started = false
    private var emittedAny = false
    private var sourceEnded = false

    static let invalidMarker: UInt8 = 0xFF

    init(source: consuming ByteSource, encoding: TextEncoding?, chunkSize: Int) {
        self.source = source
        self.decided = encoding
        self.chunkSize = max(1, chunkSize)
    }

    var file: String { source.file }

    /// Replaces `chunk` with the next UTF-8 bytes; false at the end of the input.
    mutating func advance() throws(Diagnostic) -> Bool {
        chunk.removeAll(keepingCapacity: true)
        if !started {
            started = true
            try start()
        }
        while chunk.isEmpty {
            if decided == .utf8 && pending.isEmpty {
                return try source.read(appendingTo: &chunk, count: chunkSize) > 0
            }
            if sourceEnded && pending.isEmpty { return false }
            if !sourceEnded {
                if try source.read(appendingTo: &pending, count: chunkSize) == 0 { sourceEnded = true }
            }
            if decided == nil { detect() }
            switch decided {
            case .utf8?:
                chunk.append(contentsOf: pending)
                pending.removeAll(keepingCapacity: true)
            case .gb18030?:
                try convertPending()
            case nil:
                break
            }
        }
        emittedAny = true
        return true
    }

    /// Reads enough to recognise a byte order mark, which decides the encoding by itself.
    private mutating func start() throws(Diagnostic) {
        while pending.count < 4 && !sourceEnded {
            if try source.read(appendingTo: &pending, count: max(chunkSize, 4)) == 0 { sourceEnded = true }
        }
        if pending.starts(with: TextDecoding.bom) && decided != .gb18030 {
            decided = .utf8
            hadBOM = true
            pending.removeFirst(3)
        } else if pending.starts(with: [0x84, 0x31, 0x95, 0x33]) && decided != .utf8 {
            decided = .gb18030 // its U+FEFF is dropped after conversion
        }
    }

    /// Decides between UTF-8 and GB18030 at the first non-ASCII byte, passing ASCII through.
    private mutating func detect() {
        guard let first = pending.firstIndex(where: { $0 >= 0x80 }) else {
            chunk.append(contentsOf: pending)
            pending.removeAll(keepingCapacity: true)
            return
        }
        let outcome = pending.withUnsafeBufferPointer {
            UTF8Validation.check(UnsafeBufferPointer(rebasing: $0[first...]))
        }
        switch outcome {
        case .valid:
            decided = .utf8
        case .truncated(let at) where at == 0 && !sourceEnded:
            // Only the cut-off start of one character to go on: wait for more bytes.
            chunk.append(contentsOf: pending[..<first])
            pending.removeFirst(first)
        case .truncated:
            decided = .utf8
        case .invalid(let utf8Reach):
            // Not UTF-8 throughout; take whichever encoding decodes further, as
            // `TextDecoding` does, so one stray byte does not turn a UTF-8 file into GB18030.
            var probe = GB18030Converter()
            var scratch: [UInt8] = []
            let outcome = pending.withUnsafeBufferPointer {
                probe.convert(UnsafeBufferPointer(rebasing: $0[first...]), appendingTo: &scratch, isFinal: sourceEnded)
            }
            let gbReach: Int
            switch outcome {
            case .converted: gbReach = Int.max
            case .invalid(let at): gbReach = at
            case .unavailable: gbReach = -1
            }
            if gbReach > utf8Reach {
                decided = .gb18030
                chunk.append(contentsOf: pending[..<first])
                pending.removeFirst(first)
            } else {
                decided = .utf8
            }
        }
    }

    private mutating func convertPending() throws(Diagnostic) {
        var offset = 0
        defer { pending.removeFirst(offset) }
        let startCount = chunk.count
        conversion: while offset < pending.count {
            let outcome = pending.withUnsafeBufferPointer {
                converter.convert(UnsafeBufferPointer(rebasing: $0[offset...]), appendingTo: &chunk, isFinal: sourceEnded)
            }
            switch outcome {
            case .converted(let consumed):
                // Whatever is left is the start of a sequence the next read completes.
                offset += consumed
                break conversion
            case .invalid(let at):
                chunk.append(Self.invalidMarker)
                offset += at + 1
                converter.reset()
            case .unavailable:
                throw TextMessages.converterUnavailable(file: file)
            }
        }
        if !emittedAny && startCount == 0 && chunk.starts(with: TextDecoding.bom) {
            hadBOM = true
            chunk.removeFirst(3)
        }
    }
}
