import ScorecardBase

/// Every version of a policy kept in one rule folder, each with its date of effect.
///
/// A folder's own `.yaml` files are one complete version; each subfolder holding `.yaml` files
/// is another complete version (by convention named for its effective date, e.g.
/// `rules/2025-07-01/`). A run uses the version in force: the latest effective date on or
/// before the first day of the quarter assessed. A subfolder named `tests` holds test cases
/// (`scorecard test`), never a version.
public struct PolicyVersions: Sendable {
    /// The folder beside a version's rule files that holds its test cases: not a version.
    public static let testsFolder = "tests"

    /// Oldest first.
    public private(set) var versions: [Policy]

    public init(versions: [Policy]) {
        self.versions = versions.sorted { $0.metadata.effective < $1.metadata.effective }
    }

    /// The version in force on `date`: the latest effective on or before it.
    public func inForce(on date: LocalDate) -> Policy? {
        versions.last { $0.metadata.effective <= date }
    }

    /// The version in force for a quarter: the one in force on its first day.
    public func inForce(for quarter: Quarter) -> Policy? { inForce(on: quarter.firstDay) }

    /// A version named by its `policy.version` or by its folder (as given on the command line).
    public func version(named name: String) -> Policy? {
        versions.first { $0.metadata.version == name }
            ?? versions.first { policy in
                guard let file = policy.files.first else { return false }
                let folder = Self.folder(of: file)
                return folder == name || folder.split(separator: "/").last.map(String.init) == name
            }
    }

    /// The newest version, for checks that concern the rules rather than a quarter.
    public var latest: Policy? { versions.last }

    static func folder(of file: String) -> String {
        guard let slash = file.lastIndex(of: "/") else { return "." }
        return String(file[..<slash])
    }

    /// Words for messages: `2021.1（2021-09-27 起）、2025.3（2025-07-01 起）`.
    public var summary: String {
        versions.map { "\($0.metadata.version)（\($0.metadata.effective) 起）" }.joined(separator: "、")
    }
}

extension PolicyLoader {
    /// Loads every version under `path` (see `PolicyVersions`), reporting every problem in every
    /// version, then checks the versions against each other. Nil when any version has errors:
    /// a rule folder is checked whole.
    public static func loadVersions(path: String, limits: InputLimits = .default, sink: inout DiagnosticSink) -> PolicyVersions? {
        guard FileSystem.kind(of: path) == .directory else {
            return load(path: path, limits: limits, sink: &sink).policy.map { PolicyVersions(versions: [$0]) }
        }
        var folders: [String] = []
        // The versions' own problems, apart from any the caller's sink already holds.
        var found = DiagnosticSink()
        let names: [String]
        do throws(Diagnostic) { names = try FileSystem.list(path) } catch {
            sink.append(error)
            return nil
        }
        if names.contains(where: isRuleFile) { folders.append(path) }
        for name in names where !name.hasPrefix(".") && name != PolicyVersions.testsFolder {
            let sub = FileSystem.join(path, name)
            guard FileSystem.kind(of: sub) == .directory else { continue }
            // A folder named for a date is meant as a version: one that leads back to the
            // rule folder or above it, or that holds no rule file, is said, not skipped quietly.
            let dated = LocalDate(name) != nil
            if dated, let loop = loopProblem(sub, in: path) {
                found.append(loop)
                continue
            }
            guard let inner = try? FileSystem.list(sub), inner.contains(where: isRuleFile) else {
                if dated {
                    found.append(RulesMessages.emptyVersionFolder(sub))
                }
                continue
            }
            folders.append(sub)
        }
        if folders.isEmpty {
            found.append(RulesMessages.emptyFolder(path))
            sink.append(contentsOf: found.diagnostics)
            return nil
        }
        var policies: [Policy] = []
        var allLoaded = true
        for folder in folders {
            if let policy = load(path: folder, limits: limits, sink: &found).policy { policies.append(policy) } else { allLoaded = false }
        }
        crossVersionProblems(policies, sink: &found)
        let ok = allLoaded && !found.hasErrors
        sink.append(contentsOf: found.diagnostics)
        return ok ? PolicyVersions(versions: policies) : nil
    }

    /// A version folder that is the rule folder itself or one above it (a link to `.` or `..`):
    /// read as a version it would be the policy again, or whatever lies above.
    private static func loopProblem(_ sub: String, in path: String) -> Diagnostic? {
        guard let resolved = FileSystem.resolvedPath(sub), let root = FileSystem.resolvedPath(path) else { return nil }
        let isAncestor = resolved == root || resolved == "/" || root.hasPrefix(resolved + "/")
        guard isAncestor else { return nil }
        return RulesMessages.versionFolderLoop(sub, resolved: resolved)
    }

    private static func isRuleFile(_ name: String) -> Bool {
        !name.hasPrefix(".") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
    }

    /// Versions of one policy: the same id, distinct version names, distinct dates.
    static func crossVersionProblems(_ policies: [Policy], sink problems: inout DiagnosticSink) {
        let sorted = policies.sorted { $0.metadata.effective < $1.metadata.effective }
        if let first = sorted.first {
            for other in sorted.dropFirst() where other.metadata.id != first.metadata.id {
                problems.append(RulesMessages.versionPolicyId(other.metadata, first: first.metadata))
            }
        }
        for (index, policy) in sorted.enumerated() {
            for earlier in sorted[..<index] {
                if earlier.metadata.effective == policy.metadata.effective {
                    problems.append(RulesMessages.versionSameDate(policy.metadata, earlier: earlier.metadata))
                }
                if earlier.metadata.version == policy.metadata.version {
                    problems.append(RulesMessages.versionSameName(policy.metadata, earlier: earlier.metadata))
                }
            }
        }
    }
}
