import ScorecardBase
import ScorecardLedger
import ScorecardReport
import Testing

/// provenance.json is read back with the YAML layer: JSON is YAML 1.2, and what the ledger
/// writes is escaped so libyaml gives every string back exactly.
@Suite struct ProvenanceReadingTests {
    static let quarter = Quarter(year: 2025, number: 4)!

    func provenance(name: String, path: String) -> Provenance {
        let digest = String(repeating: "0123456789abcdef", count: 4)
        return Provenance(
            quarter: Self.quarter, recordedAt: UTCTime(year: 2026, month: 1, day: 5, hour: 8, minute: 30)!, engineVersion: "0.1.0",
            policy: .init(id: "jiangou", name: name, version: "2021.1", effective: "2021-09-27"),
            rulesPath: path, ruleFiles: [LedgerFile(path: path + "/items.yaml", name: "items.yaml", sha256: digest)],
            evidencePath: "seeds",
            evidenceFiles: [LedgerFile(path: "seeds/2025-Q4/scores.csv", name: "2025-Q4/scores.csv", sha256: digest)],
            outputs: [LedgerFile(path: "results.json", name: "results.json", sha256: digest)],
            recordedBy: name, reason: path,
            roster: LedgerRoster(
                path: "seeds/officers.csv", name: "officers.csv", officers: [LedgerOfficer(id: "10231", name: name, sha256: digest)]))
    }

    /// Every character the writer escapes, the ones YAML 1.1 reads as line breaks or refuses
    /// raw (DEL, C1, NEL, U+2028/2029, BOM, U+FFFE/FFFF), and ordinary text around them.
    static let awkward: [String] = [
        "碱沟煤矿政工联系员制度", "引号\"与\\反斜杠/", "换行\n回车\r制表\t", "\u{0}\u{1}\u{1F}", "\u{7F}\u{80}\u{85}\u{9F}\u{A0}",
        "行\u{2028}段\u{2029}", "\u{FEFF}开头", "\u{FFFE}\u{FFFF}\u{FFFD}", "😀 𠀋", " 前后空格 ", "- 看似列表", "# 看似注释", "null", "'单引号'", "",
    ]

    @Test(arguments: awkward)
    func everyStringReadsBackExactly(_ text: String) throws {
        let written = provenance(name: text, path: "rules/" + text)
        let json = written.renderJSON()
        let read = try Provenance.parse(Array(json.utf8), file: "provenance.json")
        #expect(read.policy.name == text)
        #expect(read.recordedBy == text)
        #expect(read.reason == "rules/" + text)
        #expect(read.rulesPath == "rules/" + text)
        #expect(read.roster?.officers.first?.name == text)
        #expect(read.formatVersion == Provenance.format)
    }

    @Test func theLineBreaksOfYAMLOneOneAreEscaped() {
        let json = provenance(name: "\u{85}\u{2028}\u{2029}\u{FEFF}\u{7F}", path: "rules").renderJSON()
        #expect(json.contains(#""name": "\u0085\u2028\u2029\ufeff\u007f""#))
        // results.json keeps the standard escaping: its bytes do not change.
        #expect(JSONValue.string("\u{2028}").rendered() == "\"\u{2028}\"")
    }

    @Test func theDigestsKeepTheirPlaceForTheCaret() throws {
        let json = provenance(name: "x", path: "rules").renderJSON()
        let read = try Provenance.parse(Array(json.utf8), file: "p.json")
        let location = try #require(read.evidenceFiles.first?.location)
        let line = json.components(separatedBy: "\n")[location.line - 1]
        #expect(line.hasPrefix("        \"sha256\": \""))
        #expect(location.column == 19)
        #expect(location.length == 66)
    }

    @Test(arguments: [
        ("{\"format\": \"scorecard-ledger/2\", \"quarter\": ", "记录文件不是有效的 JSON"),
        ("[1, 2]", "最外层应是一个对象"),
        ("{\"format\": 2}", "“format”应是字符串"),
        ("{\"format\": \"scorecard-ledger/9\"}", "不是本程序认识的"),
        ("{\"format\": \"scorecard-ledger/2\", \"format\": \"scorecard-ledger/2\"}", "记录文件不是有效的 JSON"),
        ("", "文件是空的"),
    ])
    func aDamagedFileIsABadRecordWithAPlace(text: String, message: String) {
        let problem = #expect(throws: Diagnostic.self, "accepted \(text)") { try Provenance.parse(Array(text.utf8), file: "p.json") }
        guard let problem else { return }
        #expect(problem.code == "ledger.bad-record")
        #expect(problem.message.contains(message), "\(problem)")
        #expect(problem.location?.file == "p.json")
    }
}
