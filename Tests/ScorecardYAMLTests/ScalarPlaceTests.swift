import ScorecardBase
import Testing
@testable import ScorecardYAML

/// A scalar's line starts are worked out from the file's bytes when asked; they must land on
/// the same columns as libyaml counts them, whatever the characters and line breaks before.
@Suite struct ScalarPlaceTests {
    @Test func oneLineValuesAfterWideCharactersAndQuotes() throws {
        let node = try #require(
            root(
                """
                甲乙: 普通 文字
                'é': '单引号'
                "丙": "双引号"
                """))
        #expect(node["甲乙"]?.scalar?.lineStarts.map(\.place) == [[1, 5]])
        #expect(node["é"]?.scalar?.lineStarts.map(\.place) == [[2, 7]])
        #expect(node["丙"]?.scalar?.lineStarts.map(\.place) == [[3, 7]])
        #expect(node["丙"]?.location(ofScalarOffset: 2).place == [3, 9])
    }

    @Test func linesBrokenByCRLFAndByNextLineCount() throws {
        // libyaml breaks lines on CR LF, on a lone CR and on NEL (U+0085) alike.
        let node = try #require(root("a: 一\r\nb: 二\rc: 三\u{85}d: 四\n"))
        #expect(node["b"]?.scalar?.lineStarts.map(\.place) == [[2, 4]])
        #expect(node["c"]?.scalar?.lineStarts.map(\.place) == [[3, 4]])
        #expect(node["d"]?.scalar?.lineStarts.map(\.place) == [[4, 4]])
    }

    @Test func valuesNotCopiedVerbatimHaveNoLineStarts() throws {
        let node = try #require(
            root(
                """
                a: 'it''s'
                b: "tab\\there"
                c: x
                """))
        #expect(node["a"]?.scalar?.lineStarts == [])
        #expect(node["b"]?.scalar?.lineStarts == [])
        #expect(node["c"]?.scalar?.lineStarts.map(\.place) == [[3, 4]])
    }

    @Test func sourceLinesAreSplitAsLibYAMLSplitsThem() {
        #expect(YAMLSourceLines.lines(of: Array("一\r\n二\r三\u{85}四\u{2028}五".utf8)) == ["一", "二", "三", "四", "五"])
        #expect(YAMLSourceLines.lines(of: Array("a\n\n".utf8)) == ["a", "", ""])
    }
}
