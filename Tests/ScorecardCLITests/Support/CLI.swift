import Foundation
import Synchronization
import Testing
import ScorecardTestSupport

/// Runs the built `scorecard` binary as a subprocess, the way a user or a script would.
enum CLI {
    struct Result: Sendable {
        var status: Int32
        var stdoutData: Data
        var stderrData: Data
        var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
        var stderr: String { String(decoding: stderrData, as: UTF8.self) }
        var stdoutLines: [String] { stdout.components(separatedBy: "\n") }
        var stderrLines: [String] { stderr.components(separatedBy: "\n") }
    }

    /// The package root: where `rules/` and `seeds/` are, and the working directory of every run
    /// unless a test says otherwise (so the defaults `rules` and `seeds` apply).
    static let packageRoot = URL(fileURLWithPath: ScorecardTestSupport.packageRoot)

    /// The `scorecard` executable next to the running test product. The scratch path can be
    /// anything (`--scratch-path`), so it is found from where the tests run, not assumed.
    static let binary: URL = {
        let fm = FileManager.default
        var directories: [URL] = []
        if let explicit = ProcessInfo.processInfo.environment["SCORECARD_BINARY"] {
            directories.append(URL(fileURLWithPath: explicit).deletingLastPathComponent())
        }
        for bundle in [Bundle.main] + Bundle.allBundles {
            let url = bundle.bundleURL
            if url.pathExtension == "xctest" {
                directories.append(url.deletingLastPathComponent()) // macOS: …/debug/X.xctest
            } else {
                directories.append(url)
            }
            if let executable = bundle.executableURL { directories.append(executable.deletingLastPathComponent()) }
        }
        // Linux: the test runner is itself an executable in the products directory.
        if let exe = try? fm.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            directories.append(URL(fileURLWithPath: exe).deletingLastPathComponent())
        }
        if let argument = CommandLine.arguments.first, argument.contains("/") {
            directories.append(URL(fileURLWithPath: argument).deletingLastPathComponent())
        }
        directories.append(packageRoot.appendingPathComponent(".build/debug"))

        for directory in directories {
            let candidate = directory.appendingPathComponent("scorecard")
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue,
                fm.isExecutableFile(atPath: candidate.path)
            {
                return candidate.standardizedFileURL
            }
        }
        return directories[0].appendingPathComponent("scorecard")
    }()

    private static let cache = Mutex<[[String]: Result]>([:])

    /// `run(arguments)` in the package root with the default environment, once per argument
    /// list for the whole suite: the bundled data does not change, and a debug build takes a
    /// second or more per quarter read.
    static func cached(_ arguments: [String]) throws -> Result {
        if let known = cache.withLock({ $0[arguments] }) { return known }
        let result = try run(arguments)
        cache.withLock { $0[arguments] = result }
        return result
    }

    /// Runs `scorecard arguments…`. `environment` entries override the inherited environment;
    /// a nil value removes the variable. NO_COLOR is set and COLUMNS removed unless the caller says otherwise.
    static func run(
        _ arguments: [String], in directory: URL? = nil, environment: [String: String?] = [:]
    ) throws -> Result {
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        // Text is laid out for COLUMNS when it is set: none unless a test says so.
        env["COLUMNS"] = nil
        for (key, value) in environment { env[key] = value }

        let scratch = try TemporaryFolder(prefix: "scorecard-cli")
        defer { scratch.remove() }
        let outURL = URL(fileURLWithPath: scratch.file("stdout"))
        let errURL = URL(fileURLWithPath: scratch.file("stderr"))
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? packageRoot
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        // Files rather than pipes: no deadlock however much is written, and never a terminal.
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        try errHandle.close()
        return Result(
            status: process.terminationStatus,
            stdoutData: try Data(contentsOf: outURL),
            stderrData: try Data(contentsOf: errURL))
    }
}

/// A scratch copy of the bundled `rules/` and `seeds/`, to be broken on purpose; removed by
/// `remove()`. Paths in messages are relative to it (`rules/items.yaml`), as for a user.
struct Workspace {
    let folder: TemporaryFolder
    var root: URL { URL(fileURLWithPath: folder.path) }

    init() throws {
        folder = try TemporaryFolder(prefix: "scorecard-ws")
        for name in ["rules", "seeds"] {
            try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent(name), to: root.appendingPathComponent(name))
        }
    }

    func remove() { folder.remove() }

    func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    func run(_ arguments: [String], environment: [String: String?] = [:]) throws -> CLI.Result {
        try CLI.run(arguments, in: root, environment: environment)
    }

    func text(_ path: String) throws -> String {
        try String(contentsOf: url(path), encoding: .utf8)
    }

    func write(_ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: url(path))
    }

    /// Replaces exactly one occurrence of `old` in a UTF-8 file; fails the test otherwise, so a
    /// change in the bundled files cannot silently turn a breakage into a no-op.
    func replace(_ path: String, _ old: String, with new: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let text = try text(path)
        let parts = text.components(separatedBy: old)
        try #require(parts.count == 2, "expected exactly one “\(old)” in \(path)", sourceLocation: sourceLocation)
        try write(path, parts.joined(separator: new))
    }

    /// The same for bytes, for files that are not UTF-8 (the GB18030 quarter).
    func replaceBytes(_ path: String, _ old: [UInt8], with new: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let bytes = [UInt8](try Data(contentsOf: url(path)))
        var matches: [Int] = []
        if bytes.count >= old.count {
            for start in 0...(bytes.count - old.count) where bytes[start..<start + old.count].elementsEqual(old) {
                matches.append(start)
            }
        }
        try #require(matches.count == 1, "expected exactly one match in \(path), found \(matches.count)", sourceLocation: sourceLocation)
        var changed = bytes
        changed.replaceSubrange(matches[0]..<matches[0] + old.count, with: new)
        try Data(changed).write(to: url(path))
    }

    /// 1-based line and column (in Unicode scalars, as the tool counts) of the only occurrence
    /// of `needle` in a UTF-8 file.
    func position(of needle: String, in path: String) throws -> (line: Int, column: Int) {
        try place(of: needle, in: text(path))
    }
}

extension String {
    /// Without ANSI SGR sequences (ESC [ … m).
    var strippingANSI: String {
        replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
    }

    var containsANSI: Bool { contains("\u{1B}[") }

    /// Fields separated by runs of spaces.
    var fields: [String] { split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
}
