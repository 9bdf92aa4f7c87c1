import Foundation
import Testing

/// The limits from the command line's side: raised by environment variables, a bad
/// value refused before anything is read, echoes of a dropped roster row folded into their
/// cause, long values and lines cut, a named pipe refused rather than waited on.
@Suite("hostile input")
struct HostileInputCLITests {
    /// 2025-Q1 with one suggestion title 200 KiB long: past the default cell limit (128K).
    static func longTitle() throws -> Workspace {
        let ws = try Workspace()
        try ws.replace(
            "seeds/2025-Q1/suggestions.csv", "10533,2025-01-03,区队,", with: "10533,2025-01-03,区队," + String(repeating: "长", count: 70_000))
        return ws
    }

    @Test func aCellPastTheLimitIsRefusedAndTheVariableRaisesIt() throws {
        let ws = try Self.longTitle()
        defer { ws.remove() }
        let refused = try ws.run(["check", "--quarter", "2025-Q1"])
        #expect(refused.status == 1)
        let block = try #require(DiagnosticBlock.parse(refused.stderr).first, "\(refused.stderr)")
        #expect("\(block.file):\(block.line):\(block.column) \(block.code)" == "seeds/2025-Q1/suggestions.csv:3:21 input.field-too-long")
        #expect(block.hint?.contains("SCORECARD_MAX_FIELD_BYTES=1M") == true)
        // The echoed line is cut around the cell, not 70,000 characters wide.
        let echo = try #require(block.echo)
        #expect(echo.source.count < 200)
        #expect(refused.stderr.utf8.count < 4000)

        let raised = try ws.run(["check", "--quarter", "2025-Q1"], environment: ["SCORECARD_MAX_FIELD_BYTES": "1M"])
        #expect(raised.status == 0, "\(raised.stderr)")
    }

    @Test func aBadValueOfAVariableIsAUsageError() throws {
        let run = try CLI.run(["check"], environment: ["SCORECARD_MAX_CELLS": "lots"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("错误[input.bad-limit]"))
        #expect(run.stderr.contains("SCORECARD_MAX_CELLS"))
        #expect(run.stdout.isEmpty)
    }

    @Test func aLongValueIsShortenedInItsMessage() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let scores = "seeds/2025-Q1/scores.csv"
        var lines = try ws.text(scores).components(separatedBy: "\n")
        var cells = lines[1].components(separatedBy: ",")
        cells[18] = String(repeating: "9", count: 100_000) // reports_due, a number far out of range
        lines[1] = cells.joined(separator: ",")
        try ws.write(scores, lines.joined(separator: "\n"))
        let run = try ws.run(["check", "--quarter", "2025-Q1"])
        let block = try #require(DiagnosticBlock.parse(run.stderr).first { $0.code == "evidence.bad-value" }, "\(run.stderr)")
        #expect(block.message.contains("“99999999999999999999999999999999…”（共 100000 个字符）"))
        #expect(run.stderr.utf8.count < 4000)
    }

    @Test func theEchoesOfADroppedRosterRowFollowTheirCause() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // A byte no encoding decodes in 石磊's (10533) roster row.
        try ws.replaceBytes("seeds/officers.csv", Array("10533,石磊,".utf8), with: Array("10533,石磊".utf8) + [0xFF] + [0x2C])
        let run = try ws.run(["check", "--quarter", "2025-Q1"])
        #expect(run.status == 1)
        let blocks = DiagnosticBlock.parse(run.stderr)
        #expect(blocks.map(\.code) == ["text.undecodable"], "\(run.stderr)")
        #expect(blocks.first?.file == "seeds/officers.csv")
        let note = try #require(blocks.first?.body.first { $0.contains("说明") })
        #expect(note.contains("seeds/2025-Q1/scores.csv:"))
        #expect(note.contains("seeds/2025-Q1/suggestions.csv:3:1"))
        #expect(!run.stderr.contains("名册中没有工号"))
        #expect(run.stderr.contains("1 个错误"))
    }

    @Test func aHeaderOfManyUnknownColumnsEchoesEachAroundItsColumn() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let scores = "seeds/2025-Q1/scores.csv"
        var lines = try ws.text(scores).components(separatedBy: "\n")
        lines[0] += "," + (0..<2000).map { "x\($0)" }.joined(separator: ",")
        try ws.write(scores, lines.joined(separator: "\n"))
        let run = try ws.run(["check", "--quarter", "2025-Q1"])
        let blocks = DiagnosticBlock.parse(run.stderr).filter { $0.code == "evidence.unknown-column" }
        #expect(blocks.count == 2000)
        #expect(blocks.allSatisfy { ($0.echo?.source.count ?? 0) < 200 })
        let last = try #require(blocks.last)
        let placement = try #require(last.caretPlacement(of: "x1999"))
        #expect(placement.caret == placement.token)
    }

    @Test(.timeLimit(.minutes(1)))
    func aNamedPipeAsTheRecordTableIsRefusedNotWaitedOn() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let scores = ws.url("seeds/2025-Q1/scores.csv").path
        try FileManager.default.removeItem(atPath: scores)
        #expect(mkfifo(scores, 0o600) == 0)
        let run = try ws.run(["evaluate", "--quarter", "2025-Q1"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("seeds/2025-Q1/scores.csv:1:1: 错误[io.not-regular-file]"), "\(run.stderr)")
    }
}
