import ScorecardBase
@testable import ScorecardYAML

/// What a load read and the problems it reported, which these tests look at together.
struct Loaded {
    var documents: [YAMLDocument]
    var diagnostics: [Diagnostic]
}

func loadYAML(bytes: [UInt8], file: String, limits: YAMLLimits = .default) -> Loaded {
    var sink = DiagnosticSink()
    let documents = YAMLLoader.load(bytes: bytes, file: file, limits: limits, sink: &sink)
    return Loaded(documents: documents, diagnostics: sink.diagnostics)
}

func loadYAML(contentsOf path: String, displayName: String? = nil) -> Loaded {
    var sink = DiagnosticSink()
    let documents = YAMLLoader.load(contentsOf: path, displayName: displayName, sink: &sink)
    return Loaded(documents: documents, diagnostics: sink.diagnostics)
}

func load(_ text: String, limits: YAMLLimits = .default) -> Loaded {
    loadYAML(bytes: Array(text.utf8), file: "规则.yaml", limits: limits)
}

/// The single document of `text`, which must load without errors.
func root(_ text: String) -> YAMLNode? {
    let result = load(text)
    guard !result.diagnostics.hasErrors, result.documents.count == 1 else { return nil }
    return result.documents[0].root
}

func at(_ line: Int, _ column: Int) -> SourceLocation {
    SourceLocation(file: "规则.yaml", line: line, column: column)
}
