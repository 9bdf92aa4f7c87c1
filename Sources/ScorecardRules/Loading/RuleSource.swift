import ScorecardBase

/// One rule file's bytes and the name to show for it. Lets the loader read folders on disk and,
/// later, files taken from a git revision, the same way.
public struct RuleSource: Sendable, Hashable {
    public var displayPath: String
    public var bytes: [UInt8]

    public init(displayPath: String, bytes: [UInt8]) {
        self.displayPath = displayPath
        self.bytes = bytes
    }
}

/// Finds the rule files of a policy: a single file, or every `.yaml`/`.yml` file directly in a
/// folder, in name order so that results never depend on the file system's listing order.
public enum RuleFiles {
    /// A file larger than `maxFileBytes` is read one byte past it, for the YAML loader to refuse.
    public static func sources(at path: String, maxFileBytes: Int = InputLimits.default.yamlFileBytes) throws(Diagnostic) -> [RuleSource] {
        func read(_ file: String) throws(Diagnostic) -> RuleSource {
            switch try FileSystem.read(file, limit: maxFileBytes + 1) {
            case .complete(let bytes), .tooLarge(let bytes): return RuleSource(displayPath: file, bytes: bytes)
            }
        }
        switch FileSystem.kind(of: path) {
        case .missing:
            throw RulesMessages.rulesNotFound(path)
        case .other:
            throw FileSystem.notRegularFile(path, what: FileSystem.kindName(of: path))
        case .file:
            return try [read(path)]
        case .directory:
            let names: [String]
            names = try FileSystem.list(path)
            let yamlNames = names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }.sorted()
            if yamlNames.isEmpty {
                throw RulesMessages.noRuleFiles(path)
            }
            var sources: [RuleSource] = []
            for name in yamlNames {
                let filePath = FileSystem.join(path, name)
                try sources.append(read(filePath))
            }
            return sources
        }
    }
}
