import ScorecardBase
import Testing
@testable import ScorecardRules

/// Whatever the mistake, the policy officer gets a place, a plain sentence and what to do.
@Suite struct HintTests {
    struct Broken: Sendable, CustomTestStringConvertible {
        var code: String
        var files: [String: String]
        var testDescription: String { code + " " + files.keys.sorted().joined(separator: ",") }

        init(_ code: String, _ files: [String: String]) {
            self.code = code
            self.files = files
        }
    }

    static let items = Rules.items
    static let cases: [Broken] = [
        Broken("rules.expected-list", ["eligibility": "eligibility:\n  criteria: x\n"]),
        Broken("rules.expected-list", ["roster": "roster:\n  selection: 选举\n"]),
        Broken("rules.expected-list", ["annual": "annual:\n  tie_breakers: officer_id\n  excellent: {count: 1}\n"]),
        Broken(
            "rules.expected-list",
            [
                "items": items.replacingOccurrences(
                    of: "    scoring: assessed", with: "    scoring:\n      method: assessed\n      conditions: x")
            ]),
        Broken("rules.expected-list", ["evidence": Rules.evidence.replacingOccurrences(of: "  lists:\n", with: "  checks: x\n  lists:\n")]),
        Broken("rules.expected-list", ["evidence": "evidence:\n  fields: x\n"]),
        Broken("rules.expected-list", ["evidence": "evidence:\n  lists: x\n"]),
        Broken("rules.expected-list", ["grades": "grades:\n  bands: x\n"]),
        Broken("rules.expected-list", ["rewards": "rewards: x\n"]),
        Broken("rules.complex-key", ["extra": "[a]: 1\n"]),
        Broken("rules.complex-key", ["items": items.replacingOccurrences(of: "    title: 遵守规章", with: "    title: 遵守规章\n    [a]: 1")]),
        Broken("rules.empty-choices", ["evidence": Rules.evidence.replacingOccurrences(of: "[矿, 区队]", with: "[]")]),
        Broken("rules.duplicate-choice", ["evidence": Rules.evidence.replacingOccurrences(of: "[矿, 区队]", with: "[矿, 区队, 矿]")]),
        Broken("rules.expected-text", ["items": items.replacingOccurrences(of: "title: 遵守规章", with: "title: [遵守, 规章]")]),
        Broken("rules.empty-value", ["items": items.replacingOccurrences(of: "title: 遵守规章", with: "title: \"\"")]),
        Broken("rules.expected-expression", ["items": ExpressionErrorTests.items(formula: "[5]")]),
        Broken("rules.no-grades", ["grades": "grades:\n  bands: []\n"]),
        Broken("rules.bad-total", ["policy": Rules.policy.replacingOccurrences(of: "total: 10", with: "total: 0")]),
        Broken("rules.expected-mapping", ["policy": Rules.policy.replacingOccurrences(of: "scoring:\n  total: 10", with: "scoring: 10")]),
        Broken(
            "rules.expected-mapping",
            ["rewards": "rewards:\n  - id: r\n    title: 奖励\n    fund: party_building\n    per_record: suggestions\n"]),
        Broken("rules.missing-section", ["items": ""]),
    ]

    @Test(arguments: cases)
    func everyErrorComesWithAPlaceASentenceAndAHint(_ broken: Broken) {
        let result = Rules.load(broken.files)
        #expect(result.codes.contains(broken.code), "\(result.listing)")
        #expect(result.policy == nil)
        for diagnostic in result.diagnostics {
            #expect(diagnostic.location != nil, "\(diagnostic)")
            #expect(!diagnostic.message.isEmpty, "\(diagnostic)")
            #expect(!(diagnostic.hint ?? "").isEmpty, "no hint: \(diagnostic)")
        }
    }
}
