import Foundation
import Testing

/// `--format html`: one self-contained page per report, escaped, with every officer in it.
@Suite struct HTMLReportTests {
    /// Nothing the page would fetch: no external stylesheet, script, font, image or frame.
    static func assertSelfContained(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), sourceLocation: sourceLocation)
        #expect(html.hasSuffix("</html>\n"), sourceLocation: sourceLocation)
        for forbidden in ["<link", "src=", "@import", "url(", "https://", "<iframe", "<img"] {
            #expect(!html.contains(forbidden), "the page refers to something outside it: \(forbidden)", sourceLocation: sourceLocation)
        }
        // The only address is the SVG namespace, which is a name, not a download.
        let addresses = html.components(separatedBy: "http://").dropFirst()
        #expect(addresses.allSatisfy { $0.hasPrefix("www.w3.org/2000/svg\"") }, sourceLocation: sourceLocation)
        #expect(html.contains("@media print") && html.contains("size: A4"), sourceLocation: sourceLocation)
        #expect(html.contains("display: table-header-group"), sourceLocation: sourceLocation)
    }

    static let demoNames = ["田晓东", "许文辉", "袁志刚", "蒋秀梅", "钟宏斌", "石磊"]

    @Test func theQuarterPageHasEveryOfficerAndTheirReasons() throws {
        let run = try CLI.cached(["evaluate", "--format", "html"])
        try #require(run.status == 0, "\(run.stderr)")
        Self.assertSelfContained(run.stdout)
        let csv = try CLI.cached(["evaluate", "--format", "csv"])
        let ids = csv.stdout.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }.compactMap {
            $0.split(separator: ",").first.map(String.init)
        }
        try #require(ids.count == 20)
        for id in ids {
            #expect(run.stdout.contains("id=\"officer-\(id)\""), "no card for \(id)")
            #expect(run.stdout.contains("href=\"#officer-\(id)\""), "no row for \(id)")
        }
        for name in Self.demoNames { #expect(run.stdout.contains(name)) }
        // The version used and why; a computed item's formula, its exact value and the cells it read.
        #expect(run.stdout.contains("规则版本 2025.1（2025-07-01 起施行）：本季度第一天（2025-10-01）有效的版本。"))
        #expect(run.stdout.contains("<code>if reports_due == 0 then 5 else 5 * reports_on_time / reports_due</code>"))
        #expect(run.stdout.contains("reports_due = 6（seeds/2025-Q4/scores.csv:18:75）"))
        // 钟宏斌's i12 was set by a condition: the condition and the rule's reason are shown.
        #expect(run.stdout.contains("条件成立：<code>violations &gt; 0</code> → 得 0 分（本季度有违章记录，本项不得分）"))
        #expect(run.stdout.contains("<svg class=\"chart\""))
        #expect(run.stdout.contains("table class=\"officers sortable\""))
    }

    @Test func theSamePageEveryRun() throws {
        let first = try CLI.run(["evaluate", "--format", "html"])
        let second = try CLI.cached(["evaluate", "--format", "html"])
        #expect(first.stdoutData == second.stdoutData)
    }

    @Test func namesAreShownAsWrittenNeverAsMarkup() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.replace("seeds/officers.csv", "10231,田晓东,综采一队", with: "10231,\"<script>alert('x')</script>&田\",综采一队")
        let run = try workspace.run(["evaluate", "--format", "html"])
        try #require(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("<script>alert"))
        #expect(run.stdout.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;田"))
        // The page's own script is the only one.
        #expect(run.stdout.components(separatedBy: "<script>").count == 2)
    }

    @Test func theYearPageMarksTheExcellentAndExplainsPartialYears() throws {
        let run = try CLI.cached(["annual", "--format", "html"])
        try #require(run.status == 0, "\(run.stderr)")
        Self.assertSelfContained(run.stdout)
        #expect(run.stdout.contains("★ 优秀"))
        #expect(run.stdout.components(separatedBy: "★ 优秀").count - 1 == 3)
        #expect(run.stdout.contains("未参加评选：不满四个季度（有记录的季度：2025-Q1、2025-Q2）"))
        #expect(run.stdout.contains("<svg class=\"trend\""))
        for name in Self.demoNames { #expect(run.stdout.contains(name)) }
    }

    @Test func theDiffPageShowsTheChangesAndTheImpact() throws {
        let run = try CLI.cached(["diff", "rules", "rules/2025-07-01", "--format", "html"])
        #expect(run.status == 1, "changes found: exit 1 as for every format")
        Self.assertSelfContained(run.stdout)
        #expect(run.stdout.contains("规则修订对照：2021.1 → 2025.1"))
        #expect(run.stdout.contains("对结果的影响（2025-Q4，20 名联系员）"))
        #expect(run.stdout.contains("袁志刚"))
        #expect(run.stdout.contains("<span class=\"down\">等级降 1 档</span>"))
    }

    @Test func theEligibilityPageGivesEveryReason() throws {
        let run = try CLI.cached(["eligibility", "--format", "html"])
        try #require(run.status == 0, "\(run.stderr)")
        Self.assertSelfContained(run.stdout)
        #expect(run.stdout.contains("volunteered（本人自愿）= 否（seeds/candidates.csv:6:22）"))
        for name in ["袁志刚", "曾凡宇", "孔德顺", "夏立伟"] { #expect(run.stdout.contains(name)) }
    }

    @Test(arguments: [["check", "--format", "html"], ["vacancy", "--format", "html"]])
    func commandsWithoutAPageRefuseHTML(arguments: [String]) throws {
        let run = try CLI.run(arguments)
        #expect(run.status == 2, "usage error: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }
}

extension HTMLReportTests {
    /// 田晓东's i07 divides by zero (as in FailedOfficerTests): his card says so; the others are whole.
    @Test func anOfficerWhoseResultCouldNotBeComputedIsShownSo() throws {
        let ws = try FailedOfficerTests.workspace()
        defer { ws.remove() }
        let run = try ws.run(["evaluate", "--quarter", "2025-Q1", "--format", "html"])
        #expect(run.status == 1)
        Self.assertSelfContained(run.stdout)
        #expect(run.stdout.contains("其中 1 名未算出"))
        let card = try #require(
            run.stdout.components(separatedBy: "id=\"officer-10231\"").dropFirst().first?.components(separatedBy: "</article>").first)
        #expect(card.contains("<td class=\"fail\" title=\"按规则计算，来由见下\">未算出</td>"))
        #expect(card.contains("未能计算，原因见下"))
        #expect(card.contains("<ul class=\"note-list fail\"><li>"))
        #expect(run.stdout.contains("id=\"officer-10247\""))
    }
}
