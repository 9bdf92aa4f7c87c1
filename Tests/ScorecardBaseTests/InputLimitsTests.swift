import Foundation
@testable import ScorecardBase
import Testing
import ScorecardTestSupport

/// The limits and how they are raised, the values shortened in messages, and reading only
/// regular files, only as far as a limit.
@Suite struct InputLimitsTests {
    @Test(arguments: [("1048576", 1_048_576), ("128K", 131_072), ("64m", 67_108_864), ("2G", 2_147_483_648)])
    func sizesAreWholeNumbersWithBinaryMultiples(text: String, bytes: Int) {
        let limits = try? InputLimits.from(environment: { $0 == "SCORECARD_MAX_FIELD_BYTES" ? text : nil })
        #expect(limits?.fieldBytes == bytes)
    }

    @Test(arguments: ["", "0", "-5", "1MB", "1.5M", " 64", "99999999999999999999", "9999999999999G"])
    func anythingElseIsRefusedNamingTheVariable(text: String) {
        let problem = #expect(throws: Diagnostic.self, "“\(text)” was taken") {
            try InputLimits.from(environment: { $0 == "SCORECARD_MAX_RECORD_BYTES" ? text : nil })
        }
        guard let problem else { return }
        #expect(problem.code == "input.bad-limit")
        #expect(problem.message.contains("SCORECARD_MAX_RECORD_BYTES"))
    }

    @Test func cellsTakeNoSizeSuffix() {
        #expect((try? InputLimits.from(environment: { $0 == "SCORECARD_MAX_CELLS" ? "100000" : nil }))?.cellsPerRow == 100_000)
        #expect((try? InputLimits.from(environment: { $0 == "SCORECARD_MAX_CELLS" ? "16K" : nil })) == nil)
    }

    @Test func unsetVariablesLeaveTheDefaults() {
        #expect((try? InputLimits.from(environment: { _ in nil })) == .default)
    }

    @Test func theHintNamesTheVariableItsValueAndAnExample() {
        let hint = InputLimits.raiseHint(InputLimits.field, current: 128 << 10)
        #expect(hint.contains("SCORECARD_MAX_FIELD_BYTES 提高上限（现为 128K）"))
        #expect(hint.contains("SCORECARD_MAX_FIELD_BYTES=1M scorecard check"))
        #expect(InputLimits.describe(1 << 20, bytes: true) == "1048576 字节（1M）")
        #expect(InputLimits.describe(16384, bytes: false) == "16384 格")
    }

    @Test func aFileTooLargeIsPlacedWhereItPassesTheLimit() {
        let bytes = Array("ab\r\n中文\ncdef".utf8)
        let problem = InputLimits.fileTooLarge("f.yaml", prefix: bytes, limit: 12, setting: InputLimits.yamlFile, what: "规则文件")
        #expect(problem.code == "input.file-too-large")
        #expect(problem.location?.description == "f.yaml:3:2")
        #expect(problem.hint?.contains("SCORECARD_MAX_YAML_BYTES") == true)
    }

    // MARK: Values in messages

    @Test func longValuesAreShortenedWithTheirLength() {
        let long = String(repeating: "1234", count: 13_107_200) // 52428800 characters
        #expect(MessageText.quoted(long) == "“12341234123412341234123412341234…”（共 52428800 个字符）")
        #expect(MessageText.shortened(String(repeating: "中", count: 65)) == String(repeating: "中", count: 32) + "…（共 65 个字符）")
    }

    @Test func valuesUpToTheLimitAreShownWhole() {
        let sixtyFour = String(repeating: "x", count: 64)
        #expect(MessageText.quoted(sixtyFour) == "“\(sixtyFour)”")
        #expect(MessageText.quoted("") == "“”")
    }

    @Test func controlCharactersAreShownVisibly() {
        #expect(MessageText.quoted("a\u{0}b\u{1B}c\u{7F}\u{85}") == "“a\\u0000b\\u001bc\\u007f\\u0085”")
    }

    @Test func aListIsCutToItsFirstFew() {
        #expect(MessageText.quotedList(["a", "b", "c"], limit: 2, unit: "列") == "“a”、“b” 等 3 列")
        #expect(MessageText.quotedList(["a", "b"], limit: 2) == "“a”、“b”")
    }

    // MARK: Suggestions over long names

    @Test func theBoundedDistanceAgreesWithTheFullOne() {
        let words = [
            "points", "pionts", "pointss", "appoints", "po", "", "reports_due", "report_due", "应报信息次数", "应报次数", "abcdef", "badcfe",
        ]
        for a in words {
            for b in words {
                let full = NameSuggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars))
                for limit in 1...3 {
                    let bounded = NameSuggestion.editDistance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
                    #expect(bounded == (full <= limit ? full : nil), "\(a) / \(b) within \(limit)")
                }
            }
        }
    }

    @Test func aSuggestionAmongLongNamesCostsTheirLengthNotItsSquare() {
        // 200,000 characters each: a full table would be 4·10^10 cells.
        let long = String(repeating: "工", count: 200_000)
        #expect(NameSuggestion.closest(to: long + "号", among: [long + "名", "officer"]) == long + "名")
        #expect(NameSuggestion.closest(to: "pionts", among: ["points", "title"]) == "points")
    }

    // MARK: Reading

    @Test func aReadStopsAtItsLimit() throws {
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        let folder = scratch.path
        try scratch.write("big", bytes: [UInt8](repeating: 0x61, count: 200_000))
        guard case .tooLarge(let prefix) = try FileSystem.read(folder + "/big", limit: 70_000) else {
            Issue.record("not cut")
            return
        }
        #expect(prefix.count == 70_000)
        guard case .complete(let whole) = try FileSystem.read(folder + "/big", limit: 200_000) else {
            Issue.record("cut")
            return
        }
        #expect(whole.count == 200_000)
    }

    @Test(.timeLimit(.minutes(1)))
    func onlyRegularFilesAreOpened() throws {
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        let folder = scratch.path
        #expect(mkfifo(folder + "/pipe", 0o600) == 0)
        #expect(FileSystem.kind(of: folder + "/pipe") == .other)
        #expect(FileSystem.kind(of: "/dev/zero") == .other)
        for path in [folder + "/pipe", "/dev/zero", folder] {
            let problem = #expect(throws: Diagnostic.self, "\(path) was read") { try FileSystem.read(path) }
            #expect(problem?.code == "io.not-regular-file", "\(path)")
        }
        let failure = #expect(throws: FileSystem.OpenFailure.self, "a FIFO was opened") {
            _ = try FileSystem.openRegularFile(folder + "/pipe")
        }
        guard case .notRegular(let what)? = failure else {
            Issue.record("a FIFO was refused for another reason")
            return
        }
        #expect(what == "命名管道（FIFO）")
    }
}
