import Testing
import ScorecardBase
@testable import ScorecardReport

@Suite struct NoteRenderingTests {
    @Test func aNoteAtTheDiagnosticsOwnPlaceDoesNotEchoTheLineAgain() {
        let renderer = DiagnosticRenderer(color: false, sourceLines: SourceLines.inMemory(["p.yaml": "\ttotal: 100\n"]))
        let place = SourceLocation(file: "p.yaml", line: 1, column: 1)
        let diagnostic = Diagnostic.error(
            "yaml.syntax", "这里用了制表符（Tab）缩进", hint: "换成空格", at: place,
            notes: [.init("相关内容从这里开始", at: place)])
        let rendered = renderer.render(diagnostic)
        #expect(rendered.ranges(of: "total: 100").count == 1, "the source line is shown once")
        #expect(rendered.contains("= 说明: 相关内容从这里开始"))
        #expect(!rendered.contains("说明: p.yaml:1:1"))
    }
}

@Suite struct DiagnosticOrderTests {
    @Test func problemsAtTheSamePlaceKeepTheOrderFoundWhateverTheirLength() {
        let first = Diagnostic.error("a", "第一", at: SourceLocation(file: "f", line: 2, column: 3, length: 5))
        let second = Diagnostic.error("b", "第二", at: SourceLocation(file: "f", line: 2, column: 3, length: 1))
        let earlier = Diagnostic.error("c", "更早", at: SourceLocation(file: "f", line: 1, column: 9))
        for _ in 0..<20 {
            #expect([first, second, earlier].sortedForDisplay().map(\.code) == ["c", "a", "b"])
            #expect([second, first, earlier].sortedForDisplay().map(\.code) == ["c", "b", "a"])
        }
    }
}
