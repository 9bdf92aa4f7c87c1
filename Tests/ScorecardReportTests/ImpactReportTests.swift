import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardReport

/// The demo revision's impact on 2025-Q4 (worked out by hand in ImpactDemoTests) as each
/// format prints it.
@Suite struct ImpactReportTests {
    private func report(color: Bool = false) throws -> ImpactReport {
        let workspace = Workspace(rulesPath: packagePath("rules"), evidencePath: packagePath("seeds"))
        let versions = try #require(workspace.versions)
        var sink = DiagnosticSink()
        let impact = ImpactAnalysis.compare(
            old: try #require(versions.version(named: "2021.1")), new: try #require(versions.version(named: "2025.1")),
            evidence: workspace.evidenceFolder, roster: try #require(workspace.roster), quarter: try #require(Quarter("2025-Q4")),
            sink: &sink)
        return ImpactReport(impact: try #require(impact), color: color)
    }

    @Test func textHasTheFundsTheGradeMovementsAndTheOfficersWhoChanged() throws {
        let text = try report().text()
        #expect(text.hasPrefix("对结果的影响（2025-Q4，20 名联系员）\n旧版本 2021.1（2021-09-27 起施行）→ 新版本 2025.1（2025-07-01 起施行）"))
        #expect(text.contains("党建经费  345.00  415.00  +70.00\n"))
        #expect(text.contains("等级变化：1 人（升 0 人，降 1 人）\n  良好 → 合格：1 人（降）\n"))
        #expect(text.contains("结果有变化的联系员：6 人（其余 14 人不变），按变化大小排列\n"))
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("10") }
        #expect(rows.map { String($0.prefix(5)) } == ["10339", "10312", "10452", "10516", "10611", "10533"])
        #expect(rows.first?.hasSuffix("110.00 → 140.00  奖励 +30.00") == true)
        #expect(rows.last?.contains("良好 → 合格") == true && rows.last?.hasSuffix("等级降 1 档") == true)
        #expect(!text.contains("\u{1B}"), "plain unless asked")
        #expect(!text.contains("说明"), "nothing to note on the demo")
    }

    @Test func colourMarksRisesGreenAndFallsRedWithoutBreakingTheColumns() throws {
        let plain = try report().text()
        let colored = try report(color: true).text()
        #expect(colored.contains("\u{1B}[32m+70.00\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[32m奖励 +30.00\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[31m等级降 1 档\u{1B}[0m"))
        #expect(colored.contains("良好 → 合格：1 人\u{1B}[31m（降）\u{1B}[0m"))
        let stripped = colored.replacingEscapes()
        #expect(stripped == plain)
    }

    @Test func jsonFollowsTheDocumentedLayout() throws {
        let json = try report().json().rendered()
        #expect(
            json.contains(
                """
                  "officers_compared": 20,
                  "officers_changed": 6,
                  "officers_unchanged": 14,
                """))
        #expect(
            json.contains(
                """
                      "officer": "10339",
                      "name": "袁志刚",
                      "unit": "综采二队",
                      "total": {
                        "old": 93.40,
                        "new": 93.40,
                        "delta": 0.00
                      },
                      "grade": {
                        "old": "优秀",
                        "new": "优秀",
                        "direction": "same",
                        "steps": 0
                      },
                      "reward": {
                        "old": 110.00,
                        "new": 140.00,
                        "delta": 30.00
                      }
                """))
        #expect(json.contains("\"from\": \"良好\",\n      \"to\": \"合格\",\n      \"count\": 1,\n      \"direction\": \"down\""))
        #expect(json.contains("\"in_new\": true,\n      \"old\": 345.00,\n      \"new\": 415.00,\n      \"delta\": 70.00"))
        #expect(json.hasSuffix("\"notes\": []\n}"))
    }

    @Test func markdownHasAHeadingAFundTableMovementsAndAnOfficerTable() throws {
        let markdown = try report().markdown()
        #expect(markdown.hasPrefix("## 对结果的影响（2025-Q4，20 名联系员）\n\n"))
        #expect(markdown.contains("| 经费 | 旧版本 | 新版本 | 变化 |\n|---|---:|---:|---:|\n| 党建经费 | 345.00 | 415.00 | +70.00 |\n"))
        #expect(markdown.contains("### 等级变化\n\n- 良好 → 合格：1 人（降）\n"))
        #expect(markdown.contains("| 10339 | 袁志刚 | 综采二队 | 93.40 | 优秀 | 110.00 → 140.00 | 奖励 +30.00 |\n"))
        #expect(markdown.contains("| 10533 | 石磊 | 机电队 | 76.84 | 良好 → 合格 | 10.00 | 等级降 1 档 |\n"))
        #expect(!markdown.contains("\u{1B}"))
    }
}

extension String {
    /// The text with ANSI SGR sequences taken out.
    fileprivate func replacingEscapes() -> String {
        var out = ""
        var inEscape = false
        for scalar in unicodeScalars {
            if scalar == "\u{1B}" { inEscape = true; continue }
            if inEscape { if scalar == "m" { inEscape = false }; continue }
            out.unicodeScalars.append(scalar)
        }
        return out
    }
}
