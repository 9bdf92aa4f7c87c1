#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ScorecardBase

/// Raw bytes from a file (read with read(2), a chunk at a time) or from memory.
///
/// Non-copyable because it owns the file descriptor, closed exactly once in `deinit`.
struct ByteSource: ~Copyable, Sendable {
    private let descriptor: Int32
    private let memory: [UInt8]
    private var memoryOffset = 0
    /// Where read(2) writes before the bytes join the caller's buffer: allocated (and zeroed)
    /// once, not on every read, which for a 1 MiB chunk was most of a small file's cost.
    private var scratch: [UInt8] = []
    /// Bytes left to read when only part of the file is read (`range`); nil for the whole file.
    private var remaining: Int?
    /// The name used in messages.
    let file: String

    init(bytes: [UInt8], file: String) {
        descriptor = -1
        memory = bytes
        self.file = file
    }

    /// Only a regular file is read: a FIFO or a device is refused (see `FileSystem.openRegularFile`).
    init(path: String, displayName: String) throws(Diagnostic) {
        descriptor = try Self.open(path, displayName: displayName)
        memory = []
        file = displayName
    }

    private static func open(_ path: String, displayName: String) throws(Diagnostic) -> Int32 {
        do {
            return try FileSystem.openRegularFile(path)
        } catch {
            switch error {
            case .notRegular(let what): throw FileSystem.notRegularFile(displayName, what: what)
            case .system(let code): throw EvidenceMessages.cannotOpen(displayName, errno: code)
            }
        }
    }

    /// Only the bytes of `range` of the file: one part of a file read by several workers.
    init(path: String, displayName: String, range: Range<Int>) throws(Diagnostic) {
        let fd = try Self.open(path, displayName: displayName)
        guard lseek(fd, off_t(range.lowerBound), SEEK_SET) >= 0 else {
            let problem = EvidenceMessages.readFailed(displayName, errno: errno)
            _ = close(fd)
            throw problem
        }
        descriptor = fd
        memory = []
        file = displayName
        remaining = range.count
    }

    deinit {
        if descriptor >= 0 { _ = close(descriptor) }
    }

    /// Appends up to `count` bytes to `buffer`; 0 means the end of the input.
    mutating func read(appendingTo buffer: inout [UInt8], count: Int) throws(Diagnostic) -> Int {
        if descriptor < 0 {
            let taken = min(count, memory.count - memoryOffset)
            buffer.append(contentsOf: memory[memoryOffset..<(memoryOffset + taken)])
            memoryOffset += taken
            return taken
        }
        let count = remaining.map { min($0, count) } ?? count
        if count == 0 { return 0 }
        if scratch.count < count {
            // Left unfilled: only what read(2) writes is ever looked at, and a small file then
            // touches a page or two of the buffer instead of clearing all of it.
            scratch = [UInt8](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        }
        let fd = descriptor
        let result: Int = scratch.withUnsafeMutableBufferPointer { all in
            guard let base = all.baseAddress else { return 0 }
            while true {
                let n = systemRead(fd, base, count)
                if n == -1 && errno == EINTR { continue }
                return n
            }
        }
        guard result >= 0 else {
            throw EvidenceMessages.readFailed(file, errno: errno)
        }
        buffer.append(contentsOf: scratch[0..<result])
        if let left = remaining { remaining = left - result }
        return result
    }
}

/// `read(2)` under a name that does not clash with `ByteSource.read`.
@inline(__always)
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, buffer, count)
}
