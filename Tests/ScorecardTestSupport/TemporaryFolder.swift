#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A fresh folder for one test under the system's temporary folder (`TMPDIR`, else /tmp).
/// `withTemporaryFolder` removes it when the test is done; a test that keeps one in a fixture
/// calls `remove()` itself (in a `defer`).
public struct TemporaryFolder: Sendable {
    public let path: String

    /// Makes the folder, named `<prefix>-XXXXXX` with a unique ending.
    public init(prefix: String = "scorecard-test") throws(FileTreeError) {
        var base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        if base.isEmpty { base = "/tmp" }
        var template = Array("\(base)/\(prefix)-XXXXXX".utf8CString)
        let made: String? = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.flatMap { mkdtemp($0) }.map { String(cString: $0) }
        }
        guard let made else { throw FileTreeError(path: base, operation: "mkdtemp") }
        path = made
    }

    /// The full path of `relative` inside the folder.
    public func file(_ relative: String) -> String { path + "/" + relative }

    /// Writes a file inside the folder, making the folders on its way.
    public func write(_ relative: String, _ text: String) throws(FileTreeError) {
        try FileTree.write(Array(text.utf8), to: file(relative))
    }

    public func write(_ relative: String, bytes: [UInt8]) throws(FileTreeError) {
        try FileTree.write(bytes, to: file(relative))
    }

    /// Writes every file of `files` (relative path → text) inside the folder.
    public func write(_ files: [String: String]) throws(FileTreeError) {
        try FileTree.write(files, in: path)
    }

    /// Makes a folder (and its parents) inside this one.
    public func makeFolder(_ relative: String) throws(FileTreeError) {
        try FileTree.makeFolders(file(relative))
    }

    /// Removes the folder and everything in it; symbolic links are removed, never followed.
    public func remove() { FileTree.remove(path) }
}

/// Runs `body` with a fresh folder and removes the folder afterwards, whatever `body` did.
public func withTemporaryFolder<T>(
    prefix: String = "scorecard-test", _ body: (TemporaryFolder) throws -> T
) throws -> T {
    let folder = try TemporaryFolder(prefix: prefix)
    defer { folder.remove() }
    return try body(folder)
}

public func withTemporaryFolder<T>(
    prefix: String = "scorecard-test", isolation: isolated (any Actor)? = #isolation,
    _ body: (TemporaryFolder) async throws -> T
) async throws -> T {
    let folder = try TemporaryFolder(prefix: prefix)
    defer { folder.remove() }
    return try await body(folder)
}
