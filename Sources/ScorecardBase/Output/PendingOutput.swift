#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Output that appears all at once or not at all. Written to a named file, it goes to a
/// temporary file beside it that is flushed and renamed into place on `commit`; written to
/// standard output, it waits in a spool (memory, then an unnamed temporary file) and is copied
/// out on `commit`. `discard` leaves no trace either way: results of a quarter whose evidence
/// turns out to have errors are never seen. A reference, like the file it stands for: the
/// report writing into it and the command deciding its fate share one.
public final class PendingOutput {
    public enum Destination: Sendable, Equatable {
        case standardOutput
        case file(String)
    }

    public let destination: Destination
    private var spool: ByteSpool
    /// For a named file: the temporary file written as output comes, and its name.
    private var fd: Int32 = -1
    private var temporaryPath = ""
    private var pending: [UInt8] = []
    public private(set) var failure: Diagnostic?

    /// Opens the destination; for a file, fails when the temporary file cannot be made there.
    public init(_ destination: Destination) throws(Diagnostic) {
        var fd: Int32 = -1
        var temporaryPath = ""
        if case .file(let path) = destination {
            let folder = FileSystem.parent(of: path)
            temporaryPath = FileSystem.join(folder, ".tmp-\(FileSystem.lastComponent(of: path))-\(getpid())")
            _ = unlink(temporaryPath)
            fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL, 0o644)
            guard fd >= 0 else {
                throw InputMessages.cannotCreateOutput(path, reason: FileSystem.errorText())
            }
        }
        self.destination = destination
        self.spool = ByteSpool()
        self.fd = fd
        self.temporaryPath = temporaryPath
        pending.reserveCapacity(1 << 16)
    }

    deinit {
        if fd >= 0 {
            close(fd)
            _ = unlink(temporaryPath)
        }
    }

    public func write(_ bytes: UnsafeRawBufferPointer) {
        if fd >= 0 {
            pending.append(contentsOf: bytes)
            if pending.count >= 1 << 16 { flushPending() }
        } else {
            spool.append(bytes)
        }
    }

    /// Makes the output appear: renames the file into place, or copies the spool to standard output.
    public func commit() throws(Diagnostic) {
        if let failure = failure ?? spool.failure { throw failure }
        switch destination {
        case .standardOutput:
            var problem: String?
            spool.forEachChunk { chunk in
                if problem == nil { problem = FileSystem.writeAll(chunk, to: 1) }
            }
            // A reader that went away (`| head`) is not a failure of ours.
            if let problem, errno != EPIPE {
                throw InputMessages.standardOutputFailed(problem)
            }
        case .file(let path):
            flushPending()
            if let failure { throw failure }
            let descriptor = fd
            fd = -1
            if fsync(descriptor) != 0 || close(descriptor) != 0 {
                let text = FileSystem.errorText()
                _ = unlink(temporaryPath)
                throw InputMessages.outputNotSynced(path, reason: text)
            }
            do throws(Diagnostic) {
                try FileSystem.rename(temporaryPath, to: path)
            } catch {
                _ = unlink(temporaryPath)
                throw error
            }
            try? FileSystem.syncDirectory(FileSystem.parent(of: path))
        }
    }

    /// Drops everything written; nothing appears.
    public func discard() {
        restart()
        if fd >= 0 {
            close(fd)
            fd = -1
            _ = unlink(temporaryPath)
        }
    }

    /// Forgets what was written so far, to start again.
    public func restart() {
        pending.removeAll(keepingCapacity: true)
        spool.removeAll()
        if fd >= 0 {
            _ = ftruncate(fd, 0)
            _ = lseek(fd, 0, SEEK_SET)
        }
    }

    private func flushPending() {
        guard fd >= 0, !pending.isEmpty else { return }
        if failure == nil, let problem = pending.withUnsafeBytes({ FileSystem.writeAll($0, to: fd) }) {
            if case .file(let path) = destination {
                failure = InputMessages.outputWriteFailed(path, problem: problem)
            }
        }
        pending.removeAll(keepingCapacity: true)
    }
}

extension FileSystem {
    /// Writes every byte to `fd`, retrying short writes and interruptions; the system's words
    /// for the failure, or nil.
    public static func writeAll(_ bytes: UnsafeRawBufferPointer, to fd: Int32) -> String? {
        var offset = 0
        while offset < bytes.count {
            let written = Glibc_write(fd, bytes.baseAddress?.advanced(by: offset), bytes.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return errorText() }
            offset += written
        }
        return nil
    }
}

private func Glibc_write(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(fd, buffer, count)
}
