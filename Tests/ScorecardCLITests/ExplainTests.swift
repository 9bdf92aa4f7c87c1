import Foundation
import Testing

@Suite("explain")
struct ExplainTests {
    func output() throws -> CLI.Result {
        let run = try CLI.cached(["explain", "--rules-version", "2021.1", "10533"])
        try #require(run.status == 0, "\(run.stderr)")
        return run
    }

    /// The lines of one item's block: from `i07  …` to the next item.
    func block(_ item: String) throws -> [String] {
        let lines = try output().stdoutLines
        let start = try #require(lines.firstIndex { $0.hasPrefix("\(item)  ") })
        let end = lines[(start + 1)...].firstIndex { !$0.hasPrefix(" ") } ?? lines.endIndex
        return Array(lines[start..<end])
    }

    @Test func nameAndIDGiveTheSameExplanation() throws {
        let byName = try CLI.run(["explain", "--rules-version", "2021.1", "石磊"])
        #expect(byName.status == 0)
        #expect(byName.stderr == "")
        #expect(byName.stdoutData == (try output().stdoutData))
    }

    @Test func headerNamesOfficerQuarterAndRecord() throws {
        let lines = try output().stdoutLines
        #expect(lines[0].hasPrefix("联系员 10533 石磊（机电队 夜班"))
        #expect(lines[0].hasSuffix("· 2025-Q4"))
        #expect(lines.contains("记录：seeds/2025-Q4/scores.csv:18:1"))
    }

    @Test func computedItemShowsFormulaExactValueAndRounding() throws {
        let block = try block("i07")
        #expect(block[0].hasPrefix("i07  4.17 / 5  按照规定定期、准确上报信息"))
        #expect(block.contains("     公式 if reports_due == 0 then 5 else 5 * reports_on_time / reports_due"))
        #expect(block.contains { $0.hasPrefix("     = 4.166666666666666667 → 4.17") })
        #expect(block.contains { $0.contains("依据 考核标准7") && $0.contains("规则 rules/items.yaml:") })
    }

    /// The evidence each formula used, with where it was recorded; the places really point at
    /// those values in the (GB18030, CRLF) file.
    @Test func evidenceValuesCarryTheirPlaces() throws {
        let used = try #require(try block("i07").first { $0.hasPrefix("     用到：") })
        #expect(used.contains("reports_due = 6（seeds/2025-Q4/scores.csv:18:75）"))
        #expect(used.contains("reports_on_time = 5（seeds/2025-Q4/scores.csv:18:77）"))

        let bytes = try Data(contentsOf: CLI.packageRoot.appendingPathComponent("seeds/2025-Q4/scores.csv"))
        let rows = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let row18 = [UInt8](rows[17].filter { $0 != 0x0D })
        #expect(row18.allSatisfy { $0 < 0x80 }) // all ASCII: byte offsets are columns
        func value(atColumn column: Int) -> String {
            String(decoding: row18[(column - 1)...].prefix { $0 != UInt8(ascii: ",") }, as: UTF8.self)
        }
        #expect(value(atColumn: 1) == "10533")
        #expect(value(atColumn: 75) == "6")
        #expect(value(atColumn: 77) == "5")
    }

    @Test func assessedItemShowsTheRawScoreAndItsPlace() throws {
        let block = try block("i01")
        #expect(block[0].hasPrefix("i01  4.00 / 5"))
        #expect(block.contains("     考核人打分 4.0（seeds/2025-Q4/scores.csv:18:7）"))
        #expect(block.contains { $0.contains("依据 考核标准1") })
    }

    @Test func totalGradeAndReward() throws {
        let lines = try output().stdoutLines
        #expect(lines.contains { $0.hasPrefix("总分 76.84 / 100，等级 良好") })
        #expect(lines.contains { $0.hasPrefix("奖励 建议采纳奖励：10.00 元（区队 2 条 × 5），从党建经费列支；依据 2.3.1；规则 rules/rewards.yaml:") })
        #expect(lines.contains("奖励合计 10.00 元"))
    }

