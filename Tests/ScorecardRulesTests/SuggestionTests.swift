import ScorecardBase
import Testing

@testable import ScorecardRules

/// A "did you mean" is a value: the word meant and the place it would replace, worded once.
@Suite struct SuggestionTests {
    private static let policy = """
        policy: {id: p, name: 测试, version: "1", effective: 2025-01-01}
        scoring: {total: 5}
        funds: [{id: fund_a, name: 经费}]
        items:
          - {id: a, title: 甲, pionts: 5, clause: "1", scoring: assessed}
        """

    private func problem(_ code: String) throws -> Diagnostic {
        let result = loadPolicy(sources: [RuleSource(displayPath: "r/policy.yaml", bytes: Array(Self.policy.utf8))])
        return try #require(result.diagnostics.first { $0.code == code }, "\(result.diagnostics)")
    }

    @Test func aMisspeltKeySuggestsTheKeyInItsPlace() throws {
        let misspelt = try problem(RulesCode.unknownKey.rawValue)
        let suggestion = try #require(misspelt.suggestion)
        #expect(suggestion.replacement == "points")
        #expect(suggestion.range == misspelt.location)
        #expect(suggestion.range?.length == "pionts".count)
        #expect(misspelt.hint == "是否想写“points”？")
    }

    @Test func theAdviceStaysAfterTheQuestionWhenKept() {
        let place = SourceLocation(file: "r.yaml", line: 3, column: 5, length: 2)
        let problem = Diagnostic.error(RulesCode.unknownWord, "m", hint: "可选：季度、年度", at: place)
        #expect(problem.suggesting(nil, replacing: place, keepingHint: true).hint == "可选：季度、年度")
        #expect(problem.suggesting("季度", replacing: place, keepingHint: true).hint == "是否想写“季度”？可选：季度、年度")
        #expect(problem.suggesting("季度", replacing: place).hint == "是否想写“季度”？")
    }

    @Test func settingAHintReplacesTheSuggestion() {
        var problem = Diagnostic.error(RulesCode.unknownKey, "m", at: nil).suggesting("points", replacing: nil)
        problem.hint = "另写"
        #expect(problem.suggestion == nil)
        #expect(problem.hint == "另写")
    }
}
