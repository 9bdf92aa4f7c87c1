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
        #expect(rendered.components(separatedBy: "total: 100").count == 2, "the source line is shown once")
        #expect(rendered.contains("= 说明: 相关内容从这里开始"))
        #expect(!rendered.contains("说明: p.yaml:1:1"))
    }
}
