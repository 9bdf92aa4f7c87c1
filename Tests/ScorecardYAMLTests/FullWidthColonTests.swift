import Testing
import ScorecardBase
@testable import ScorecardYAML

@Suite struct FullWidthColonTests {
    @Test func aChineseColonBeforeASyntaxErrorGetsAHintNamingItsLine() {
        let text = "item:\n  points：5\n  clause: 考核标准3\n"
        let result = loadYAML(bytes: Array(text.utf8), file: "items.yaml")
        let syntax = result.diagnostics.first { $0.code == "yaml.syntax" }
        #expect(syntax?.hint?.contains("第 2 行") == true)
        #expect(syntax?.hint?.contains("全角") == true)
    }

    @Test func aChineseColonInsideAValueIsNotBlamed() {
        let text = "item:\n  title: 说明：上午\n  clause: [unclosed\n"
        let result = loadYAML(bytes: Array(text.utf8), file: "items.yaml")
        let syntax = result.diagnostics.first { $0.code == "yaml.syntax" }
        #expect(syntax != nil)
        #expect(syntax?.hint?.contains("全角") != true)
    }
}
