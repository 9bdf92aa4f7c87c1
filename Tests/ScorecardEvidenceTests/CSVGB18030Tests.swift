import Testing
import ScorecardBase
@testable import ScorecardEvidence

/// "工号,姓名\n1001,张三\n" as Chinese Excel saves it.
let gbSample: [UInt8] =
    [0xB9, 0xA4, 0xBA, 0xC5, 0x2C, 0xD0, 0xD5, 0xC3, 0xFB, 0x0A]
    + Array("1001,".utf8) + [0xD5, 0xC5, 0xC8, 0xFD, 0x0A]

@Suite struct CSVGB18030Tests {
    @Test func detectsAndDecodesGB18030() {
        var reader = CSVReader(bytes: gbSample, file: "t.csv")
        var problems = DiagnosticSink()
        let records = reader.readAll(sink: &problems)
        #expect(problems.isEmpty)
        #expect(records.map(\.texts) == [["工号", "姓名"], ["1001", "张三"]])
        let encoding = reader.encoding
        #expect(encoding == .gb18030)
    }

    @Test func gb18030AcrossEveryChunkBoundary() {
        let expected = readOutcomes(gbSample)
        for size in 1...6 {
            #expect(readOutcomes(gbSample, chunkSize: size) == expected, "chunk size \(size)")
        }
    }

    @Test func gb18030AfterALongASCIIPrefix() {
        let bytes = Array("id,name\n".utf8) + Array(repeating: Array("1,x\n".utf8), count: 50).flatMap { $0 } + gbSample
        let outcomes = readOutcomes(bytes, chunkSize: 16)
        #expect(outcomes.last == .record(["1001", "张三"], line: 53, number: 53))
    }

    @Test func invalidGB18030ByteIsReportedWhereItIs() {
        // 0xFF is not a GB18030 lead byte.
        let bytes = gbSample + [0xD5, 0xC5, 0x2C, 0xFF, 0x0A] + Array("ok\n".utf8)
        let outcomes = readOutcomes(bytes, encoding: .gb18030)
        #expect(
            outcomes.suffix(2) == [
                .problem(code: "text.undecodable", line: 3, column: 3),
                .record(["ok"], line: 4, number: 4),
            ])
    }

    @Test func explicitEncodingIsUsed() {
        var reader = CSVReader(bytes: gbSample, file: "t.csv", encoding: .gb18030, chunkSize: 3)
        var problems = DiagnosticSink()
        let records = reader.readAll(sink: &problems)
        #expect(records.first?.texts == ["工号", "姓名"])
    }
}
