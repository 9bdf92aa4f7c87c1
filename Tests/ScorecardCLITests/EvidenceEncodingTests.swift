import Foundation
import Testing

/// Diagnostics in evidence files saved the way offices save them (README: 2025-Q3 is UTF-8 with
/// CRLF, 2025-Q4 GB18030 with CRLF): the echoed line is that one line, decoded, with the caret
/// under the right cell.
@Suite("evidence files in other encodings and line ends")
struct EvidenceEncodingTests {
    /// 2025-Q3 is UTF-8 with CRLF line ends (Windows): the echoed line must be that one line.
    @Test func crlfFileEchoesTheOffendingLine() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let file = "seeds/2025-Q3/scores.csv"
        try #require(try ws.text(file).contains("\r\n"))
        let row = try #require(try ws.text(file).components(separatedBy: "\r\n").first { $0.hasPrefix("10231,") })
        var cells = row.components(separatedBy: ",")
        cells[1] = "9.5" // i01 is marked out of 5
        let broken = cells.joined(separator: ",")
        try ws.replace(file, row + "\r\n", with: broken + "\r\n")
        let run = try ws.run(["evaluate", "--quarter", "2025-Q3"])
        #expect(run.status == 1)
        let block = try #require(DiagnosticBlock.parse(run.stderr).first { $0.file == file })
        #expect(block.line == 2)
        let echo = try #require(block.echo, "no source line in:\n\(run.stderr)")
        #expect(echo.source.hasSuffix(" | " + broken))
        #expect(!echo.source.contains("\r"))
        #expect(block.caretPlacement(of: "9.5").map { $0.caret == $0.token } == true)
        // One line of the file is shown, not the rest of it.
        #expect(!run.stderr.contains("10247,"))
    }

    /// 2025-Q4 is GB18030 with CRLF and a Chinese header: the echoed line is decoded, and the
    /// caret after Chinese text sits under the right cell.
    @Test func gb18030FileEchoesDecodedLineWithCaret() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // Header 工号,采纳日期,采纳层级,建议内容 → …采纳层极… (级 BC B6 → 极 BC AB in GB18030).
        let header: [UInt8] = [0xB2, 0xC9, 0xC4, 0xC9, 0xB2, 0xE3, 0xBC, 0xB6] // 采纳层级
        try ws.replaceBytes(
            "seeds/2025-Q4/suggestions.csv", [0x2C] + header + [0x2C],
            with: [0x2C] + header.dropLast(2) + [0xBC, 0xAB] + [0x2C])
        let run = try ws.run(["evaluate"])
        #expect(run.status == 1)
        #expect(run.stdout == "")
        let block = try #require(DiagnosticBlock.parse(run.stderr).first { $0.code == "evidence.unknown-column" }, "\(run.stderr)")
        #expect(block.file == "seeds/2025-Q4/suggestions.csv")
        #expect(block.line == 1 && block.column == 9)
        #expect(block.hint == "是否想写“采纳层级”？")
        let echo = try #require(block.echo, "no source line in:\n\(run.stderr)")
        #expect(echo.source.hasSuffix(" | 工号,采纳日期,采纳层极,建议内容"))
        let placement = try #require(block.caretPlacement(of: "采纳层极"))
        #expect(placement.caret == placement.token)
        #expect(placement.carets == 8) // four wide characters
        // The line under the echo is the caret line, not the file's next line.
        #expect(echo.carets.trimmingCharacters(in: .whitespaces).hasPrefix("| "))
        #expect(echo.carets.allSatisfy { " |^".contains($0) })
    }

    @Test func gb18030ValueErrorEchoesItsRow() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // Row 2 starts "\r\n10231,4.5,5.0,": i02 becomes 7.0 (ASCII, the same in GB18030).
        try ws.replaceBytes("seeds/2025-Q4/scores.csv", Array("\r\n10231,4.5,5.0,".utf8), with: Array("\r\n10231,4.5,7.0,".utf8))
        let run = try ws.run(["evaluate"])
        #expect(run.status == 1)
        let block = try #require(DiagnosticBlock.parse(run.stderr).first)
        #expect("\(block.file):\(block.line):\(block.column)" == "seeds/2025-Q4/scores.csv:2:11")
        let echo = try #require(block.echo, "no source line in:\n\(run.stderr)")
        #expect(echo.source.hasSuffix(" | 10231,4.5,7.0,4.5,4.5,4.5,4.5,4.0,4.5,4.5,4.0,4.5,4.5,4.5,4.5,4.5,5.0,5.0,13,13,0,0,0,3,3"))
        #expect(block.caretPlacement(of: "7.0").map { $0.caret == $0.token && $0.carets == 3 } == true)
    }
}
