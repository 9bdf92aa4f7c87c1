#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A file operation of the test support that failed: which path, which call, and errno.
public struct FileTreeError: Error, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var code: Int32

    public init(path: String, operation: String, code: Int32 = errno) {
        self.path = path
        self.operation = operation
        self.code = code
    }

    public var description: String { "\(operation) “\(path)”: \(String(cString: strerror(code)))" }
}

/// Writing and removing trees of files for tests, with the C library only (the engine's own
/// file layer is what some of these tests check, so it does not set them up).
public enum FileTree {
    /// Writes every file of `files` (path relative to `root` → text), making folders on the way.
    public static func write(_ files: [String: String], in root: String) throws(FileTreeError) {
        for relative in files.keys.sorted() {
            try write(Array(files[relative, default: ""].utf8), to: root + "/" + relative)
        }
    }

    /// Writes `bytes` to `path`, replacing what is there and making the folders above it.
    public static func write(_ bytes: [UInt8], to path: String) throws(FileTreeError) {
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            try makeFolders(String(path[..<slash]))
        }
        guard let file = fopen(path, "wb") else { throw FileTreeError(path: path, operation: "fopen") }
        let written = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        if written != bytes.count || closed != 0 { throw FileTreeError(path: path, operation: "fwrite") }
    }

    public static func write(_ text: String, to path: String) throws(FileTreeError) {
        try write(Array(text.utf8), to: path)
    }

    /// Makes `path` and any missing folder above it.
    public static func makeFolders(_ path: String) throws(FileTreeError) {
        var folder = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            folder += "/" + part
            if mkdir(folder, 0o755) != 0, errno != EEXIST { throw FileTreeError(path: folder, operation: "mkdir") }
        }
    }

    /// The bytes of a file, or nil when it cannot be read.
    public static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBufferPointer { fread($0.baseAddress, 1, $0.count, file) }
            bytes += chunk[..<count]
            if count < chunk.count { return ferror(file) == 0 ? bytes : nil }
        }
    }

    /// Removes `path`: a file or link is unlinked, a folder emptied first. Links are never
    /// followed, so a link a test made to a folder outside (or above) leaves that folder alone.
    public static func remove(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            unlink(path)
            return
        }
        if let directory = opendir(path) {
            var names: [String] = []
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                if name != "." && name != ".." { names.append(name) }
            }
            closedir(directory)
            for name in names { remove(path + "/" + name) }
        }
        rmdir(path)
    }
}
