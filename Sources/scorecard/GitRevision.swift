import ScorecardBase
import ScorecardRules

/// Rule files as they were at a git revision (`HEAD~1:rules`), read with `git` itself so that
/// a draft can be compared with the version committed, without checking anything out.
struct GitRevision {
    /// As given: `HEAD~1`.
    var revision: String
    /// As given: `rules`, relative to the current folder.
    var path: String

    /// `REV:path` split at its first colon; nil when there is no colon.
    init?(_ spec: String) {
        guard let colon = spec.firstIndex(of: ":"), colon != spec.startIndex else { return nil }
        revision = String(spec[..<colon])
        path = String(spec[spec.index(after: colon)...])
    }

    var label: String { "\(revision):\(path)" }

    /// git reads `REV:./path` relative to the current folder, as every other path here is.
    private var object: String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        if trimmed.isEmpty { return "\(revision):./" }
        return trimmed.hasPrefix("/") || trimmed.hasPrefix("./") || trimmed.hasPrefix("../")
            ? "\(revision):\(trimmed)" : "\(revision):./\(trimmed)"
    }

    private var shownFolder: String { path.hasSuffix("/") ? String(path.dropLast()) : path }

    /// The rule files at the revision (a file, or a folder's own `.yaml` files in name order),
    /// shown as `HEAD~1:rules/items.yaml`; and the names of sub-folders that hold other versions.
    func sources() throws(Diagnostic) -> (sources: [RuleSource], otherVersions: [String]) {
        guard let inside = GitProcess.run(["rev-parse", "--is-inside-work-tree"]) else {
            throw CommandMessages.gitUnavailable(label)
        }
        guard inside.succeeded else {
            throw CommandMessages.notACheckout(label)
        }
        guard let commit = GitProcess.run(["rev-parse", "--verify", "--quiet", "\(revision)^{commit}"]), commit.succeeded else {
            throw CommandMessages.unknownRevision(revision)
        }
        guard let type = GitProcess.run(["cat-file", "-t", object]), type.succeeded else {
            throw CommandMessages.notInRevision(path, revision: revision)
        }
        if String(decoding: type.stdout, as: UTF8.self).hasPrefix("blob") {
            return try ([RuleSource(displayPath: label, bytes: blob(object))], [])
        }
        let listed = GitProcess.run(["ls-tree", "-z", object])
        guard let listing = listed, listing.succeeded else { throw gitFailed(listed) }
        var files: [(name: String, id: String)] = []
        var folders: [(name: String, id: String)] = []
        for entry in listing.stdout.split(separator: 0) {
            // `<mode> <type> <object>\t<name>`
            guard let tab = entry.firstIndex(of: 9) else { continue }
            let fields = entry[..<tab].split(separator: 32).map { String(decoding: $0, as: UTF8.self) }
            let name = String(decoding: entry[entry.index(after: tab)...], as: UTF8.self)
            guard fields.count == 3, !name.hasPrefix(".") else { continue }
            if fields[1] == "blob", name.hasSuffix(".yaml") || name.hasSuffix(".yml") { files.append((name, fields[2])) }
            if fields[1] == "tree", name != PolicyVersions.testsFolder { folders.append((name, fields[2])) }
        }
        if files.isEmpty {
            throw CommandMessages.noRuleFiles(path, revision: revision)
        }
        var sources: [RuleSource] = []
        for file in files.sorted(by: { $0.name < $1.name }) {
            let bytes = try blob(file.id)
            let shown = shownFolder.isEmpty ? "\(revision):\(file.name)" : "\(revision):\(shownFolder)/\(file.name)"
            sources.append(RuleSource(displayPath: shown, bytes: bytes))
        }
        let versions = folders.filter { folder in
            guard let inner = GitProcess.run(["ls-tree", "--name-only", "-z", folder.id]), inner.succeeded else { return false }
            return inner.stdout.split(separator: 0).contains { name in
                let text = String(decoding: name, as: UTF8.self)
                return text.hasSuffix(".yaml") || text.hasSuffix(".yml")
            }
        }.map(\.name).sorted()
        return (sources, versions)
    }

    private func blob(_ object: String) throws(Diagnostic) -> [UInt8] {
        let run = GitProcess.run(["cat-file", "blob", object])
        guard let output = run, output.succeeded else { throw gitFailed(run) }
        return output.stdout
    }

    /// git's own words, when it said any, are the hint: they name what went wrong.
    private func gitFailed(_ output: GitProcess.Output?) -> Diagnostic {
        let said = output.map(\.message).flatMap { $0.isEmpty ? nil : $0 }
        return CommandMessages.gitFailed(label, said: said, ran: output != nil)
    }
}
