import Foundation
import Testing

/// `scorecard annual` and `scorecard vacancy` on the bundled rules and the demo 2025 year.
@Suite("annual and vacancy")
struct AnnualCLITests {
    @Test func theAnnualRankingNamesTheVersionsAndTheExcellent() throws {
        let run = try CLI.run(["annual", "--color", "never"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("规则版本：2025-Q1、2025-Q2 用 2021.1；2025-Q3、2025-Q4 用 2025.1"))
        #expect(run.stdout.contains("年度评选规则取年末（2025-Q4）所用的版本 2025.1"))
        let table = try #require(PrintedTable.all(in: run.stdout).first { $0.title.hasPrefix("年度排名") })
        #expect(
            table.rows.first?.split(separator: " ").map(String.init) == [
                "1", "10516", "蒋秀梅", "机电队", "早班", "98.50", "99.50", "97.50", "98.50", "394.00", "优秀", "500.00",
            ])
        #expect(table.rows.contains { $0.contains("10465") && $0.contains("未参加评选：不满四个季度") })
        #expect(PrintedTable.all(in: run.stdout).contains { $0.title == "按汇报对象汇总" })
        #expect(run.stdout.contains("奖励合计：3065.00 元（季度奖励 1565.00 + 年终奖励 1500.00）"))
    }

    @Test func annualJSONAndCSV() throws {
        let json = try CLI.run(["annual", "--year", "2025", "--format", "json"])
        #expect(json.status == 0, "\(json.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: json.stdoutData) as? [String: Any])
        #expect(document["year"] as? Int == 2025)
        let rules = try #require(document["annual_rules"] as? [String: Any])
        #expect(rules["version"] as? String == "2025.1")
        #expect((document["managers"] as? [Any])?.isEmpty == false)
        #expect(json.stdout.contains("\"reward_total\": 3065.00"))
        let csv = try CLI.run(["annual", "--format", "csv"])
        #expect(csv.status == 0)
        #expect(csv.stdout.contains("1,10516,蒋秀梅,机电队,早班,班组长,郑国栋,98.50,99.50,97.50,98.50,394.00,394.00,优秀,175.00,500.00,675.00"))
    }

    @Test func aYearWithoutEvidenceIsRefused() throws {
        let run = try CLI.run(["annual", "--year", "2019"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("evidence.no-year") && run.stderr.contains("2025"))
        #expect(run.stdout.isEmpty)
    }

    @Test func evaluateHasAPerManagerTable() throws {
        let run = try CLI.run(["evaluate", "--color", "never"])
        #expect(run.status == 0)
        let table = try #require(PrintedTable.all(in: run.stdout).first { $0.title == "按汇报对象汇总" })
        #expect(table.rows.contains { $0.hasPrefix("政工联系员工作办公室") && $0.split(separator: " ").contains("2") })
    }

    @Test func theVacancyListSaysWhoIsInThePool() throws {
        let run = try CLI.run(["vacancy", "--color", "never"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("只列出 2025-12-31 仍在任的联系员"))
        #expect(run.stdout.contains("10465 沈继红（2025-06-30 离任）"))
        let table = try #require(PrintedTable.all(in: run.stdout).first)
        #expect(table.rows.first?.contains("10516") == true)
        #expect(table.rows.last?.contains("10489") == true)
    }
}
