import ScorecardBase
import Testing
@testable import ScorecardRules

/// A small policy that loads cleanly, one section per file under `t/`, so a test can replace
/// one file and assert lines and columns counted from the top of that file.
enum Rules {
    static let policy = """
        policy:
          id: test
          name: 测试制度
          version: "1"
          effective: 2021-09-27
        scoring:
          total: 10
        funds:
          - id: party_building
            name: 党建经费

        """

    static let grades = """
        grades:
          bands:
            - name: 合格
              min: 6
            - name: 不合格
              min: 0
              below: 6

        """

    static let evidence = """
        evidence:
          fields:
            - id: reports_due
              type: integer
              default: 0
            - id: reports_on_time
              type: integer
              default: 0
          lists:
            - id: suggestions
              fields:
                - id: level
                  type: choice
                  choices: [矿, 区队]
                - id: note
                  type: text

        """

    static let items = """
        items:
          - id: i01
            title: 遵守规章
            points: 5
            clause: 考核标准1
            scoring: assessed
          - id: i02
            title: 按时上报
            points: 5
            clause: 考核标准2
            scoring:
              method: computed
              formula: if reports_due == 0 then 5 else 5 * reports_on_time / reports_due

        """

    static let rewards = """
        rewards:
          - id: adopted
            title: 建议采纳奖励
            fund: party_building
            per_record:
              list: suggestions
              by: level
              rates:
                矿: 30
                区队: 5

        """

    /// File stem → text; the file is `t/<stem>.yaml`.
    static let defaults: [String: String] = [
        "policy": policy, "grades": grades, "evidence": evidence, "items": items, "rewards": rewards,
    ]

    /// Loads the minimal policy with some files replaced or added (`""` leaves a file empty).
    static func load(_ overrides: [String: String] = [:]) -> Loaded {
        let files = defaults.merging(overrides) { _, new in new }
        let sources = files.keys.sorted().map { stem in
            RuleSource(displayPath: "t/\(stem).yaml", bytes: Array(files[stem]!.utf8))
        }
        return loadPolicy(sources: sources)
    }

    /// Loads one file on its own (a whole policy written in one document).
    static func loadSingle(_ text: String, as path: String = "t/all.yaml") -> Loaded {
        loadPolicy(sources: [RuleSource(displayPath: path, bytes: Array(text.utf8))])
    }

    /// The minimal policy's files with `items` replaced, for tests that care about one section.
    static func load(items: String) -> Loaded { load(["items": items]) }
    static func load(evidence: String) -> Loaded { load(["evidence": evidence]) }
}

/// What a load read with the problems it reported, which these tests look at together.
struct Loaded {
    var policy: Policy?
    var diagnostics: [Diagnostic]
    var keys: KeyPlaces
}

func loadPolicy(sources: [RuleSource], limits: InputLimits = .default) -> Loaded {
    var sink = DiagnosticSink()
    let loaded = PolicyLoader.load(sources: sources, limits: limits, sink: &sink)
    return Loaded(policy: loaded.policy, diagnostics: sink.diagnostics, keys: loaded.keys)
}

func loadPolicy(path: String, limits: InputLimits = .default) -> Loaded {
    var sink = DiagnosticSink()
    let loaded = PolicyLoader.load(path: path, limits: limits, sink: &sink)
    return Loaded(policy: loaded.policy, diagnostics: sink.diagnostics, keys: loaded.keys)
}

/// Every version under `path` with the problems reported on the way.
func loadVersions(path: String) -> (versions: PolicyVersions?, diagnostics: [Diagnostic]) {
    var sink = DiagnosticSink()
    let versions = PolicyLoader.loadVersions(path: path, sink: &sink)
    return (versions, sink.diagnostics)
}

extension Loaded {
    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    var codes: [String] { diagnostics.map(\.code) }

    /// Every diagnostic, one per line, for failure messages.
    var listing: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// Asserts that loading failed with exactly one error, `code`, at `file:line:column`, with a
/// message and a hint; `suggesting` must appear in the hint ("did you mean …").
/// Returns the diagnostic for further checks.
@discardableResult
func expectOnlyError(
    _ result: Loaded, _ code: String, at file: String, _ line: Int, _ column: Int,
    suggesting suggestion: String? = nil, hint needsHint: Bool = true,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    #expect(result.errors.count == 1, "expected one error, got:\n\(result.listing)", sourceLocation: sourceLocation)
    return expectError(result, code, at: file, line, column, suggesting: suggestion, hint: needsHint, sourceLocation: sourceLocation)
}

/// Like `expectOnlyError`, for a result that may hold other diagnostics too; exactly one has `code`.
@discardableResult
func expectError(
    _ result: Loaded, _ code: String, at file: String, _ line: Int, _ column: Int,
    suggesting suggestion: String? = nil, hint needsHint: Bool = true,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) -> Diagnostic? {
    #expect(result.policy == nil, "a policy with errors must not be returned", sourceLocation: sourceLocation)
    let matching = result.diagnostics.filter { $0.code == code }
    guard matching.count == 1, let diagnostic = matching.first else {
        Issue.record("expected one \(code), got:\n\(result.listing)", sourceLocation: sourceLocation)
        return nil
    }
    #expect(diagnostic.severity == .error, sourceLocation: sourceLocation)
    #expect(diagnostic.location?.file == file, "\(diagnostic)", sourceLocation: sourceLocation)
    #expect(diagnostic.location?.line == line, "\(diagnostic)", sourceLocation: sourceLocation)
    #expect(diagnostic.location?.column == column, "\(diagnostic)", sourceLocation: sourceLocation)
    #expect(!diagnostic.message.isEmpty, sourceLocation: sourceLocation)
    if needsHint {
        #expect(!(diagnostic.hint ?? "").isEmpty, "no hint: \(diagnostic)", sourceLocation: sourceLocation)
    }
    if let suggestion {
        #expect(
            (diagnostic.hint ?? "").contains(suggestion), "hint should suggest \(suggestion): \(diagnostic)", sourceLocation: sourceLocation
        )
    }
    return diagnostic
}

/// Asserts that the result has a policy and no diagnostics at all.
func expectClean(_ result: Loaded, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(result.diagnostics.isEmpty, "\(result.listing)", sourceLocation: sourceLocation)
    #expect(result.policy != nil, sourceLocation: sourceLocation)
}
