import ScorecardBase

/// Reads CSV records one at a time from a file of any size, in constant memory.
///
/// RFC 4180 as Excel and WPS write it: comma separator, `"` quoting with `""` for a quote,
/// CRLF, LF or CR line ends, line breaks inside quoted fields, an optional byte order mark.
/// Blank lines are skipped. Spaces around values are kept (see `CSVField.trimmed`).
///
/// A malformed record is thrown and reading goes on with the next record when `next` is called
/// again, so one run reports every problem in the file. Non-copyable because it owns the open file.
///
///     var reader = try CSVReader(path: "evidence.csv")
///     while true {
///         do { guard let record = try reader.next() else { break } ... } catch { ... }
///     }
public struct CSVReader: ~Copyable, Sendable {
    public static let defaultChunkSize = 1 << 20

    private var input: DecodingInput
    private var scanner: CSVScanner
    private var finished = false
    private var started = false

    /// Opens `path`; `displayName` is the name used in messages (default: `path`).
    /// With `encoding` nil, UTF-8 or GB18030 is detected from the content.
    /// Only a regular file is read; a field, record or row past `limits` is refused (the
    /// record comes back as a failure, and reading goes on after it).
    public init(
        path: String, displayName: String? = nil, encoding: TextEncoding? = nil,
        chunkSize: Int = CSVReader.defaultChunkSize, limits: InputLimits = .default
    ) throws(Diagnostic) {
        let name = displayName ?? path
        let source = try ByteSource(path: path, displayName: name)
        input = DecodingInput(source: source, encoding: encoding, chunkSize: chunkSize)
        scanner = CSVScanner(file: name, limits: limits)
        scanner.encodingWasDetected = encoding == nil
    }

    /// Reads the records in `range` of a UTF-8 file, the first of them starting at `line`:
    /// one part of a file that several workers read at once (`CSVSplit` finds where it may be cut).
    init(
        path: String, displayName: String, range: Range<Int>, line: Int, chunkSize: Int = CSVReader.defaultChunkSize,
        limits: InputLimits = .default
    ) throws(Diagnostic) {
        let source = try ByteSource(path: path, displayName: displayName, range: range)
        input = DecodingInput(source: source, encoding: .utf8, chunkSize: chunkSize)
        scanner = CSVScanner(file: displayName, line: line, limits: limits)
        scanner.encodingWasDetected = false
    }

    /// Reads CSV held in memory; `file` is the name used in messages, `line` the line of the
    /// first byte (a record re-read from the middle of its file).
    public init(
        bytes: [UInt8], file: String, encoding: TextEncoding? = nil, chunkSize: Int = CSVReader.defaultChunkSize, line: Int = 1,
        limits: InputLimits = .default
    ) {
        input = DecodingInput(source: ByteSource(bytes: bytes, file: file), encoding: encoding, chunkSize: chunkSize)
        scanner = CSVScanner(file: file, line: line, limits: limits)
        scanner.encodingWasDetected = encoding == nil
    }

    public var file: String { scanner.file }

    /// The file's encoding as far as it is known; UTF-8 while only ASCII has been read.
    public var encoding: TextEncoding { input.decided ?? .utf8 }

    /// Whether the file started with a byte order mark.
    public var hadBOM: Bool { input.hadBOM }

    /// The next record without making strings, or nil at the end; a malformed record is thrown
    /// (and the next call reads on after it).
    public mutating func nextRaw() throws(Diagnostic) -> CSVRawRecord? {
        guard !finished else { return nil }
        while true {
            if !started || scanner.index >= input.chunk.count {
                if started { scanner.base += input.chunk.count }
                started = true
                scanner.index = 0
                let more: Bool
                do {
                    more = try input.advance()
                } catch {
                    finished = true
                    throw error
                }
                if more {
                    scanner.encoding = encoding
                } else {
                    finished = true
                    guard scanner.finish() else { return nil }
                    return try completed()
                }
            }
            let chunk = input.chunk
            let complete = chunk.withUnsafeBufferPointer { scanner.scan($0) }
            if complete { return try completed() }
        }
    }

    private mutating func completed() throws(Diagnostic) -> CSVRawRecord {
        do {
            let record = try scanner.takeRecord()
            failedRecord = nil
            return record
        } catch {
            failedRecord = scanner.partialRecord
            throw error
        }
    }

    /// The record of the last failure, as far as it was read (fields past a limit are left
    /// out): enough, usually, to tell whose row was lost.
    public private(set) var failedRecord: CSVRawRecord?

    /// The next record with string fields, or nil at the end; a malformed record is thrown.
    public mutating func next() throws(Diagnostic) -> CSVRecord? {
        try nextRaw()?.record
    }

    /// Every record, for files small enough to hold; each malformed record's problem goes to `sink`.
    public mutating func readAll(sink: inout DiagnosticSink) -> [CSVRecord] {
        var records: [CSVRecord] = []
        while true {
            do {
                guard let record = try next() else { break }
                records.append(record)
            } catch {
                sink.append(error)
            }
        }
        return records
    }
}
