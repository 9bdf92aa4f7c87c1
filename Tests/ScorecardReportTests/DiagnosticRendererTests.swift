import Testing
import ScorecardBase
@testable import ScorecardReport

@Suite struct DiagnosticRendererTests {
    let files = SourceLines.inMemory([
        "rules/items.yaml": (1...11).map { "# \($0)" }.joined(separator: "\n") + "\n  名称: 安全, pionts: 5\n",
        "证据.csv": "工号,姓名\n\t张三,\"x\n",
    ])

    @Test func caretAlignsUnderChineseText() {
        let renderer = DiagnosticRenderer(color: false, sourceLines: files)
        let diagnostic = Diagnostic.error(
            "rules.unknown-key", "未知的键 \"pionts\"", hint: "是否想写 \"points\"?",
            at: SourceLocation(file: "rules/items.yaml", line: 12, column: 11, length: 6)
        )
        #expect(
            renderer.render(diagnostic) == """
                rules/items.yaml:12:11: 错误[rules.unknown-key]: 未知的键 "pionts"
                   |
                12 |   名称: 安全, pionts: 5
                   |               ^^^^^^
                   = 提示: 是否想写 "points"?

                """)
    }

    @Test func tabsAreExpandedTheSameWayInLineAndCaret() {
        let renderer = DiagnosticRenderer(color: false, sourceLines: files)
        let diagnostic = Diagnostic.error(
            "csv.unterminated-quote", "引号没有闭合", at: SourceLocation(file: "证据.csv", line: 2, column: 5)
        )
        #expect(
            renderer.render(diagnostic) == """
                证据.csv:2:5: 错误[csv.unterminated-quote]: 引号没有闭合
                  |
                2 |     张三,"x
                  |          ^

                """)
    }

    @Test func chineseUnderlineIsTwoCellsPerCharacter() {
        let renderer = DiagnosticRenderer(color: false, sourceLines: files)
        let diagnostic = Diagnostic.warning(
            "evidence.name", "姓名列", at: SourceLocation(file: "证据.csv", line: 1, column: 4, length: 2)
        )
        #expect(renderer.render(diagnostic).contains("1 | 工号,姓名\n  |      ^^^^\n"))
    }

    @Test func missingLineGivesHeaderAndHintOnly() {
        let renderer = DiagnosticRenderer(color: false, sourceLines: { _ in nil })
        let diagnostic = Diagnostic.error(
            "text.undecodable", "无法解码", hint: "另存为 UTF-8", at: SourceLocation(file: "x.csv", line: 3, column: 1)
        )
        #expect(renderer.render(diagnostic) == "x.csv:3:1: 错误[text.undecodable]: 无法解码\n  = 提示: 另存为 UTF-8\n")
    }

    @Test func notesWithLocationsAndSummary() {
        let renderer = DiagnosticRenderer(color: false, sourceLines: files)
        let second = Diagnostic.error(
            "csv.duplicate", "重复的工号", at: SourceLocation(file: "证据.csv", line: 2, column: 2, length: 2),
            notes: [.init("第一次出现在这里", at: SourceLocation(file: "证据.csv", line: 1, column: 1, length: 2))]
        )
        let first = Diagnostic.warning("rules.unused", "未使用的规则", at: nil)
        let text = renderer.render([first, second])
        #expect(
            text == """
                证据.csv:2:2: 错误[csv.duplicate]: 重复的工号
                  |
                2 |     张三,"x
                  |     ^^^^
                  = 说明: 证据.csv:1:1: 第一次出现在这里
                  |
                1 | 工号,姓名
                  | ^^^^

                警告[rules.unused]: 未使用的规则

                1 个错误，1 个警告

                """)
    }

    @Test func colourOnlyWhenAsked() {
        let diagnostic = Diagnostic.error("x", "消息", at: nil)
        #expect(!DiagnosticRenderer(color: false, sourceLines: files).render(diagnostic).contains("\u{1B}"))
        let coloured = DiagnosticRenderer(color: true, sourceLines: files).render(diagnostic)
        #expect(coloured.contains("\u{1B}[1;31m错误[x]\u{1B}[0m"))
    }

    @Test func splitsAllLineEnds() {
        #expect(SourceLines.split("a\r\nb\rc\nd") == ["a", "b", "c", "d"])
    }
}

/// Long lines and control characters in echoed source.
@Suite struct LongAndControlLineTests {
    @Test func aLongLineIsShownAroundTheColumnWithTheCaretInPlace() {
        let header = (0..<5000).map { "x\($0)" }.joined(separator: ",")
        let renderer = DiagnosticRenderer(color: false, sourceLines: SourceLines.inMemory(["h.csv": header + "\n"]))
        let column = header.unicodeScalars.count - "x4000".count * 1000 // somewhere in the middle
        let target = header.unicodeScalars.index(header.unicodeScalars.startIndex, offsetBy: column - 1)
        let rendered = renderer.render(
            .error("evidence.unknown-column", "m", at: SourceLocation(file: "h.csv", line: 1, column: column, length: 3)))
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let echo = lines[2], carets = lines[3]
        #expect(echo.hasPrefix("1 | …") && echo.hasSuffix("…"))
        #expect(echo.unicodeScalars.count < 140)
        // The caret sits under the same characters in the cut line as the column in the whole one.
        let caretAt = carets.distance(from: carets.startIndex, to: carets.firstIndex(of: "^")!)
        let shown = String(echo.dropFirst(caretAt).prefix(3))
        #expect(shown == String(header.unicodeScalars[target...].prefix(3)))
        #expect(carets.hasSuffix("^^^"))
    }

    @Test func aShortLineIsShownWhole() {
        let line = String(repeating: "a", count: 120)
        let renderer = DiagnosticRenderer(color: false, sourceLines: SourceLines.inMemory(["s.csv": line]))
        let rendered = renderer.render(.error("x.y", "m", at: SourceLocation(file: "s.csv", line: 1, column: 100)))
        #expect(rendered.contains("1 | " + line + "\n"))
    }

    @Test func aColumnNearTheEndOfALongLineIsShownWithTheEnd() {
        let line = String(repeating: "b", count: 500) + "END"
        let renderer = DiagnosticRenderer(color: false, sourceLines: SourceLines.inMemory(["s.csv": line]))
        let rendered = renderer.render(.error("x.y", "m", at: SourceLocation(file: "s.csv", line: 1, column: 504)))
        #expect(rendered.contains("END\n"))
        #expect(rendered.contains("1 | …"))
    }

    @Test func controlCharactersAreEchoedAsTheirPictures() {
        let renderer = DiagnosticRenderer(color: false, sourceLines: SourceLines.inMemory(["c.csv": "1,a\u{0}b\u{7F}\u{1B}[31m\n"]))
        let rendered = renderer.render(.error("evidence.control-character", "m", at: SourceLocation(file: "c.csv", line: 1, column: 4)))
        #expect(rendered.contains("1 | 1,a␀b␡␛[31m\n"))
        #expect(rendered.contains("  |    ^\n"))
        #expect(!rendered.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }
}
