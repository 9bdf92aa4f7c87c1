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
    public enum Kind: Sendable { case missing, file, directory }

    public static func kind(of path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    public static func join(_ folder: String, _ name: String) -> String {
        if folder.isEmpty || folder == "." { return name }
        return folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    public static func read(_ path: String) -> Result<[UInt8], Diagnostic> {
        var bytes: [UInt8] = []
        return forEachChunk(of: path) { bytes.append(contentsOf: $0) }.map { bytes }
    }

    /// Hands a file to `body` in 64 KiB chunks, so hashing or scanning a large evidence file
    /// never holds it whole.
    public static func forEachChunk(of path: String, _ body: (ArraySlice<UInt8>) -> Void) -> Result<Void, Diagnostic> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            return .failure(.error("io.read", "无法读取文件“\(path)”：\(errorText())", hint: "检查文件是否存在、是否有读取权限", at: nil))
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(.error("io.read", "读取文件“\(path)”时出错：\(errorText())", at: nil))
            }
            if count == 0 { return .success(()) }
            body(buffer[0..<count])
        }
    }

    public static func list(_ folder: String) -> Result<[String], Diagnostic> {
        guard let dir = opendir(folder) else {
            return .failure(.error("io.list", "无法打开文件夹“\(folder)”：\(errorText())", at: nil))
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names.sorted())
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

    static func errorText() -> String {
        String(cString: strerror(errno))
    }
}

extension FileSystem {
    /// Up to `count` bytes of a file from `offset`: a row found again by where it was.
    public static func read(_ path: String, from offset: Int, count: Int) -> Result<[UInt8], Diagnostic> {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            return .failure(.error("io.read", "无法读取文件“\(path)”：\(errorText())", hint: "检查文件是否存在、是否有读取权限", at: nil))
        }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: count)
        let read = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
        guard read >= 0 else { return .failure(.error("io.read", "读取文件“\(path)”时出错：\(errorText())", at: nil)) }
        buffer.removeLast(count - read)
        return .success(buffer)
    }
}
