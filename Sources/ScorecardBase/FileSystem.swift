#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file-system calls the engine needs, over the C library rather than Foundation so
/// that a quarter's run starts fast.
public enum FileSystem {
    /// `other`: a named pipe (FIFO), a device or a socket, which is never read: a FIFO would
    /// block for ever and `/dev/zero` never ends.
    public enum Kind: Sendable { case missing, file, directory, other }

    public static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return kind(ofMode: info.st_mode)
    }

    private static func kind(ofMode mode: mode_t) -> Kind {
        switch mode & S_IFMT {
        case S_IFREG: .file
        case S_IFDIR: .directory
        default: .other
        }
    }

    /// What the file at `path` is, in a policy officer's words (`命名管道（FIFO）`).
    public static func kindName(of path: String) -> String {
        var info = stat()
        guard stat(path, &info) == 0 else { return "不存在的文件" }
        return kind(ofMode: info.st_mode) == .file ? "普通文件" : kindName(ofMode: info.st_mode)
    }

    /// What a file that is not a regular one is, in a policy officer's words.
    private static func kindName(ofMode mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: "文件夹"
        case S_IFIFO: "命名管道（FIFO）"
        case S_IFCHR, S_IFBLK: "设备文件"
        case S_IFSOCK: "套接字"
        default: "特殊文件"
        }
    }

    /// The problem of a path that is not a regular file, located at the file.
    public static func notRegularFile(_ path: String, what: String) -> Diagnostic {
        InputMessages.notRegularFile(path, what: what)
    }

    /// Why a file could not be opened for reading.
    public enum OpenFailure: Error, Sendable {
        /// open(2) failed; the errno.
        case system(Int32)
        /// Not a regular file: what it is (`命名管道（FIFO）`).
        case notRegular(String)
    }

    /// Opens a regular file for reading, and only a regular file: the file is opened without
    /// blocking (so a FIFO with no writer cannot hang the run) and checked with fstat(2) on the
    /// open descriptor (so it cannot be swapped between a check and the open).
    public static func openRegularFile(_ path: String) throws(OpenFailure) -> Int32 {
        var fd: Int32
        repeat {
            fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        } while fd == -1 && errno == EINTR
        guard fd >= 0 else { throw .system(errno) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let failure = errno
            _ = close(fd)
            throw .system(failure)
        }
        guard kind(ofMode: info.st_mode) == .file else {
            _ = close(fd)
            throw .notRegular(kindName(ofMode: info.st_mode))
        }
        // Back to blocking reads (which a regular file does anyway).
        let flags = fcntl(fd, F_GETFL)
        if flags >= 0 { _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) }
        return fd
    }

    /// The size in bytes of a regular file; nil for anything else.
    public static func size(of path: String) -> Int? {
        var info = stat()
        guard stat(path, &info) == 0, kind(ofMode: info.st_mode) == .file else { return nil }
        return Int(info.st_size)
    }

    /// The absolute path with every link followed (realpath(3)); nil when it does not exist.
    public static func resolvedPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    public static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty || folder == "." { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    public static func read(_ path: String) throws(Diagnostic) -> [UInt8] {
        var bytes: [UInt8] = []
        try forEachChunk(of: path) { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// A file read whole, or its first `limit` bytes when it has more (`tooLarge`), so that a
    /// file of any size costs at most `limit` bytes of memory.
    public enum LimitedRead: Sendable {
        case complete([UInt8])
        case tooLarge(prefix: [UInt8])
    }

    public static func read(_ path: String, limit: Int) throws(Diagnostic) -> LimitedRead {
        var bytes: [UInt8] = []
        var over = false
        try forEachChunk(of: path) { chunk in
            guard !over else { return false }
            if bytes.count + chunk.count > limit {
                bytes.append(contentsOf: chunk.prefix(limit - bytes.count))
                over = true
                return false
            }
            bytes.append(contentsOf: chunk)
            return true
        }
        return over ? .tooLarge(prefix: bytes) : .complete(bytes)
    }

    /// Hands a file to `body` in 64 KiB chunks, so hashing or scanning a large evidence file
    /// never holds it whole. Only a regular file is read (see `openRegularFile`).
    public static func forEachChunk(of path: String, _ body: (ArraySlice<UInt8>) -> Void) throws(Diagnostic) {
        try forEachChunk(of: path) { chunk -> Bool in
            body(chunk)
            return true
        }
    }

    /// As `forEachChunk`, stopping early when `body` returns false.
    public static func forEachChunk(of path: String, _ body: (ArraySlice<UInt8>) -> Bool) throws(Diagnostic) {
        let fd: Int32
        do {
            fd = try openRegularFile(path)
        } catch {
            switch error {
            case .notRegular(let what): throw notRegularFile(path, what: what)
            case .system(let code):
                throw InputMessages.cannotRead(path, reason: errorText(code))
            }
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw InputMessages.readFailed(path, reason: errorText())
            }
            if count == 0 { return }
            if !body(buffer[0..<count]) { return }
        }
    }

    public static func list(_ folder: String) throws(Diagnostic) -> [String] {
        guard let dir = opendir(folder) else {
            throw InputMessages.cannotList(folder, reason: errorText())
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    private static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(fd, buffer, count)
        #elseif canImport(Musl)
        Musl.read(fd, buffer, count)
        #else
        Darwin.read(fd, buffer, count)
        #endif
    }

    /// `strerror` for `code`: the system's own words for a failed call.
    package static func errorText(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}

extension FileSystem {
    /// Up to `count` bytes of a file from `offset`: a row found again by where it was.
    public static func read(_ path: String, from offset: Int, count: Int) throws(Diagnostic) -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            throw InputMessages.cannotRead(path, reason: errorText())
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: count)
        let read = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
        guard read >= 0 else { throw InputMessages.readFailed(path, reason: errorText()) }
        buffer.removeLast(count - read)
        return buffer
    }
}
