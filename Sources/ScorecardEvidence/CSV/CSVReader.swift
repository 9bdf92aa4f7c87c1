import ScorecardBase

/// Reads CSV records one at a time from a file of any size, in constant memory.
///
/// RFC 4180 as Excel and WPS write it: comma separator, `"` quoting with `""` for a quote,
/// CRLF, LF or CR line ends, line breaks inside quoted fields, an optional byte order mark.
/// Blank lines are skipped. Spaces around values are kept (see `CSVField.trimmed`).
///
/// A malformed record comes back as a failure and reading goes on with the next record, so one
/// run reports every problem in the file. Non-copyable because it owns the open file.
///
///     var reader = try CSVReader(path: "evidence.csv")
///     while let result = reader.next() { ... }
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

    /// The next record without making strings, the failure of a malformed record, or nil at the end.
    public mutating func nextRaw() -> Result<CSVRawRecord, Diagnostic>? {
        guard !finished else { return nil }
        while true {
            if !started || scanner.index >= input.chunk.count {
                if started { scanner.base += input.chunk.count }
                started = true
                scanner.index = 0
                switch input.advance() {
                case .failure(let problem):
                    finished = true
                    return .failure(problem)
                case .success(true):
                    scanner.encoding = encoding
                case .success(false):
                    finished = true
                    guard scanner.finish() else { return nil }
                    return completed()
                }
            }
            let chunk = input.chunk
            let complete = chunk.withUnsafeBufferPointer { scanner.scan($0) }
            if complete { return completed() }
        }
    }

    private mutating func completed() -> Result<CSVRawRecord, Diagnostic> {
        let result = scanner.takeRecord()
        if case .failure = result { failedRecord = scanner.partialRecord } else { failedRecord = nil }
        return result
    }

    /// The record of the last failure, as far as it was read (fields past a limit are left
    /// out): enough, usually, to tell whose row was lost.
    public private(set) var failedRecord: CSVRawRecord?

    /// The next record with string fields, the failure of a malformed record, or nil at the end.
    public mutating func next() -> Result<CSVRecord, Diagnostic>? {
        nextRaw().map { $0.map(\.record) }
    }

    /// Every record and every problem, for files small enough to hold.
    public mutating func readAll() -> (records: [CSVRecord], diagnostics: [Diagnostic]) {
        var records: [CSVRecord] = []
        var diagnostics: [Diagnostic] = []
        while let result = next() {
            switch result {
            case .success(let record): records.append(record)
            case .failure(let problem): diagnostics.append(problem)
            }
        }
        return (records, diagnostics)
    }
}
