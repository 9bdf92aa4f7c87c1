import FuzzSupport
import ScorecardBase
import ScorecardYAML

/// The YAML layer on any bytes: the loader (libyaml's events, the tree, anchors and merge keys,
/// the limits) and the source lines diagnostics echo. Never a crash, and every diagnostic placed
/// inside the file it names.
FuzzDriver.run { data, size in
    let bytes = FuzzDriver.bytes(data, size)
    var sink = DiagnosticSink()
    _ = YAMLLoader.load(bytes: bytes, file: "fuzz.yaml", limits: YAMLLimits(maxNodes: 5_000, maxDepth: 64), sink: &sink)
    let lines = YAMLSourceLines.lines(of: bytes)
    for diagnostic in sink.diagnostics {
        guard let location = diagnostic.location else { continue }
        fuzzCheck(location.line >= 1 && location.column >= 1, "\(diagnostic)")
        fuzzCheck(location.line <= lines.count + 1, "line past the end: \(diagnostic) of \(lines.count) lines")
    }
    return 0
}