    @Test func everyItemIsExplained() throws {
        let lines = try output().stdoutLines
        for number in 1...20 {
            let id = String(format: "i%02d", number)
            #expect(lines.contains { $0.hasPrefix("\(id)  ") }, "\(id)")
            #expect(lines.contains { $0.contains("依据 考核标准\(number)；") }, "\(id)")
        }
    }

    @Test func conditionItemShowsTheConditionAndItsReason() throws {
        let run = try CLI.run(["explain", "--rules-version", "2021.1", "钟宏斌"])
        #expect(run.status == 0)
        let lines = run.stdoutLines
        let start = try #require(lines.firstIndex { $0.hasPrefix("i12  ") })
        #expect(lines[start].hasPrefix("i12  0.00 / 5"))
        #expect(lines[start + 1] == "     条件成立：violations > 0 → 得 0 分（本季度有违章记录，本项不得分）")
        #expect(lines[start + 2].hasPrefix("     用到：violations = 1（seeds/2025-Q4/scores.csv:"))
        #expect(lines.contains { $0.hasPrefix("总分 62.75 / 100，等级 合格") })
    }

    @Test(arguments: ["99999", "张三"])
    func anUnknownOfficerIsAUsageErrorListingTheOfficers(officer: String) throws {
        let run = try CLI.run(["explain", "--rules-version", "2021.1", officer])
        #expect(run.status == 2)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("“\(officer)”"))
        for known in ["10533 石磊", "10339 袁志刚", "10231 田晓东", "10637 崔振宇"] {
            #expect(run.stderr.contains(known))
        }
        #expect(run.stderr.components(separatedBy: "、").count == 20)
    }

    @Test func explainWithoutAnOfficerIsAUsageError() throws {
        let run = try CLI.run(["explain", "--rules-version", "2021.1"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("用法：scorecard explain"))
    }
}

/// Asking for someone who is not in the quarter (issue 13).
@Suite("explain: nobody by that name")
struct ExplainNotFoundTests {
    @Test func aNearMissOfANameSuggestsTheNameFirst() throws {
        let run = try CLI.cached(["explain", "石雷", "--quarter", "2025-Q4"])
        #expect(run.status == 2)
        let lines = run.stderrLines
        #expect(lines[0] == "2025-Q4 没有工号或姓名为“石雷”的联系员；是否想写“石磊”（10533）？", "\(run.stderr)")
        #expect(lines[1].hasPrefix("本季度的联系员：10231 田晓东"))
    }

    @Test func aNearMissOfAnIdSuggestsTheOfficer() throws {
        let run = try CLI.cached(["explain", "10543", "--quarter", "2025-Q4"])
        #expect(run.stderrLines[0].hasSuffix("是否想写“石磊”（10533）？"), "\(run.stderr)")
    }

    @Test func anOfficerWhoLeftIsSaidToHaveLeftAndWhen() throws {
        for asked in ["10465", "沈继红"] {
            let run = try CLI.cached(["explain", asked, "--quarter", "2025-Q4"])
            #expect(run.status == 2)
            #expect(run.stderr.hasPrefix("联系员 10465 沈继红（掘进二队 中班）已于 2025-06-30 离任，不在 2025-Q4 的考核之列。"), "\(run.stderr)")
            #expect(run.stderr.contains("scorecard explain 10465 --quarter 2025-Q2"))
            #expect(!run.stderr.contains("本季度的联系员"), "no list of everyone: \(run.stderr)")
        }
    }

    @Test func anOfficerWhoStartedLaterIsSaidToStartThen() throws {
        let run = try CLI.cached(["explain", "10489", "--quarter", "2025-Q1"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("联系员 10489 余国梁（掘进二队 中班）自 2025-07-01 起任职，不在 2025-Q1 的考核之列。"), "\(run.stderr)")
    }
}
