#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Writing, over the C library like the rest of `FileSystem`. What is written here is meant to
/// be final (recorded results), so every write goes to a temporary name, is flushed to disk and
/// only then renamed into place: a crash or Ctrl-C leaves the old file or the new one, never half.
extension FileSystem {
    /// The folder part of a path: `seeds/results` for `seeds/results/2025-Q4`, `.` for a bare name.
    public static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    /// The last component of a path.
    public static func lastComponent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// Creates one folder; an existing folder is fine when `existingIsFine`.
    public static func makeDirectory(_ path: String, existingIsFine: Bool = false) throws(Diagnostic) {
        if mkdir(path, 0o755) == 0 { return }
        if errno == EEXIST && existingIsFine && kind(of: path) == .directory { return }
        throw InputMessages.cannotCreateFolder(path, reason: systemErrorText())
    }

    /// Creates a folder and any missing folders above it.
    public static func makeDirectories(_ path: String) throws(Diagnostic) {
        if kind(of: path) == .directory { return }
        let above = parent(of: path)
        if above != path && above != "." && above != "/" {
            try makeDirectories(above)
        }
        try makeDirectory(path, existingIsFine: true)
    }

    /// Writes `bytes` to `path` atomically: to `.tmp-<name>-<pid>` in the same folder, fsync,
    /// rename(2) over `path`, then fsync the folder so the rename itself survives a power cut.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(Diagnostic) {
        let folder = parent(of: path)
        let temporary = join(folder, ".tmp-\(lastComponent(of: path))-\(getpid())")
        _ = unlink(temporary) // a leftover of an earlier crash with the same process id
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else { throw InputMessages.cannotCreateFile(temporary, reason: systemErrorText()) }
        var failure: Diagnostic?
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(fd, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                if written <= 0 {
                    failure = InputMessages.fileWriteFailed(temporary, reason: systemErrorText())
                    return
                }
                offset += written
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = InputMessages.fileNotSynced(temporary, reason: systemErrorText()) }
        if close(fd) != 0 && failure == nil { failure = InputMessages.fileCloseFailed(temporary, reason: systemErrorText()) }
        if let failure {
            _ = unlink(temporary)
            throw failure
        }
        do {
            try rename(temporary, to: path)
        } catch {
            _ = unlink(temporary)
            throw error
        }
        try syncDirectory(folder)
    }

    /// rename(2): atomic within one file system. A folder cannot replace a non-empty folder, so
    /// two runs recording the same quarter at once cannot both win.
    public static func rename(_ source: String, to destination: String) throws(Diagnostic) {
        #if canImport(Glibc)
        let status = Glibc.rename(source, destination)
        #elseif canImport(Musl)
        let status = Musl.rename(source, destination)
        #else
        let status = Darwin.rename(source, destination)
        #endif
        guard status == 0 else {
            throw InputMessages.cannotRename(source, to: destination, reason: systemErrorText())
        }
    }

    /// Flushes a folder's entries (new names, renames) to disk.
    public static func syncDirectory(_ path: String) throws(Diagnostic) {
        let fd = open(path, O_RDONLY | O_DIRECTORY)
        guard fd >= 0 else { throw InputMessages.cannotOpenFolder(path, reason: systemErrorText()) }
        defer { close(fd) }
        // Some file systems refuse fsync on a folder (EINVAL); the data is then as safe as they make it.
        if fsync(fd) != 0 && errno != EINVAL && errno != EROFS {
            throw InputMessages.folderNotSynced(path, reason: systemErrorText())
        }
    }

    /// Removes a folder that holds only files (no subfolders), e.g. a half-built record.
    public static func removeFlatDirectory(_ path: String) {
        if let names = try? list(path) {
            for name in names { _ = unlink(join(path, name)) }
        }
        _ = rmdir(path)
    }

    /// The SHA-256 of a file, read in chunks so a large evidence file is never held whole.
    public static func sha256(ofFile path: String) throws(Diagnostic) -> [UInt8] {
        var hasher = SHA256()
        try FileSystem.forEachChunk(of: path) { hasher.update($0) }
        return hasher.finalize()
    }

    /// The current process id, for names of temporary files and folders.
    public static var processID: Int32 { Int32(getpid()) }

    private static func systemErrorText() -> String { FileSystem.errorText() }
}
