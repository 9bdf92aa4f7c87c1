import Testing
import ScorecardBase
@testable import ScorecardRules

@Suite struct IncompletePolicyTests {
    private let policy = """
        policy: {id: p, name: 测试, version: "1", effective: 2025-01-01}
        scoring: {total: 10}
        funds: [{id: fund_a, name: 经费}]
        """
    private let items = """
        items:
          - {id: a, title: 甲, points: 5, clause: "1", scoring: assessed}
          - {id: b, title: 乙, points: 5, clause: "2", scoring: assessed}
        rewards:
          - {id: r, title: 奖, fund: fund_a, formula: "10"}
        """

    @Test func aSyntaxErrorInOneFileDoesNotFloodTheOthersWithEchoes() {
        let broken = "policy: {id: p, name: 测试, version: \"1\", effective: 2025-01-01}\nscoring: {total: [10\n"
        let result = loadPolicy(sources: [
            RuleSource(displayPath: "r/policy.yaml", bytes: Array(broken.utf8)),
            RuleSource(displayPath: "r/items.yaml", bytes: Array(items.utf8)),
        ])
        let codes = result.diagnostics.map(\.code)
        #expect(codes.contains("yaml.syntax"))
        #expect(codes.contains("rules.incomplete"))
        #expect(!codes.contains("rules.missing-section"))
        #expect(!codes.contains("rules.unknown-fund"))
        #expect(result.policy == nil)
    }

    @Test func errorsInReadableFilesAreStillReportedAlongsideASyntaxError() {
        let broken = "evidence: {fields: [\n"
        let misspelt = items.replacingOccurrences(of: "clause: \"1\"", with: "clause: \"1\", pionts: 1")
        let result = loadPolicy(sources: [
            RuleSource(displayPath: "r/a.yaml", bytes: Array(policy.utf8)),
            RuleSource(displayPath: "r/b.yaml", bytes: Array(broken.utf8)),
            RuleSource(displayPath: "r/c.yaml", bytes: Array(misspelt.utf8)),
        ])
        let codes = result.diagnostics.map(\.code)
        #expect(codes.contains("yaml.syntax"))
        #expect(codes.contains("rules.unknown-key"))
    }
}

private extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        var out = ""
        var rest = self[...]
        while let range = rest.firstRange(of: target) {
            out += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return out + rest
    }
}
