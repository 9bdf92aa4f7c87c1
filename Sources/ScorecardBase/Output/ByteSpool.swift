#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes put aside to be read back later, in memory while they are few and in an unnamed
/// temporary file once they are many: output that may only be released once the whole input
/// is known to be sound, in memory that does not grow with the input. A reference, like the
/// file behind it.
public final class ByteSpool {
    /// Bytes not yet moved to the file.
    private var buffer: [UInt8] = []
    /// The temporary file, unlinked as soon as it is made; -1 while everything fits in memory.
    private var fd: Int32 = -1
    public private(set) var count = 0
    private let memoryLimit: Int
    /// The first problem writing the file; the spool is then unusable and says so.
    public private(set) var failure: Diagnostic?

    public init(memoryLimit: Int = 8 << 20) {
        self.memoryLimit = memoryLimit
        buffer.reserveCapacity(min(memoryLimit, 1 << 16))
    }

    deinit {
        if fd >= 0 { close(fd) }
    }

    public func append(_ bytes: UnsafeRawBufferPointer) {
        count += bytes.count
        buffer.append(contentsOf: bytes)
        if buffer.count >= memoryLimit { spill() }
    }

    public func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    public func append(_ text: String) {
        var text = text
        text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Empties the spool for a fresh start.
    public func removeAll() {
        buffer.removeAll(keepingCapacity: true)
        if fd >= 0 {
            _ = ftruncate(fd, 0)
            _ = lseek(fd, 0, SEEK_SET)
        }
        count = 0
    }

    /// Hands every byte, in order, to `body`, a chunk at a time.
    public func forEachChunk(_ body: (UnsafeRawBufferPointer) -> Void) {
        if fd >= 0 {
            spill()
            _ = lseek(fd, 0, SEEK_SET)
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let read = chunk.withUnsafeMutableBytes { Glibc_read(fd, $0.baseAddress, $0.count) }
                if read < 0 && errno == EINTR { continue }
                if read <= 0 { break }
                chunk.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[0..<read])) }
            }
            _ = lseek(fd, 0, SEEK_END)
        } else {
            buffer.withUnsafeBytes { body($0) }
        }
    }

    private func spill() {
        guard failure == nil else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        if fd < 0 {
            fd = Self.makeTemporaryFile()
            if fd < 0 {
                failure = InputMessages.cannotCreateTemporary(reason: FileSystem.errorText())
                return
            }
        }
        let problem = buffer.withUnsafeBytes { FileSystem.writeAll($0, to: fd) }
        if let problem, failure == nil {
            failure = InputMessages.temporaryWriteFailed(problem)
        }
        buffer.removeAll(keepingCapacity: true)
    }

    private static func makeTemporaryFile() -> Int32 {
        var folder = "/tmp"
        if let value = getenv("TMPDIR"), value.pointee != 0 { folder = String(cString: value) }
        var template = Array("\(folder)/scorecard-spool-XXXXXX".utf8CString)
        return template.withUnsafeMutableBufferPointer { name -> Int32 in
            guard let path = name.baseAddress else { return -1 }
            let fd = mkstemp(path)
            if fd >= 0 { _ = unlink(path) }
            return fd
        }
    }
}

private func Glibc_read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}
