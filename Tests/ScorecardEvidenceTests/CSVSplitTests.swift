import Foundation
import Testing
import ScorecardTestSupport
import ScorecardBase
@testable import ScorecardEvidence

/// `body` with the path of a temporary file holding `bytes`.
private func withTemporaryFile<T>(_ bytes: [UInt8], _ body: (String) throws -> T) throws -> T {
    try withTemporaryFolder { folder in
        try folder.write("part.csv", bytes: bytes)
        return try body(folder.file("part.csv"))
    }
}

/// Where a large CSV file may be cut for reading in parts, and where it must not be.
@Suite struct CSVSplitTests {
    private func parts(_ text: String, count: Int = 2) throws -> [CSVSplit.Part]? {
        try withTemporaryFile(Array(text.utf8)) { CSVSplit.parts(of: $0, count: count, minimumSize: 0) }
    }

    @Test func partsStartAtLineBreaksAndKnowTheirLines() throws {
        let text = "officer,a1\n" + (1...10).map { "10\($0),4" }.joined(separator: "\n") + "\n"
        let found = try #require(try parts(text))
        #expect(found.count == 2)
        #expect(found[0].line == 2)
        #expect(found[0].range.lowerBound == "officer,a1\n".utf8.count)
        #expect(found[1].range.lowerBound == found[0].range.upperBound)
        #expect(found[1].range.upperBound == text.utf8.count)
        let bytes = Array(text.utf8)
        // The second part starts at the start of a line, and its line number is that line's.
        #expect(bytes[found[1].range.lowerBound - 1] == 0x0A)
        let before = bytes[..<found[1].range.lowerBound].filter { $0 == 0x0A }.count
        #expect(found[1].line == before + 1)
    }

    @Test func crlfFilesSplitToo() throws {
        let text = "officer,a1\r\n" + (1...10).map { "10\($0),4" }.joined(separator: "\r\n") + "\r\n"
        #expect(try parts(text)?.count == 2)
    }

    @Test(arguments: [
        "officer,name\n" + String(repeating: "1001,\"张,三\"\n", count: 10), // a quoted field may hold a line break
        "officer,a1\r" + String(repeating: "1001,4\r", count: 10), // CR alone ends lines
        "officer,a1\n" + String(repeating: "1001,\u{FFFD}4\n", count: 10) + "\u{FF}", // placeholder, replaced below
    ])
    func filesThatMustBeReadInOnePieceAreNotSplit(_ text: String) throws {
        var bytes = Array(text.utf8)
        if text.hasSuffix("\u{FF}") {
            bytes = Array(("officer,a1\n" + String(repeating: "1001,4\n", count: 10)).utf8)
            bytes.insert(0xB7, at: 20) // not UTF-8 (GB18030, say): decoded as the whole file decides
        }
        let found = try withTemporaryFile(bytes) { CSVSplit.parts(of: $0, count: 2, minimumSize: 0) }
        #expect(found == nil)
    }

    @Test func smallFilesAreReadInOnePiece() throws {
        let text = "officer,a1\n" + (1...10).map { "10\($0),4" }.joined(separator: "\n") + "\n"
        let found = try withTemporaryFile(Array(text.utf8)) { CSVSplit.parts(of: $0, count: 2) }
        #expect(found == nil)
    }

    /// A file long enough to be read eight bytes at a time between its cuts: every part still
    /// starts just after a line break and knows its line, and a quote, a lone CR or a byte that
    /// is not UTF-8 anywhere in it still keeps it whole.
    @Test func longFilesCutAtLineBreaksAndRefuseLateSurprises() throws {
        var lines = ["officer,name,a1,a2"]
        for number in 0..<3000 {
            lines.append("O\(number),\(number % 5 == 0 ? "张三" : "Li"),\(number % 97).5,\(String(repeating: "7", count: number % 13))")
        }
        let text = lines.joined(separator: "\n") + "\n"
        let bytes = Array(text.utf8)
        for count in [2, 3, 5] {
            let found = try #require(try withTemporaryFile(bytes) { CSVSplit.parts(of: $0, count: count, minimumSize: 0) })
            #expect(found.count == count)
            #expect(found[0].range.lowerBound == lines[0].utf8.count + 1 && found[0].line == 2)
            #expect(found.last?.range.upperBound == bytes.count)
            for (earlier, later) in zip(found, found.dropFirst()) {
                #expect(earlier.range.upperBound == later.range.lowerBound)
                #expect(bytes[later.range.lowerBound - 1] == 0x0A)
                #expect(later.line == bytes[..<later.range.lowerBound].count { $0 == 0x0A } + 1)
            }
        }
        let middle = bytes.count / 2 + 3
        for surprise: [UInt8] in [[0x22], [0x0D], [0xFF], [0xE9, 0x41]] {
            var spoiled = bytes
            spoiled.replaceSubrange(middle..<(middle + surprise.count), with: surprise)
            #expect(try withTemporaryFile(spoiled) { CSVSplit.parts(of: $0, count: 2, minimumSize: 0) } == nil)
        }
    }
}
