import ScorecardBase

/// One `---` document of a file.
public struct YAMLDocument: Hashable, Sendable {
    public var root: YAMLNode
    /// Where the document starts (its `---`, or its first node when there is none).
    public var location: SourceLocation

    public init(root: YAMLNode, location: SourceLocation) {
        self.root = root
        self.location = location
    }
}

/// Bounds that keep a hostile or mistaken file from exhausting memory or the stack.
public struct YAMLLimits: Sendable {
    /// Nodes in the loaded trees after alias expansion.
    public var maxNodes: Int
    /// Nesting of mappings and lists.
    public var maxDepth: Int
    /// Bytes in one file; a larger one is refused where it passes the limit, unread.
    public var maxFileBytes: Int

    public init(maxNodes: Int = 100_000, maxDepth: Int = 200, maxFileBytes: Int = InputLimits.default.yamlFileBytes) {
        self.maxNodes = maxNodes
        self.maxDepth = maxDepth
        self.maxFileBytes = maxFileBytes
    }

    /// The default bounds with the file size of `limits`.
    public init(_ limits: InputLimits) {
        self.init(maxFileBytes: limits.yamlFileBytes)
    }

    public static let `default` = YAMLLimits()
}

public enum YAMLLoader {
    /// The documents that could be read from a file; every problem found on the way goes to
    /// `sink` (collected, not thrown one at a time).
    ///
    /// A file that is empty or holds only comments has zero documents; a bare `---` gives one
    /// document whose root is a null scalar. A syntax error or a hit limit (alias bomb, nesting)
    /// stops reading: the documents before it are kept, the one it occurred in is left out.
    /// A document with duplicate keys or undefined aliases is kept (first key wins; an undefined
    /// alias reads as null) so later layers can report more problems in the same run.
    public static func load(
        bytes: [UInt8], file: String, limits: YAMLLimits = .default, sink: inout DiagnosticSink
    ) -> [YAMLDocument] {
        if bytes.count > limits.maxFileBytes {
            sink.append(
                InputLimits.fileTooLarge(file, prefix: bytes, limit: limits.maxFileBytes, setting: InputLimits.yamlFile, what: "文件"))
            return []
        }
        let body: ArraySlice<UInt8>
        do throws(Diagnostic) { body = try YAMLEncodingCheck.check(bytes, file: file) } catch {
            sink.append(error)
            return []
        }
        let source = YAMLSourceText(bytes: body, file: file)
        var reader = YAMLEventReader(bytes: body)
        var builder = YAMLTreeBuilder(file: file, limits: limits, source: source, body: body)
        return builder.documents(from: &reader, sink: &sink)
    }

    /// Reads the file; `file` in locations is `displayName ?? path`.
    public static func load(
        contentsOf path: String, displayName: String? = nil, limits: YAMLLimits = .default, sink: inout DiagnosticSink
    ) -> [YAMLDocument] {
        let file = displayName ?? path
        let kind = FileSystem.kind(of: path)
        // One byte past the limit is read, so that `load(bytes:)` sees the file is too large.
        var outcome: FileSystem.LimitedRead?
        var readProblem: Diagnostic?
        if kind == .file || kind == .other {
            do throws(Diagnostic) { outcome = try FileSystem.read(path, limit: limits.maxFileBytes + 1) } catch { readProblem = error }
        }
        if kind == .other {
            sink.append(FileSystem.notRegularFile(file, what: FileSystem.kindName(of: path)))
            return []
        }
        if let readProblem, readProblem.code == InputCode.notRegularFile {
            sink.append(readProblem) // swapped for a FIFO since
            return []
        }
        guard let outcome else {
            sink.append(YAMLMessages.unreadable(file, path: path, kind: kind))
            return []
        }
        switch outcome {
        case .complete(let data), .tooLarge(let data): return load(bytes: data, file: file, limits: limits, sink: &sink)
        }
    }
}
