import ScorecardBase
import Testing
import ScorecardTestSupport
@testable import ScorecardYAML

@Suite struct LocationTests {
    @Test func nodesCarryOneBasedLineAndColumn() throws {
        let node = try #require(root("规则:\n  名称: 联络员\n  分值: 5\n"))
        #expect(node.location.place == [1, 1])
        let rule = try #require(node["规则"])
        #expect(rule.location.place == [2, 3])
        #expect(rule.mapping?[1].key.location.place == [3, 3])
        #expect(rule["分值"]?.location.place == [3, 7])
        #expect(rule["分值"]?.location.file == "规则.yaml")
    }

    @Test func columnsCountUnicodeScalarsAfterChineseText() throws {
        // "条件说明" is 4 scalars (12 UTF-8 bytes): the value starts at column 7, not 15.
        let node = try #require(root("条件说明: 季度得分 >= 60\n"))
        let value = try #require(node["条件说明"])
        #expect(value.location.place == [1, 7])
        #expect(value.location(ofScalarOffset: 5).place == [1, 12])
    }

    @Test func flowCollectionsHaveLocations() throws {
        let node = try #require(root("列表: [甲, 乙, {丙: 丁}]\n"))
        let items = try #require(node["列表"]?.sequence)
        #expect(items.map(\.location.place) == [[1, 6], [1, 9], [1, 12]])
        #expect(items[2]["丙"]?.location.place == [1, 16])
    }

    @Test func documentsKnowWhereTheyStart() {
        let result = load("a: 1\n---\nb: 2\n")
        #expect(result.documents.map(\.location.line) == [1, 2])
    }

    @Test func sourceLinesSplitLikeLibyaml() {
        let lines = YAMLSourceLines.lines(of: [0xEF, 0xBB, 0xBF] + Array("甲: 1\r\n乙: 2\n".utf8))
        #expect(lines == ["甲: 1", "乙: 2", ""])
    }

    @Test func crlfFilesKeepLineNumbers() throws {
        let node = try #require(root("a: 1\r\nb: |\r\n  第一行\r\n  第二行\r\n"))
        #expect(node["b"]?.location(ofScalarOffset: 4).place == [4, 3])
    }
}
