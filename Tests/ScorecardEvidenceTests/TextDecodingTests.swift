import Testing
import ScorecardBase
@testable import ScorecardEvidence

@Suite struct TextDecodingTests {
    @Test func utf8WithAndWithoutBOM() throws {
        let plain = try TextDecoding.decode(Array("工号".utf8), file: "a")
        #expect(plain == DecodedText(text: "工号", encoding: .utf8, hadBOM: false))
        let bom = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("工号".utf8), file: "a")
        #expect(bom == DecodedText(text: "工号", encoding: .utf8, hadBOM: true))
    }

    @Test func gb18030IsDetected() throws {
        let decoded = try TextDecoding.decode([0xB9, 0xA4, 0xBA, 0xC5], file: "a")
        #expect(decoded == DecodedText(text: "工号", encoding: .gb18030, hadBOM: false))
        let forced = try TextDecoding.decode(gbSample, file: "a", encoding: .gb18030)
        #expect(forced.text == "工号,姓名\n1001,张三\n")
    }

    @Test func fourByteGB18030AndBOM() throws {
        // U+FEFF as GB18030 BOM, then U+20AC € (A2 E3) and U+1D11E 𝄞 (94 32 BE 34).
        let decoded = try TextDecoding.decode([0x84, 0x31, 0x95, 0x33, 0xA2, 0xE3, 0x94, 0x32, 0xBE, 0x34], file: "a", encoding: .gb18030)
        #expect(decoded == DecodedText(text: "€𝄞", encoding: .gb18030, hadBOM: true))
    }

    @Test func invalidUTF8PointsAtTheByte() {
        let bytes = Array("ab\r\n工号x".utf8) + [0xC3, 0x28]
        guard
            let error = #expect(
                throws: Diagnostic.self, "expected failure", performing: { try TextDecoding.decode(bytes, file: "a.csv", encoding: .utf8) })
        else { return }
        #expect(error.code == "text.undecodable")
        #expect(error.location == SourceLocation(file: "a.csv", line: 2, column: 4))
        #expect(error.message.contains("0xC3"))
        #expect(error.hint?.contains("UTF-8") == true)
    }

    @Test func invalidInBothPointsAtTheLaterFailure() {
        // Valid GB18030 Chinese on line 1, then 0xFF on line 2 which neither encoding accepts.
        let bytes: [UInt8] = [0xB9, 0xA4, 0xBA, 0xC5, 0x0A, 0x61, 0xFF]
        guard
            let error = #expect(throws: Diagnostic.self, "expected failure", performing: { try TextDecoding.decode(bytes, file: "a.csv") })
        else { return }
        #expect(error.location == SourceLocation(file: "a.csv", line: 2, column: 2))
        #expect(error.message.contains("GB18030"))
    }

    @Test func truncatedGB18030AtTheEnd() {
        guard
            let error = #expect(
                throws: Diagnostic.self, "expected failure",
                performing: { try TextDecoding.decode([0x61, 0xB9], file: "a", encoding: .gb18030) })
        else { return }
        #expect(error.location?.column == 2)
    }

    @Test func validatorFindsOverlongsAndSurrogates() {
        #expect(UTF8Validation.check([0xC0, 0x80]) == .invalid(at: 0))
        #expect(UTF8Validation.check([0x61, 0xED, 0xA0, 0x80]) == .invalid(at: 1))
        #expect(UTF8Validation.check([0x61, 0xE5, 0xB7]) == .truncated(at: 1))
        #expect(UTF8Validation.check(Array("工号😀".utf8)) == .valid)
    }
}
