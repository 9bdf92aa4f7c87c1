import ScorecardBase
import ScorecardEvidence
import ScorecardReport
import ScorecardRules

/// One side of `scorecard diff`: a rule file or folder on disk, or `REV:path` in a git checkout,
/// loaded as one version. A folder's own `.yaml` files are that version; sub-folders holding
/// further versions are not compared, and a note says how to name one.
struct DiffSide {
    var label: String
    var policy: Policy?
    var diagnostics: [Diagnostic]
    var notes: [String]
    /// The files read, kept so that problems in files from a revision can show their lines.
    var sources: [RuleSource]
    /// Where each key was written, so that a change points at its key.
    var keys = KeyPlaces()

    static func load(_ spec: String, limits: InputLimits = .default) -> DiffSide {
        if FileSystem.kind(of: spec) == .missing, let revision = GitRevision(spec) {
            let found: (sources: [RuleSource], otherVersions: [String])
            do throws(Diagnostic) { found = try revision.sources() } catch {
                return DiffSide(label: spec, policy: nil, diagnostics: [error], notes: [], sources: [])
            }
            let folder = revision.path.hasSuffix("/") ? String(revision.path.dropLast()) : revision.path
            let named = found.otherVersions.map { "\(revision.revision):\(folder.isEmpty ? "" : folder + "/")\($0)" }
            return loaded(spec, sources: found.sources, otherVersions: named, limits: limits)
        }
        do throws(Diagnostic) {
            let sources = try RuleFiles.sources(at: spec, maxFileBytes: limits.yamlFileBytes)
            return loaded(spec, sources: sources, otherVersions: versionFolders(in: spec), limits: limits)
        } catch {
            return DiffSide(label: spec, policy: nil, diagnostics: [error], notes: [], sources: [])
        }
    }

    private static func loaded(_ spec: String, sources: [RuleSource], otherVersions: [String], limits: InputLimits) -> DiffSide {
        var problems = DiagnosticSink()
        let result = PolicyLoader.load(sources: sources, limits: limits, sink: &problems)
        var notes: [String] = []
        if !otherVersions.isEmpty {
            notes.append(
                "“\(spec)”中还有别的版本（\(otherVersions.joined(separator: "、"))），这里只比较文件夹本身的文件；"
                    + "要比较其中一个，请写出它的路径，如 \(otherVersions[0])")
        }
        return DiffSide(
            label: spec, policy: result.policy, diagnostics: problems.diagnostics, notes: notes, sources: sources, keys: result.keys)
    }

    /// Sub-folders of `path` that hold rule files: the other versions kept beside this one.
    private static func versionFolders(in path: String) -> [String] {
        guard FileSystem.kind(of: path) == .directory, let names = try? FileSystem.list(path) else { return [] }
        return names.filter { !$0.hasPrefix(".") && $0 != PolicyVersions.testsFolder }.sorted().compactMap { name in
            let sub = FileSystem.join(path, name)
            guard FileSystem.kind(of: sub) == .directory, let inner = try? FileSystem.list(sub),
                inner.contains(where: { !$0.hasPrefix(".") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) })
            else { return nil }
            return sub
        }
    }

    /// Lines of a file this side read, for diagnostics: from memory for a revision's files.
    var sourceLines: SourceLines.Loader {
        let files = sources
        return { path in
            guard let source = files.first(where: { $0.displayPath == path }) else { return scorecard.sourceLines(path) }
            guard let decoded = try? TextDecoding.decode(source.bytes, file: path) else { return nil }
            return SourceLines.split(decoded.text)
        }
    }
}
