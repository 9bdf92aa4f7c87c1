import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardRules
@testable import ScorecardEvidence

/// A whole evidence folder on disk, roster included, read under a two-item policy with one
/// count (`due`, 应报次数) and a suggestions list (`level`, 采纳层级): for what only shows when the
/// folder, the roster and the quarter's files are read together.
enum WholeFolder {
    static let rules = """
        policy: {id: p, name: 测试, version: "1", effective: 2025-01-01}
        scoring: {total: 10}
        evidence:
          fields:
            - {id: due, name: 应报次数, type: integer, min: 0}
          lists:
            - id: suggestions
              fields:
                - {id: level, name: 采纳层级, type: choice, choices: [矿, 区队]}
        items:
          - {id: a, title: 甲, points: 5, clause: "1", scoring: assessed}
          - {id: b, title: 乙, points: 5, clause: "2", scoring: {method: computed, formula: "if due == 0 then 5 else 4"}}
        """

    /// Two officers, with a column the roster does not know (备注).
    static let roster = "officer,name,unit,area,备注\n1,甲,一队,甲班,新任\n2,乙,一队,乙班,\n"

    /// One quarter of a folder made of `files`, with the roster's problems first; the folder is
    /// removed after.
    static func load(_ files: [String: String], quarter: Quarter) throws -> (QuarterEvidence, [Diagnostic]) {
        var problems = DiagnosticSink()
        let policy = try #require(
            PolicyLoader.load(sources: [RuleSource(displayPath: "r.yaml", bytes: Array(rules.utf8))], sink: &problems).policy)
        return try withTemporaryFolder { scratch in
            try scratch.write(files)
            let folder = EvidenceFolder(root: scratch.path)
            var sink = DiagnosticSink()
            let roster = folder.loadRoster(sink: &sink)
            let evidence = folder.loadQuarter(quarter, policy: policy, roster: roster, sink: &sink)
            return (evidence, sink.diagnostics)
        }
    }
}
