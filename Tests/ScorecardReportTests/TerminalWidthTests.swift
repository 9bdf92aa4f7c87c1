import Testing
@testable import ScorecardReport

@Suite struct TerminalWidthTests {
    @Test func asciiIsOneCell() {
        #expect(TerminalWidth.width(of: "points: 5") == 9)
    }

    @Test func cjkAndFullwidthAreTwoCells() {
        #expect(TerminalWidth.width(of: "工号") == 4)
        #expect(TerminalWidth.width(of: "。，（）：") == 10)
        #expect(TerminalWidth.width(of: "ＡＢ１") == 6)
        #expect(TerminalWidth.width(of: "\u{3000}") == 2)
        #expect(TerminalWidth.width(of: "한국") == 4)
        #expect(TerminalWidth.width(of: "カナ") == 4)
        #expect(TerminalWidth.width(of: "😀") == 2)
        #expect(TerminalWidth.width(of: "𠀋") == 2)
    }

    @Test func combiningAndControlAreZero() {
        #expect(TerminalWidth.width(of: "e\u{301}") == 1)
        #expect(TerminalWidth.width(of: "a\u{200B}b") == 2)
        #expect(TerminalWidth.width(of: "\u{1B}\u{7}") == 0)
        #expect(TerminalWidth.width(of: "a\u{FE0F}") == 1)
    }

    @Test func mixedText() {
        #expect(TerminalWidth.width(of: "张三 (ID 1001)：合格") == 4 + 10 + 2 + 4)
        #expect(TerminalWidth.width(of: "½é€") == 3)
    }
}
