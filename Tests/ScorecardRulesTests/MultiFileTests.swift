import ScorecardBase
import Testing
import ScorecardTestSupport
@testable import ScorecardRules

/// A folder is one policy: list sections join across files, problems from all files come back together.
@Suite struct MultiFileTests {
    static let firstItems = """
        items:
          - id: i01
            title: 遵守规章
            points: 5
            clause: 考核标准1
            scoring: assessed

        """

    static let secondItems = """
        items:
          - id: i02
            title: 按时上报
            points: 5
            clause: 考核标准2
            scoring: assessed

        """

    @Test func threeFilesWithOneErrorEachGiveThreeDiagnosticsSortedByFileAndLine() {
        let result = Rules.load([
            "policy": Rules.policy.replacingOccurrences(of: "2021-09-27", with: "2021-02-30"),
            "items": Rules.items.replacingOccurrences(of: "title: 按时上报", with: "titel: 按时上报\n    title: 按时上报"),
            "evidence": EvidenceErrorTests.evidence(reportsDue: "      type: integer\n      min: 0\n      default: -1\n"),
        ])
        #expect(result.errors.map(\.code) == ["rules.bad-default", "rules.unknown-key", "rules.expected-date"], "\(result.listing)")
        #expect(result.errors.compactMap(\.location?.file) == ["t/evidence.yaml", "t/items.yaml", "t/policy.yaml"])
        #expect(result.errors.compactMap(\.location).map(\.place) == [[6, 16], [8, 5], [5, 14]])
        #expect(result.policy == nil)
    }

    @Test func diagnosticsWithinAFileAreSortedByLineThenColumn() {
        let items = Rules.items
            .replacingOccurrences(of: "id: i02", with: "id: 2i")
            .replacingOccurrences(of: "title: 遵守规章", with: "title: 遵守规章\n    remark: 无")
        let result = Rules.load(items: items)
        let places = result.diagnostics.compactMap(\.location)
        #expect(places == places.sorted(), "\(result.listing)")
        #expect(result.errors.map(\.code) == ["rules.unknown-key", "rules.bad-id"], "\(result.listing)")
    }

    @Test func itemsSplitOverTwoFilesAreJoinedInFileNameOrder() throws {
        // Written to disk newest-name-first, so the directory listing order cannot hide a missing sort.
        let result = try withTemporaryFolder { folder in
            try folder.write("b-items.yaml", Self.secondItems)
            try folder.write("a-items.yaml", Self.firstItems)
            try folder.write("policy.yaml", Rules.policy)
            try folder.write("evidence.yaml", Rules.evidence)
            try folder.write("notes.txt", "不是规则文件")
            return loadPolicy(path: folder.path)
        }
        expectClean(result)
        let policy = try #require(result.policy)
        #expect(policy.items.map(\.id) == ["i01", "i02"])
        #expect(
            policy.files.map { String($0.split(separator: "/").last!) } == ["a-items.yaml", "b-items.yaml", "evidence.yaml", "policy.yaml"])
        #expect(policy.item(withID: "i02")?.location.file.hasSuffix("b-items.yaml") == true)
    }

    @Test func sourcesAreJoinedInTheOrderGiven() throws {
        let result = loadPolicy(sources: [
            RuleSource(displayPath: "t/policy.yaml", bytes: Array(Rules.policy.utf8)),
            RuleSource(displayPath: "t/evidence.yaml", bytes: Array(Rules.evidence.utf8)),
            RuleSource(displayPath: "t/2.yaml", bytes: Array(Self.secondItems.utf8)),
            RuleSource(displayPath: "t/1.yaml", bytes: Array(Self.firstItems.utf8)),
        ])
        expectClean(result)
        #expect(result.policy?.items.map(\.id) == ["i02", "i01"])
    }

    @Test func duplicateItemIdAcrossFilesPointsAtBothFiles() {
        let result = Rules.load(["items": Self.firstItems, "items2": Self.firstItems])
        let diagnostic = expectError(result, "rules.duplicate-id", at: "t/items2.yaml", 2, 9)
        #expect(diagnostic?.notes.first?.location?.file == "t/items.yaml")
    }

    @Test func evaluationOrderPutsAnItemAfterTheItemWhoseScoreItReads() throws {
        let items = """
            items:
              - id: total_bonus
                title: 汇总
                points: 5
                clause: 考核标准2
                scoring:
                  method: computed
                  formula: score.base
              - id: base
                title: 基础
                points: 5
                clause: 考核标准1
                scoring: assessed

            """
        let result = Rules.load(items: items)
        expectClean(result)
        let policy = try #require(result.policy)
        #expect(policy.evaluationOrder.map { policy.items[$0].id } == ["base", "total_bonus"])
    }

    @Test func evaluationOrderFollowsAChainAcrossFiles() throws {
        let first = """
            items:
              - id: c
                title: 丙
                points: 3
                clause: 考核标准3
                scoring:
                  method: computed
                  formula: min(3, score.b)

            """
        let second = """
            items:
              - id: b
                title: 乙
                points: 3
                clause: 考核标准2
                scoring:
                  method: computed
                  formula: min(3, score.a)
              - id: a
                title: 甲
                points: 4
                clause: 考核标准1
                scoring: assessed

            """
        let result = Rules.load(["items": first, "items2": second])
        expectClean(result)
        let policy = try #require(result.policy)
        #expect(policy.items.map(\.id) == ["c", "b", "a"])
        #expect(policy.evaluationOrder.map { policy.items[$0].id } == ["a", "b", "c"])
        #expect(policy.layout.itemIDs == ["c", "b", "a"])
    }

    @Test func missingFolderIsOneDiagnostic() {
        let result = loadPolicy(path: "/nonexistent/规则")
        #expect(result.codes == ["rules.not-found"])
        #expect(result.policy == nil)
    }

    @Test func folderWithoutYAMLFilesIsOneDiagnostic() throws {
        let result = try withTemporaryFolder { folder in
            try folder.write("readme.txt", "空")
            return loadPolicy(path: folder.path)
        }
        #expect(result.codes == ["rules.empty-folder"])
    }
}
