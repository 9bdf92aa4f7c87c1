import Foundation
import Testing

/// `scorecard eligibility` on the demo candidates and on broken copies, and the roster checks
/// of `scorecard check` (clause 2.2.2) on broken copies of the demo roster.
@Suite("eligibility and roster")
struct EligibilityAndRosterTests {
    @Test func demoCandidatesTable() throws {
        let run = try CLI.cached(["eligibility"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        let lines = run.stdoutLines
        #expect(lines[1] == "候选人名单：seeds/candidates.csv，8 人：符合 4 人，不符合 4 人")
        let headerIndex = try #require(lines.firstIndex { $0.hasPrefix("候选人  ") })
        #expect(lines[headerIndex].fields == ["候选人", "单位", "班次", "2.2.1.1", "2.2.1.2", "2.2.1.3", "2.2.1.4", "结论"])
        let kong = try #require(lines.first { $0.hasPrefix("10624 孔德顺") })
        #expect(kong.fields == ["10624", "孔德顺", "通风队", "中班", "符合", "符合", "不符合", "不符合", "不符合"])
        // Columns line up in a terminal: each column starts in the same cell on every row.
        let rows = lines[headerIndex..<headerIndex + 10]
        let start = DisplayWidth.of(lines[headerIndex].prefix { $0 != "结" })
        for row in rows where !row.hasPrefix("-") {
            let conclusion = row.fields.last ?? ""
            #expect(DisplayWidth.of(row) - DisplayWidth.of(conclusion) == start, "\(row)")
        }
    }

    @Test func reasonsNameTheRequirementAndTheValues() throws {
        let run = try CLI.cached(["eligibility"])
        let text = run.stdout
        #expect(
            text.contains(
                """
                10624 孔德顺（通风队 中班）：不符合
                  不符合 2.2.1.3 在本岗位上工作业绩突出
                      要求：post_rating == "优秀" or post_rating == "良好"（rules/2025-07-01/eligibility.yaml:41:16）
                      记录：post_rating（上年度岗位考核等级）= “合格”（seeds/candidates.csv:8:23）
                  不符合 2.2.1.4 在周围同事中有良好的人际关系
                      要求：peer_approval >= 80（rules/2025-07-01/eligibility.yaml:46:16）
                      记录：peer_approval（民主测评满意率）= 71.5（seeds/candidates.csv:8:26）
                """))
        #expect(text.contains("记录：volunteered（本人自愿）= 否（seeds/candidates.csv:6:22）"))
        // Eligible candidates have no reasons.
        #expect(!text.contains("10339 袁志刚（"))
    }

    @Test func json() throws {
        let run = try CLI.cached(["eligibility", "--format", "json"])
        #expect(run.status == 0)
        let document = try #require(try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        #expect(document["require"] as? String == "all")
        let candidates = try #require(document["candidates"] as? [[String: Any]])
        #expect(candidates.count == 8)
        let kong = try #require(candidates.first { $0["candidate"] as? String == "10624" })
        #expect(kong["verdict"] as? String == "ineligible")
        let criteria = try #require(kong["criteria"] as? [[String: Any]])
        #expect(criteria.map { $0["result"] as? String } == ["holds", "holds", "fails", "fails"])
        #expect((criteria[3]["values"] as? [String: Any])?["peer_approval"] as? NSNumber == 71.5)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect((summary["eligible"] as? NSNumber)?.intValue == 4)
    }

    @Test func csv() throws {
        let run = try CLI.cached(["eligibility", "--format", "csv"])
        #expect(run.status == 0)
        let lines = run.stdout.components(separatedBy: "\r\n")
        #expect(lines[0] == "\u{FEFF}candidate,name,unit,area,political,keen,performance,relations,verdict")
        #expect(lines.contains("10645,夏立伟,通风队,中班,不符合,符合,符合,不符合,不符合"))
    }

    @Test func badCandidateRowsAreReportedAndLeftOut() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try ws.replace("seeds/candidates.csv", "10478,白云飞,掘进二队,夜班,通过,是,合格,82.5", with: "10478,白云飞,掘进二队,夜班,通过,是,及格,82.5")
        try ws.replace("seeds/candidates.csv", "10502,方振东,掘进二队,中班,通过,是,良好,80", with: "10502,方振东,掘进二队,中班,通过,是,良好,180")
        let run = try ws.run(["eligibility"])
        #expect(run.status == 1)
        let blocks = DiagnosticBlock.parse(run.stderr)
        #expect(
            blocks.map { "\($0.code)@\($0.file):\($0.line):\($0.column)" } == [
                "evidence.bad-value@seeds/candidates.csv:5:27", "evidence.bad-value@seeds/candidates.csv:7:24",
            ])
        #expect(blocks[1].hint?.hasPrefix("是否想写") == true)
        #expect(run.stderr.contains("以上结果不含名单中有问题的行：10502（方振东）、10478（白云飞）"))
        #expect(run.stdout.contains("候选人名单：seeds/candidates.csv，6 人"))
        #expect(!run.stdout.contains("白云飞"))
    }

    @Test func missingCandidatesFile() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try FileManager.default.removeItem(at: ws.url("seeds/candidates.csv"))
        let run = try ws.run(["eligibility"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("错误[evidence.no-candidates]"))
        #expect(run.stdout == "")
    }

    @Test func rulesWithoutEligibility() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // Eligibility follows the newest version of the rules (2025.1, in rules/2025-07-01/).
        try FileManager.default.removeItem(at: ws.url("rules/eligibility.yaml"))
        try FileManager.default.removeItem(at: ws.url("rules/2025-07-01/eligibility.yaml"))
        let run = try ws.run(["eligibility"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("错误[rules.no-eligibility]"))
    }

    @Test func rosterBreachesFailCheck() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // 10465 stays on after her successor starts; 10471's appointment loses its reason;
        // 10533 has no training on record.
        try ws.replace("seeds/officers.csv", "2021-10-15,2021-10-20,2025-06-30", with: "2021-10-15,2021-10-20,2025-07-31")
        try ws.replace("seeds/officers.csv", "指定,新组建班组，暂由上级党组织指定,", with: "指定,,")
        try ws.replace("seeds/officers.csv", "10533,石磊,机电队,夜班,班组长,韩双喜,选举,,2024-01-09,", with: "10533,石磊,机电队,夜班,班组长,韩双喜,选举,,,")
        let run = try ws.run(["check", "--quarter", "2025-Q2"])
        #expect(run.status == 1)
        let blocks = DiagnosticBlock.parse(run.stderr)
        let roster = blocks.filter { $0.code.hasPrefix("roster.") }
        #expect(
            roster.map { "\($0.code)@\($0.file):\($0.line):\($0.column)" } == [
                "roster.missing-reason@seeds/officers.csv:16:44", "roster.missing-training@seeds/officers.csv:19:29",
            ])
        // The overlap falls in Q3: reported when Q3 is checked, with both rows.
        let q3 = try ws.run(["check", "--quarter", "2025-Q3"])
        #expect(q3.status == 1)
        let overlap = try #require(DiagnosticBlock.parse(q3.stderr).first { $0.code == "roster.area-overlap" })
        #expect(overlap.file == "seeds/officers.csv" && overlap.line == 15)
        #expect(overlap.message.contains("10465（沈继红）、10489（余国梁）"))
        #expect(overlap.body.contains { $0.contains("说明: seeds/officers.csv:14:1") })
    }

    @Test func vacantAreaFailsCheck() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try ws.replace("seeds/officers.csv", "2023-06-14,2023-06-19,", with: "2023-06-14,2023-06-19,2025-03-31")
        let run = try ws.run(["check", "--quarter", "2025-Q1"])
        #expect(run.status == 0, "\(run.stderr)")
        // 通风队夜班 has nobody from Q2 (the Q2 records still list 10637, reported as not serving).
        let q2 = try ws.run(["check", "--quarter", "2025-Q2"])
        #expect(q2.status == 1)
        let vacant = try #require(DiagnosticBlock.parse(q2.stderr).first { $0.code == "roster.area-vacant" })
        #expect(vacant.message == "通风队夜班在 2025-Q2 没有在任的联系员")
        #expect(vacant.line == 22)
    }
}
