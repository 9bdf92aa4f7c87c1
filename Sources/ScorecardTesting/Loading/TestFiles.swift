import ScorecardBase
import ScorecardRules

/// A test file's bytes and the version its cases run under when they name none.
package struct TestSource: Sendable {
    package var source: RuleSource
    package var defaultVersion: String?

    package init(source: RuleSource, defaultVersion: String?) {
        self.source = source
        self.defaultVersion = defaultVersion
    }
}

/// Where test files are kept: `tests/` beside each version's rule files (`rules/tests/` for the
/// folder's own version, `rules/2025-07-01/tests/` for that one), `.yaml` files in name order.
package enum TestFiles {
    /// The tests of every version of the rules at `rulesPath`, the folder's own first.
    package static func of(rulesPath: String, versions: PolicyVersions) throws(Diagnostic) -> [TestSource] {
        var folders: [String] = []
        for policy in versions.versions {
            let folder = testsFolder(of: policy)
            if !folders.contains(folder) { folders.append(folder) }
        }
        let own = testsFolder(ofRulesAt: rulesPath)
        if let index = folders.firstIndex(of: own) { folders.insert(folders.remove(at: index), at: 0) }
        var sources: [TestSource] = []
        for folder in folders where FileSystem.kind(of: folder) == .directory {
            sources += try files(in: folder, versions: versions)
        }
        return sources
    }

    /// The test files at a path given on the command line: one file, a folder of test files, or
    /// a rule folder (its `tests/` and its version folders' `tests/`).
    package static func at(_ path: String, versions: PolicyVersions?) throws(Diagnostic) -> [TestSource] {
        switch FileSystem.kind(of: path) {
        case .missing:
            throw TestCaseMessages.notFound(path)
        case .other:
            throw TestCaseMessages.notRegularFile(path)
        case .file:
            let bytes = try FileSystem.read(path)
            return [
                TestSource(
                    source: RuleSource(displayPath: path, bytes: bytes), defaultVersion: defaultVersion(ofFile: path, versions: versions))
            ]
        case .directory:
            // A rule folder: its own tests/ and those of the version folders in it.
            var folders: [String] = []
            for folder in [path] + subfolders(of: path) {
                let inner = FileSystem.join(folder, PolicyVersions.testsFolder)
                if FileSystem.kind(of: inner) == .directory { folders.append(inner) }
            }
            guard !folders.isEmpty else { return try files(in: path, versions: versions) }
            var sources: [TestSource] = []
            for folder in folders { sources += try files(in: folder, versions: versions) }
            return sources
        }
    }

    /// The folders directly in `path` (not hidden, not `tests`), in name order.
    private static func subfolders(of path: String) -> [String] {
        guard let names = try? FileSystem.list(path) else { return [] }
        return names.filter { !$0.hasPrefix(".") && $0 != PolicyVersions.testsFolder }.sorted()
            .map { FileSystem.join(path, $0) }.filter { FileSystem.kind(of: $0) == .directory }
    }

    private static func files(in folder: String, versions: PolicyVersions?) throws(Diagnostic) -> [TestSource] {
        let names = try FileSystem.list(folder).filter { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }
            .sorted()
        var sources: [TestSource] = []
        for name in names {
            let path = FileSystem.join(folder, name)
            let bytes = try FileSystem.read(path)
            sources.append(
                TestSource(
                    source: RuleSource(displayPath: path, bytes: bytes), defaultVersion: defaultVersion(ofFile: path, versions: versions)))
        }
        return sources
    }

    /// The tests folder beside a version's rule files.
    static func testsFolder(of policy: Policy) -> String {
        FileSystem.join(folder(of: policy.files.first ?? "."), PolicyVersions.testsFolder)
    }

    /// The tests folder of the rules named on the command line: inside a folder, beside a file.
    static func testsFolder(ofRulesAt path: String) -> String {
        let trimmed = tidy(path)
        let base = FileSystem.kind(of: trimmed) == .file ? folder(of: trimmed) : trimmed
        return FileSystem.join(base, PolicyVersions.testsFolder)
    }

    /// The version whose folder holds the file's `tests/` folder; with a single version, that one.
    static func defaultVersion(ofFile path: String, versions: PolicyVersions?) -> String? {
        guard let versions else { return nil }
        let parent = folder(of: tidy(path))
        if parent == PolicyVersions.testsFolder || parent.hasSuffix("/" + PolicyVersions.testsFolder) {
            let owner = parent == PolicyVersions.testsFolder ? "." : folder(of: parent)
            if let policy = versions.versions.first(where: { folder(of: tidy($0.files.first ?? "")) == owner }) {
                return policy.metadata.version
            }
        }
        return versions.versions.count == 1 ? versions.versions.first?.metadata.version : nil
    }

    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Without `./` in front or `/` at the end, so paths written either way compare equal.
    static func tidy(_ path: String) -> String {
        var text = Substring(path)
        while text.hasPrefix("./") { text = text.dropFirst(2) }
        while text.count > 1, text.hasSuffix("/") { text = text.dropLast() }
        return String(text)
    }
}
