import ScorecardBase
import Testing
@testable import ScorecardRules

/// Rule files as Windows editors save them: CRLF line ends, a BOM, sometimes GB18030.
@Suite struct FileFormTests {
    static let badFormula = ExpressionErrorTests.items(formula: "reports_due + 5.0 * reprts_due")

    @Test func crlfLineEndsKeepLinesAndColumns() {
        let items = Self.badFormula.replacingOccurrences(of: "\n", with: "\r\n")
        expectOnlyError(Rules.load(items: items), "expr.name.unknown", at: "t/items.yaml", 13, 36)
    }

    @Test func byteOrderMarkIsNotAColumn() {
        let result = loadPolicy(sources: [
            RuleSource(displayPath: "t/extra.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("itmes: []\n".utf8))
        ])
        expectError(result, "rules.unknown-section", at: "t/extra.yaml", 1, 1, suggesting: "items")
    }

    @Test func byteOrderMarkBeforeACleanPolicyIsAccepted() {
        let sources = Rules.defaults.keys.sorted().map { stem in
            RuleSource(displayPath: "t/\(stem).yaml", bytes: [0xEF, 0xBB, 0xBF] + Array(Rules.defaults[stem]!.utf8))
        }
        expectClean(loadPolicy(sources: sources))
    }

    @Test func fileThatIsNotUTF8IsOneDiagnosticWithItsPlace() throws {
        // "title: 遵守" in GB18030: 遵 = D7 F1, 守 = CA D8.
        let bytes = Array("items:\n  - id: i01\n    title: ".utf8) + [0xD7, 0xF1, 0xCA, 0xD8] + Array("\n".utf8)
        let result = loadPolicy(sources: [RuleSource(displayPath: "t/gbk.yaml", bytes: bytes)])
        let diagnostic = try #require(result.errors.first)
        #expect(diagnostic.code == "yaml.encoding", "\(result.listing)")
        #expect(diagnostic.location?.file == "t/gbk.yaml")
        #expect(diagnostic.location?.line == 3)
        #expect(!(diagnostic.hint ?? "").isEmpty)
        #expect(!result.codes.contains("rules.missing-section"), "\(result.listing)")
    }

    @Test func formulaWrappedOverTwoPlainLinesPointsAtItsStart() {
        // A plain scalar folded over lines is not a verbatim copy of the file, so the error
        // falls back to where the formula starts rather than guessing a column.
        let items = ExpressionErrorTests.items(formula: "if reports_due == 0 then 5\n        else 5 * reports_on_tme / reports_due")
        let diagnostic = expectOnlyError(
            Rules.load(items: items), "expr.name.unknown", at: "t/items.yaml", 13, 16, suggesting: "reports_on_time")
        #expect(diagnostic?.message.contains("reports_on_tme") == true)
    }
}
