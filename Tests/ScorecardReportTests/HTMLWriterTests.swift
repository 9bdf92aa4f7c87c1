import Testing
import ScorecardBase
@testable import ScorecardReport

@Suite struct HTMLWriterTests {
    private func page(_ out: inout HTMLWriter, rows: Int) {
        out.heading(2, "年度排名")
        out.element("section", [("id", "ranking")]) { section in
            section.table(
                [HTMLColumn("名次", numeric: true), HTMLColumn("姓名")],
                rows: (0..<rows).lazy.map { [HTMLCell(String($0 + 1), sortKey: String($0)), HTMLCell("联系员 <\($0)> & \"同事\"")] },
                sortable: true)
        }
        out.paragraph("完")
    }

    /// A table of thousands of rows reaches the output in pieces as it is made, and the pieces
    /// are exactly the page the whole-string writer makes.
    @Test func aStreamingWriterHandsOnALongTableInPiecesThatMakeTheSamePage() {
        var whole = HTMLWriter()
        page(&whole, rows: 5_000)
        let output = PieceOutput()
        var streaming = HTMLWriter(streamingTo: output)
        page(&streaming, rows: 5_000)
        streaming.finish()
        #expect(output.writes.count > 3, "the page came in \(output.writes.count) piece(s)")
        #expect(output.writes.dropLast().allSatisfy { $0.count >= HTMLWriter.chunkBytes })
        #expect(output.text == whole.html)
        #expect(streaming.html.isEmpty)
    }

    @Test func aShortPageIsHandedOnWholeAtTheEnd() {
        var whole = HTMLWriter()
        page(&whole, rows: 3)
        let output = PieceOutput()
        var streaming = HTMLWriter(streamingTo: output)
        page(&streaming, rows: 3)
        #expect(output.writes.isEmpty)
        streaming.finish()
        #expect(output.writes.count == 1)
        #expect(output.text == whole.html)
    }
}
