import FuzzSupport
import ScorecardBase
import ScorecardRules

/// The rules loader end to end on any bytes: the input is split at NUL bytes into rule files
/// (`t/0.yaml`, `t/1.yaml`, …, read in that order, as a folder's files are), loaded and checked
/// as one policy; a policy that loads is compared with itself (no change) and with the bundled
/// shape of an empty one. Every problem must be placed in one of the files.
FuzzDriver.run { data, size in
    let bytes = FuzzDriver.bytes(data, size)
    let files = bytes.split(separator: 0, maxSplits: 8, omittingEmptySubsequences: false)
    let sources = files.enumerated().map { RuleSource(displayPath: "t/\($0.offset).yaml", bytes: Array($0.element)) }
    let names = Set(sources.map(\.displayPath))
    var problems = DiagnosticSink()
    let loaded = PolicyLoader.load(sources: sources, limits: InputLimits(yamlFileBytes: 1 << 20), sink: &problems)
    for diagnostic in problems.diagnostics {
        if let file = diagnostic.location?.file { fuzzCheck(names.contains(file), "placed outside the files: \(diagnostic)") }
    }
    if let policy = loaded.policy {
        fuzzCheck(PolicyDiff.compare(old: policy, new: policy).isEmpty, "a policy differs from itself")
    }
    return 0
}
