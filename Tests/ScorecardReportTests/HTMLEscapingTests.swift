import ScorecardReport
import Testing

@Suite struct HTMLEscapingTests {
    @Test func theFiveMarkupCharactersBecomeReferences() {
        #expect(HTMLEscaping.escaped(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test func plainTextIsUnchanged() {
        #expect(HTMLEscaping.escaped("田晓东 综采一队 93.40") == "田晓东 综采一队 93.40")
        #expect(HTMLEscaping.escaped("") == "")
    }

    @Test func charactersAroundAMarkupCharacterAreKept() {
        #expect(HTMLEscaping.escaped("矿<区队>") == "矿&lt;区队&gt;")
        #expect(HTMLEscaping.escaped("e\u{301}&") == "e\u{301}&amp;")
    }
}
