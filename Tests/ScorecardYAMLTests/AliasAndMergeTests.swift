import ScorecardBase
import Testing
import ScorecardTestSupport
@testable import ScorecardYAML

@Suite struct AliasAndMergeTests {
    @Test func aliasIsACopyWithTheAnchoredLocation() throws {
        let node = try #require(root("基础: &base {分值: 5}\n规则: *base\n"))
        let copy = try #require(node["规则"])
        #expect(copy["分值"]?.scalar?.value == "5")
        #expect(copy.location.place == [1, 5])
        #expect(copy.anchor == "base")
    }

    @Test func mergeKeyExplicitKeysWin() throws {
        let node = try #require(
            root(
                """
                默认: &defaults
                  分值: 5
                  权重: 1
                规则:
                  <<: *defaults
                  分值: 10

                """))
        let rule = try #require(node["规则"]?.mapping)
        #expect(rule.compactMap(\.key.scalar?.value) == ["权重", "分值"]) // merged pairs sit where `<<` was written
        #expect(node["规则"]?["分值"]?.scalar?.value == "10")
        #expect(node["规则"]?["权重"]?.location.place == [3, 7])
    }

    @Test func earlierMergedMappingsWinOverLaterOnes() throws {
        let node = try #require(
            root(
                """
                a: &a {x: 1, y: 1}
                b: &b {y: 2, z: 2}
                c:
                  <<: [*a, *b]
                  w: 0

                """))
        let c = try #require(node["c"])
        #expect(c["x"]?.scalar?.value == "1")
        #expect(c["y"]?.scalar?.value == "1")
        #expect(c["z"]?.scalar?.value == "2")
        #expect(c.mapping?.compactMap(\.key.scalar?.value) == ["x", "y", "z", "w"])
    }

    @Test func quotedMergeKeyIsAnOrdinaryKey() throws {
        let node = try #require(root("a: &a {x: 1}\nb: {'<<': *a}\n"))
        #expect(node["b"]?["<<"]?["x"]?.scalar?.value == "1")
    }

    @Test func mergeOfAScalarIsRejected() {
        let result = load("a:\n  <<: 标量\n")
        #expect(result.diagnostics.map(\.code) == ["yaml.merge"])
        #expect(result.diagnostics.first?.location?.place == [2, 7])
    }

    @Test func mergedKeysAreNotDuplicates() {
        let result = load("a: &a {x: 1}\nb:\n  x: 2\n  <<: *a\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.first?.root["b"]?["x"]?.scalar?.value == "2")
    }

    @Test func chineseAnchorNamesGetAnExplanation() throws {
        // libyaml accepts only ASCII letters, digits, '-' and '_' in anchor names.
        let diagnostic = try #require(load("a: &基础 1\n").diagnostics.first)
        #expect(diagnostic.code == "yaml.syntax")
        #expect(diagnostic.location?.place == [1, 5])
        #expect(diagnostic.message.contains("不能用中文"))
    }

    @Test func undefinedAliasIsReportedAtTheAlias() {
        let result = load("a: 1\nb: *missing\n")
        #expect(result.diagnostics.map(\.code) == ["yaml.undefined-alias"])
        #expect(result.diagnostics.first?.location?.place == [2, 4])
        #expect(result.diagnostics.first?.message.contains("missing") == true)
    }
}
