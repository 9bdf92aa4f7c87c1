import Foundation
import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardExpression
import ScorecardLedger
import ScorecardRules
import ScorecardTesting
import ScorecardYAML
import Testing

@testable import scorecard

/// Every diagnostic code the engine can emit appears in docs/ (rules.md, evidence.md,
/// output.md, ledger.md, diff.md, testing.md, limits.md) written as `code`, so a policy officer
/// who sees a code can look it up. The codes come from the layers' catalogs, not from a scan.
@Suite struct DiagnosticCodesDocumentedTests {
    /// Every layer's catalog: the codes the program can report.
    static let catalogs: [(name: String, codes: [String])] = [
        ("InputCode", InputCode.allCases.map(\.rawValue)),
        ("YAMLCode", YAMLCode.allCases.map(\.rawValue)),
        ("ExpressionCode", ExpressionCode.allCases.map(\.rawValue)),
        ("RulesCode", RulesCode.allCases.map(\.rawValue)),
        ("EvidenceCode", EvidenceCode.allCases.map(\.rawValue)),
        ("EvaluationCode", EvaluationCode.allCases.map(\.rawValue)),
        ("LedgerCode", LedgerCode.allCases.map(\.rawValue)),
        ("TestCaseCode", TestCaseCode.allCases.map(\.rawValue)),
        ("CommandCode", CommandCode.allCases.map(\.rawValue)),
    ]

    @Test func everyCatalogedCodeIsDocumented() throws {
        let root = CLI.packageRoot.path
        let docs = try ["rules.md", "evidence.md", "output.md", "ledger.md", "diff.md", "testing.md", "limits.md"]
            .map { try String(contentsOfFile: root + "/docs/" + $0, encoding: .utf8) }
            .joined(separator: "\n")
        let codes = Self.catalogs.flatMap(\.codes)
        #expect(codes.count > 150, "the catalogs hold the codes")
        let undocumented = codes.filter { !docs.contains("`\($0)`") }.sorted()
        #expect(undocumented.isEmpty, "not in docs/: \(undocumented)")
    }

    @Test func eachCodeIsDeclaredInOneCatalog() {
        var owner: [String: String] = [:]
        var twice: [String] = []
        for (name, codes) in Self.catalogs {
            for code in codes {
                if let first = owner[code] { twice.append("\(code)（\(first)、\(name)）") } else { owner[code] = name }
            }
        }
        #expect(twice.isEmpty, "declared twice: \(twice)")
    }
}
