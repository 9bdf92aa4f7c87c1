import Testing
import ScorecardTestSupport
import ScorecardBase
@testable import ScorecardEvidence

@Suite struct CSVReaderTests {
    @Test func plainRecordsWithLF() {
        #expect(
            readOutcomes("工号,姓名\n1001,张三\n") == [
                .record(["工号", "姓名"], line: 1, number: 1),
                .record(["1001", "张三"], line: 2, number: 2),
            ])
    }

    @Test func lastLineWithoutNewlineAndTrailingEmptyLine() {
        #expect(readOutcomes("a,b\nc,d") == [.record(["a", "b"], line: 1, number: 1), .record(["c", "d"], line: 2, number: 2)])
        #expect(readOutcomes("a,b\r\n\r\n") == [.record(["a", "b"], line: 1, number: 1)])
    }

    @Test func crlfAndCRLineEnds() {
        #expect(readOutcomes("a,b\r\nc,d\r\n") == [.record(["a", "b"], line: 1, number: 1), .record(["c", "d"], line: 2, number: 2)])
        #expect(
            readOutcomes("a\rb\rc") == [
                .record(["a"], line: 1, number: 1), .record(["b"], line: 2, number: 2), .record(["c"], line: 3, number: 3),
            ])
    }

    @Test func quotesEscapedQuotesCommasAndNewlines() {
        let text = "id,note\r\n1,\"他说\"\"好\"\"，然后,走了\"\r\n2,\"第一行\r\n第二行\"\r\n3,\"\"\r\n"
        #expect(
            readOutcomes(text) == [
                .record(["id", "note"], line: 1, number: 1),
                .record(["1", "他说\"好\"，然后,走了"], line: 2, number: 2),
                .record(["2", "第一行\r\n第二行"], line: 3, number: 3),
                .record(["3", ""], line: 5, number: 4),
            ])
    }

    @Test func emptyFieldsAndTrailingComma() {
        #expect(readOutcomes(",a,,\n") == [.record(["", "a", "", ""], line: 1, number: 1)])
        #expect(readOutcomes("a,") == [.record(["a", ""], line: 1, number: 1)])
    }

    @Test func blankLinesAreSkippedButCounted() {
        #expect(readOutcomes("a\n\n\nb\n") == [.record(["a"], line: 1, number: 1), .record(["b"], line: 4, number: 2)])
    }

    @Test func byteOrderMarkIsIgnored() {
        var reader = CSVReader(bytes: [0xEF, 0xBB, 0xBF] + Array("工号,x\n".utf8), file: "t.csv")
        let record = try? reader.next()
        #expect(record?.texts == ["工号", "x"])
        #expect(record?.fields[0].column == 1)
        let (hadBOM, encoding) = (reader.hadBOM, reader.encoding)
        #expect(hadBOM)
        #expect(encoding == .utf8)
    }

    @Test func spacesAreKeptAndTrimmedOnRequest() {
        let record = readRecords(" a ,\u{3000}张三\t\n")[0]
        #expect(record.texts == [" a ", "\u{3000}张三\t"])
        #expect(record.fields.map(\.trimmed) == ["a", "张三"])
    }

    @Test func fieldPositionsCountScalarsAfterChineseText() {
        let record = readRecords("张三,\"李四\",abc\n")[0]
        #expect(record.fields.map(\.column) == [1, 4, 9])
        #expect(record.fields.map(\.location.length) == [2, 4, 3])
        #expect(record.fields[1].location.description == "t.csv:1:4")
    }

    @Test func positionsInMultiLineRecords() {
        let records = readRecords("a,\"x\ny\",张三\nb,c\n")
        #expect(records[0].fields.map(\.line) == [1, 1, 2])
        #expect(records[0].fields.map(\.column) == [1, 3, 4])
        #expect(records[0].fields[1].location.length == 2) // `"x` on its first line
        #expect(records[1].line == 3)
    }

    @Test func strayQuoteIsReportedAndReadingContinues() {
        #expect(
            readOutcomes("a,b\"c,d\ne,f\n") == [
                .problem(code: "csv.stray-quote", line: 1, column: 4),
                .record(["e", "f"], line: 2, number: 2),
            ])
    }

    @Test func textAfterClosingQuoteIsReportedAndReadingContinues() {
        #expect(
            readOutcomes("\"张三\"x,1\n2,3\n") == [
                .problem(code: "csv.text-after-quote", line: 1, column: 5),
                .record(["2", "3"], line: 2, number: 2),
            ])
    }

    @Test func unterminatedQuotePointsAtTheOpeningQuote() {
        #expect(
            readOutcomes("a,b\n工号,\"abc\nd,e\n") == [
                .record(["a", "b"], line: 1, number: 1),
                .problem(code: "csv.unterminated-quote", line: 2, column: 4),
            ])
    }

    @Test func severalProblemsInOneFileAreAllReported() {
        let outcomes = readOutcomes("a\"\nok\n\"x\"y\nfine\n")
        #expect(
            outcomes == [
                .problem(code: "csv.stray-quote", line: 1, column: 2),
                .record(["ok"], line: 2, number: 2),
                .problem(code: "csv.text-after-quote", line: 3, column: 4),
                .record(["fine"], line: 4, number: 4),
            ])
    }

    @Test func diagnosticIsInChineseWithAHint() throws {
        var reader = CSVReader(bytes: Array("a\"b\n".utf8), file: "证据.csv")
        var refusal: Diagnostic?
        do { _ = try reader.next() } catch { refusal = error }
        guard let error = refusal else {
            Issue.record("expected a failure")
            return
        }
        #expect(error.message.contains("引号"))
        #expect(error.hint != nil)
        #expect(error.location == SourceLocation(file: "证据.csv", line: 1, column: 2))
    }

    @Test func invalidUTF8IsReportedWhereItIs() {
        // Valid UTF-8 Chinese first, so the file is taken as UTF-8; then a lone 0xFF.
        let bytes = Array("工号,x\n张三,".utf8) + [0xFF] + Array("\nok,1\n".utf8)
        #expect(
            readOutcomes(bytes) == [
                .record(["工号", "x"], line: 1, number: 1),
                .problem(code: "text.undecodable", line: 2, column: 4),
                .record(["ok", "1"], line: 3, number: 3),
            ])
    }

    @Test func everyChunkSizeGivesTheSameResult() {
        let text = "\u{FEFF}工号,备注\r\n1001,\"他说\"\"好\"\"\r\n第二行，完\"\r\n1002,€𝄞,x\r\n\"a\"b,c\r\nlast,\"\"\"\""
        let expected = readOutcomes(text)
        #expect(expected.count == 5)
        for size in [1, 2, 3, 4, 5, 7, 13] {
            #expect(readOutcomes(text, chunkSize: size) == expected, "chunk size \(size)")
        }
    }

    @Test func rawRecordsGiveBytesWithoutStrings() {
        var reader = CSVReader(bytes: Array("工号,\"a\"\"b\"\n".utf8), file: "t.csv", chunkSize: 3)
        guard let raw = try? reader.nextRaw() else { Issue.record("no record"); return }
        #expect(raw.count == 2)
        #expect(Array(raw.utf8(at: 1)) == Array("a\"b".utf8))
        #expect(raw.field(at: 0, equals: "工号"))
        #expect(raw.withUTF8(at: 0) { $0.count } == 6)
        #expect(raw.location(at: 1).column == 4)
        let rest = try? reader.nextRaw()
        #expect(rest == nil)
    }

    @Test func keptRawRecordIsNotOverwritten() {
        var reader = CSVReader(bytes: Array("a,b\nc,d\n".utf8), file: "t.csv")
        guard let first = try? reader.nextRaw(), let second = try? reader.nextRaw() else {
            Issue.record("no records"); return
        }
        #expect(first.string(at: 0) == "a")
        #expect(second.string(at: 1) == "d")
    }

    @Test func readsFromAFile() throws {
        var problems = DiagnosticSink()
        let records = try withTemporaryFolder { folder in
            try folder.write("证据.csv", "工号,姓名\n1001,张三\n")
            var reader = try CSVReader(path: folder.file("证据.csv"), displayName: "证据.csv", chunkSize: 4)
            return reader.readAll(sink: &problems)
        }
        #expect(problems.isEmpty)
        #expect(records.map(\.texts) == [["工号", "姓名"], ["1001", "张三"]])
        #expect(records[1].fields[1].location.file == "证据.csv")
    }

    @Test func missingFileIsADiagnostic() {
        do {
            _ = try CSVReader(path: "/nonexistent/x.csv")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == "io.open-failed")
        }
    }
}
