import ScorecardBase
import Testing
import ScorecardTestSupport
@testable import ScorecardYAML

@Suite struct ScalarTests {
    @Test(arguments: ["no", "on", "off", "yes", "010", "0x1F", "1e3", "2021-09-27", "5.10", "~", "null", "true", ".inf", "12:30"])
    func yaml11LookalikesStayExactlyAsWritten(text: String) throws {
        let node = try #require(root("值: \(text)\n"))
        #expect(node["值"]?.scalar == YAMLScalar(value: text, style: .plain, lineStarts: [at(1, 4)]))
    }

    @Test func allScalarStylesAreRecorded() throws {
        let node = try #require(
            root(
                """
                p: 普通
                s: '单引号'
                d: "双引号"
                l: |
                  字面
                f: >
                  折叠

                """))
        #expect(node["p"]?.scalar?.style == .plain)
        #expect(node["s"]?.scalar?.style == .singleQuoted)
        #expect(node["d"]?.scalar?.style == .doubleQuoted)
        #expect(node["l"]?.scalar?.style == .literal)
        #expect(node["l"]?.scalar?.value == "字面\n")
        #expect(node["f"]?.scalar?.style == .folded)
    }

    @Test func quotedOffsetsSkipTheOpeningQuote() throws {
        let node = try #require(root("s: '得分 > 5'\nd: \"得分 > 5\"\n"))
        #expect(node["s"]?.location.place == [1, 4])
        #expect(node["s"]?.location(ofScalarOffset: 0).place == [1, 5])
        #expect(node["s"]?.location(ofScalarOffset: 3, length: 1).place == [1, 8])
        #expect(node["d"]?.location(ofScalarOffset: 3).place == [2, 8])
    }

    @Test func escapesAndFoldedQuotesFallBackToTheNode() throws {
        let node = try #require(root("a: 'it''s x'\nb: \"\\t x\"\nc: \"一\n  二\"\n"))
        #expect(node["a"]?.scalar?.lineStarts == [])
        #expect(node["a"]?.location(ofScalarOffset: 5).place == [1, 4])
        #expect(node["b"]?.scalar?.lineStarts == [])
        #expect(node["c"]?.scalar?.lineStarts == [])
    }

    @Test func literalBlockLinesMapToTheirSourceLines() throws {
        let node = try #require(
            root(
                """
                公式: |
                  甲 + 乙

                    丙 * 2
                下一个: 1

                """))
        let value = try #require(node["公式"])
        #expect(value.scalar?.value == "甲 + 乙\n\n  丙 * 2\n")
        // Offset 0 → line 2 after the indentation; "丙" (offset 9) sits at line 4, column 5.
        #expect(value.location(ofScalarOffset: 0).place == [2, 3])
        #expect(value.location(ofScalarOffset: 4).place == [2, 7])
        #expect(value.location(ofScalarOffset: 9).place == [4, 5])
    }

    @Test func literalBlockWithAnchorAndIndentIndicator() throws {
        let node = try #require(root("a: &x |2\n   三个空格\n  两个\n"))
        let value = try #require(node["a"])
        #expect(value.scalar?.value == " 三个空格\n两个\n")
        #expect(value.location(ofScalarOffset: 1).place == [2, 4])
        #expect(value.location(ofScalarOffset: 6).place == [3, 3])
    }

    @Test func foldedBlockMapsWhenNothingWasFolded() throws {
        let node = try #require(root("a: >\n  第一\n\n  第二\nb: >\n  连在\n  一起\n"))
        #expect(node["a"]?.scalar?.value == "第一\n第二\n")
        #expect(node["a"]?.location(ofScalarOffset: 4).place == [4, 4])
        #expect(node["b"]?.scalar?.value == "连在 一起\n")
        #expect(node["b"]?.scalar?.lineStarts == [])
    }

    @Test func explicitTagsAreKeptResolved() throws {
        let node = try #require(root("a: !!str 5\nb: !custom x\nc: 5\nd: !%E8%87%AA y\n"))
        #expect(node["a"]?.tag == "tag:yaml.org,2002:str")
        #expect(node["a"]?.scalar?.value == "5")
        #expect(node["b"]?.tag == "!custom")
        #expect(node["d"]?.tag == "!自")
        #expect(node["c"]?.tag == nil)
    }

    @Test func plainMultiLineScalarFallsBack() throws {
        let node = try #require(root("a: 一\n  二\n"))
        #expect(node["a"]?.scalar?.value == "一 二")
        #expect(node["a"]?.location(ofScalarOffset: 2).place == [1, 4])
    }

    @Test func commentsAreIgnored() throws {
        let node = try #require(root("# 注释\na: 1 # 行尾注释\n"))
        #expect(node["a"]?.scalar?.value == "1")
    }
}
