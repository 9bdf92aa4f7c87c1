import ScorecardBase
@testable import ScorecardYAML

func load(_ text: String, limits: YAMLLimits = .default) -> YAMLLoadResult {
    YAMLLoader.load(bytes: Array(text.utf8), file: "规则.yaml", limits: limits)
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
