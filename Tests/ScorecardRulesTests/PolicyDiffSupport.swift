import ScorecardBase
import Testing
@testable import ScorecardRules

/// Two versions of the small test policy (`Rules.defaults`), read from `old/` and `new/` so
/// that a change's two places can be told apart.
enum DiffPair {
    static func load(_ overrides: [String: String], folder: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> Policy? {
        loaded(overrides, folder: folder, sourceLocation: sourceLocation)?.policy
    }

    static func loaded(
        _ overrides: [String: String], folder: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> (policy: Policy, keys: KeyPlaces)? {
        let files = Rules.defaults.merging(overrides) { _, new in new }
        let sources = files.keys.sorted().compactMap { stem in
            files[stem].map { RuleSource(displayPath: "\(folder)/\(stem).yaml", bytes: Array($0.utf8)) }
        }
        let result = loadPolicy(sources: sources)
        #expect(!result.diagnostics.hasErrors, "\(folder): \(result.listing)", sourceLocation: sourceLocation)
        return result.policy.map { ($0, result.keys) }
    }

    /// The changes from the default policy with `old` overrides to it with `new` overrides.
    static func changes(
        old: [String: String] = [:], new: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> [PolicyChange] {
        guard let a = loaded(old, folder: "old", sourceLocation: sourceLocation),
            let b = loaded(new, folder: "new", sourceLocation: sourceLocation)
        else { return [] }
        return PolicyDiff.compare(old: a.policy, new: b.policy, oldKeys: a.keys, newKeys: b.keys)
    }
}

extension [PolicyChange] {
    var listing: String { map { "\($0.kind) \($0.path): \($0.old ?? "nil") → \($0.new ?? "nil")" }.joined(separator: "\n") }
}

/// Asserts that exactly one change has `path`, with this kind, values, places (`file:line`)
/// and clause.
func expectChange(
    _ changes: [PolicyChange], _ kind: String, _ path: String, old: String?, new: String?,
    oldAt: String?, newAt: String?, clause: String?, sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let matching = changes.filter { $0.path == path }
    guard matching.count == 1, let change = matching.first else {
        Issue.record("expected one change at \(path), got:\n\(changes.listing)", sourceLocation: sourceLocation)
        return
    }
    #expect(change.kind == kind, sourceLocation: sourceLocation)
    #expect(change.old == old, sourceLocation: sourceLocation)
    #expect(change.new == new, sourceLocation: sourceLocation)
    #expect(change.oldLocation.map { "\($0.file):\($0.line)" } == oldAt, sourceLocation: sourceLocation)
    #expect(change.newLocation.map { "\($0.file):\($0.line)" } == newAt, sourceLocation: sourceLocation)
    #expect(change.clause == clause, sourceLocation: sourceLocation)
    #expect(!change.summary.isEmpty, sourceLocation: sourceLocation)
    let action: PolicyChange.Action = old == nil ? .added : new == nil ? .removed : .changed
    #expect(change.action == action, sourceLocation: sourceLocation)
}
