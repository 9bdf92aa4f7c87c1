import ScorecardBase
import ScorecardEvidence
import ScorecardReport
import ScorecardRules
import ScorecardTesting

/// The old version's test cases (its `tests/` folder, on disk or at a git revision) run under
/// both versions, for `diff`; nil when the old version has none. Problems in the test files
/// are reported and those files left out.
func testImpactSection(oldSpec: String, old: Policy, new: Policy, color: Bool, display: DisplayOptions) -> TestImpactReport? {
    let label: String
    let sources: [RuleSource]
    // The versions kept with the old one tell which cases that choose by date are its.
    let versions: PolicyVersions?
    // The old version's rules were reported when it was loaded; loaded again here, their problems are not repeated.
    var ignored = DiagnosticSink()
    if FileSystem.kind(of: oldSpec) == .missing, let revision = GitRevision(oldSpec) {
        let folder = revision.path.hasSuffix("/") ? String(revision.path.dropLast()) : revision.path
        func at(_ name: String) -> GitRevision? { GitRevision("\(revision.revision):\(folder.isEmpty ? "" : folder + "/")\(name)") }
        guard let tests = at(PolicyVersions.testsFolder), let found = try? tests.sources() else { return nil }
        (label, sources) = (tests.label, found.sources)
        var policies = [old]
        if let own = try? revision.sources() {
            for name in own.otherVersions {
                if let other = try? at(name)?.sources(), let policy = PolicyLoader.load(sources: other.sources, sink: &ignored).policy {
                    policies.append(policy)
                }
            }
        }
        versions = PolicyVersions(versions: policies)
    } else {
        guard FileSystem.kind(of: oldSpec) == .directory else { return nil }
        let folder = FileSystem.join(oldSpec, PolicyVersions.testsFolder)
        guard FileSystem.kind(of: folder) == .directory, let found = try? TestFiles.at(folder, versions: nil) else { return nil }
        (label, sources) = (folder, found.map(\.source))
        versions = PolicyLoader.loadVersions(path: oldSpec, sink: &ignored)
    }
    guard !sources.isEmpty else { return nil }
    var sink = DiagnosticSink()
    let files = TestSuite.load(sources.map { TestSource(source: $0, defaultVersion: old.metadata.version) }, sink: &sink)
    if !sink.isEmpty {
        let renderer = DiagnosticRenderer(color: display.useColor(fileDescriptor: 2)) { path in
            guard let source = sources.first(where: { $0.displayPath == path }),
                let decoded = try? TextDecoding.decode(source.bytes, file: path)
            else { return sourceLines(path) }
            return SourceLines.split(decoded.text)
        }
        writeError(renderer.render(sink.diagnostics))
    }
    return TestImpactReport(impact: TestImpact.compare(files, old: old, new: new, versions: versions), label: label, color: color)
}
