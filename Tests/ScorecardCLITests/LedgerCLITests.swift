import Foundation
import Testing

/// `evaluate --record`, `--force`, `--results` and `check` on recorded quarters, end to end on a
/// scratch copy of the bundled rules and seeds (the real seeds/ never gets a results folder).
@Suite("result ledger")
struct LedgerCLITests {
    static let record = ["evaluate", "--quarter", "2025-Q4", "--record"]

    func names(_ workspace: Workspace, _ path: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: workspace.url(path).path).sorted()
    }

    func provenance(_ workspace: Workspace, _ folder: String = "seeds/results/2025-Q4") throws -> [String: Any] {
        let data = try Data(contentsOf: workspace.url(folder + "/provenance.json"))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func recordOnceThenAgainUnchanged() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let first = try workspace.run(Self.record + ["--format", "json"], environment: ["LOGNAME": "记录员甲"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            first.stderr.hasPrefix(
                "已记录 2025-Q4 的结果：seeds/results/2025-Q4/（results.json、results.csv、provenance.json），规则版本 2025.1，7 个规则文件、3 个证据文件。\n"))
        // results.json is exactly what evaluate --format json prints; stdout is not polluted.
        #expect(try Data(contentsOf: workspace.url("seeds/results/2025-Q4/results.json")) == first.stdoutData)
        let csv = try workspace.run(["evaluate", "--quarter", "2025-Q4", "--format", "csv"])
        #expect(try Data(contentsOf: workspace.url("seeds/results/2025-Q4/results.csv")) == csv.stdoutData)
        #expect(try names(workspace, "seeds/results") == ["2025-Q4", "2025-Q4.history"])

        let recorded = try provenance(workspace)
        #expect(recorded["quarter"] as? String == "2025-Q4")
        // 2025-Q4 is under the demo revision in force from 2025-07-01.
        #expect((recorded["policy"] as? [String: Any])?["version"] as? String == "2025.1")
        let evidence = try #require((recorded["evidence"] as? [String: Any])?["files"] as? [[String: Any]])
        #expect(evidence.map { $0["path"] as? String } == ["seeds/2025-Q4/scores.csv", "seeds/2025-Q4/suggestions.csv"])
        #expect(evidence.allSatisfy { ($0["sha256"] as? String)?.count == 64 })
        // The roster as the rows of the 20 officers serving in the quarter, not the whole file.
        let roster = try #require(recorded["roster"] as? [String: Any])
        #expect(roster["path"] as? String == "seeds/officers.csv")
        #expect((roster["officers"] as? [[String: Any]])?.count == 20)
        #expect(recorded["recorded_by"] as? String == "记录员甲")
        let time = try #require(recorded["recorded_at"] as? String)
        #expect(time.count == 20 && time.hasSuffix("Z"), "UTC inside the record")

        let before = try workspace.text("seeds/results/2025-Q4/provenance.json")
        let again = try workspace.run(Self.record, environment: ["TZ": "CST-8"])
        #expect(again.status == 0)
        // Shown to people in local time (TZ) with its offset.
        let utc = try #require(ISO8601DateFormatter().date(from: time))
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        local.dateFormat = "yyyy-MM-dd HH:mm:ss"
        #expect(again.stderr == "2025-Q4 的结果已于 \(local.string(from: utc)) +08:00 记录（seeds/results/2025-Q4/），输入和结果都没有变化，未重写。\n")
        #expect(try workspace.text("seeds/results/2025-Q4/provenance.json") == before)

        let check = try workspace.run(["check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasSuffix("；已记录的结果与其输入一致：2025-Q4\n"))
    }

    /// The year's story: a quarter is recorded, then its evidence is corrected. Recording again
    /// is refused, check names the file, --force records it and keeps the old record.
    @Test func changedEvidenceIsRefusedCheckedAndForced() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(try workspace.run(Self.record).status == 0)
        let old = try workspace.text("seeds/results/2025-Q4/provenance.json")
        let oldResults = try workspace.text("seeds/results/2025-Q4/results.json")
        try workspace.replaceBytes("seeds/2025-Q4/scores.csv", Array("10231,4.5,5.0,".utf8), with: Array("10231,4.0,5.0,".utf8))

        let refused = try workspace.run(Self.record)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("错误[ledger.final]: 2025-Q4 的结果已于 "))
        #expect(refused.stderr.contains("= 说明: 证据文件“seeds/2025-Q4/scores.csv”的内容与记录时不同"))
        #expect(refused.stderr.contains("= 提示: 如改动是有意的，加 --force --reason “理由” 重新记录"))
        #expect(refused.stderr.hasSuffix("未记录。\n"))
        #expect(try workspace.text("seeds/results/2025-Q4/provenance.json") == old)
        #expect(try workspace.text("seeds/results/2025-Q4/results.json") == oldResults)

        let check = try workspace.run(["check"])
        #expect(check.status == 1)
        let line = try workspace.position(of: "\"name\": \"2025-Q4/scores.csv\"", in: "seeds/results/2025-Q4/provenance.json").line + 1
        #expect(
            check.stderr.contains(
                "seeds/results/2025-Q4/provenance.json:\(line):19: 错误[ledger.changed-input]: 2025-Q4 的记录所用的证据文件“seeds/2025-Q4/scores.csv”在记录后被改动过，内容与记录时不同"
            ))
        #expect(check.stderr.contains("提示: 如改动是有意的，用 scorecard evaluate --quarter 2025-Q4 --record --force --reason “理由” 重新记录（原记录会保留）"))
        let json = try workspace.run(["check", "--format", "json"])
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"code\": \"ledger.changed-input\""))

        let unexplained = try workspace.run(Self.record + ["--force"])
        #expect(unexplained.status == 2)
        #expect(unexplained.stderr.contains("--force 必须和 --reason “理由” 一起使用"))
        let forced = try workspace.run(Self.record + ["--force", "--reason", "经矿党委批准，更正田晓东的得分", "--by", "审核员乙"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let folders = try names(workspace, "seeds/results")
        #expect(folders.count == 3)
        let superseded = try #require(folders.first { $0.hasPrefix("2025-Q4.superseded-") })
        #expect(
            forced.stderr.contains(
                "原记录已改名保留为 seeds/results/\(superseded)/。\n记录人 审核员乙，理由：经矿党委批准，更正田晓东的得分；已记入 seeds/results/2025-Q4.history。\n"))
        let replaced = try provenance(workspace)
        #expect(replaced["reason"] as? String == "经矿党委批准，更正田晓东的得分")
        #expect(replaced["recorded_by"] as? String == "审核员乙")
        #expect(try workspace.text("seeds/results/2025-Q4.history").split(separator: "\n").count == 2)
        #expect(try workspace.text("seeds/results/\(superseded)/provenance.json") == old)
        #expect(try workspace.text("seeds/results/\(superseded)/results.json") == oldResults)
        #expect(try workspace.text("seeds/results/2025-Q4/results.json") != oldResults)

        let clean = try workspace.run(["check"])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.hasSuffix("；已记录的结果与其输入一致：2025-Q4\n"))
    }

    @Test func nothingIsRecordedFromBadEvidence() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.replaceBytes("seeds/2025-Q4/scores.csv", Array("10231,4.5,5.0,".utf8), with: Array("10231,abc,5.0,".utf8))
        let run = try workspace.run(Self.record)
        #expect(run.status == 1)
        #expect(run.stderr.hasSuffix("证据有问题，未输出结果，也未记录。改正后重新运行。\n"))
        #expect(FileManager.default.fileExists(atPath: workspace.url("seeds/results").path) == false)
    }

    @Test func optionsThatDoNotGoTogether() throws {
        let force = try CLI.cached(["evaluate", "--force"])
        #expect(force.status == 2)
        #expect(force.stderr.contains("--force 只能和 --record 一起使用"))
        let partial = try CLI.cached(["evaluate", "--record", "--partial"])
        #expect(partial.status == 2)
        #expect(partial.stderr.contains("--record 不能和 --partial 一起使用"))
        let reason = try CLI.cached(["evaluate", "--reason", "x"])
        #expect(reason.status == 2)
        #expect(reason.stderr.contains("--reason 和 --by 只能和 --record 一起使用"))
    }

    /// The case: a routine roster update for the next year does not touch a recorded
    /// quarter; a change to a row it used does.
    @Test func aNewOfficerForNextYearLeavesTheRecordIntact() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        #expect(try workspace.run(Self.record).status == 0)
        let roster = try workspace.text("seeds/officers.csv")
        try workspace.write("seeds/officers.csv", roster + "10299,新人甲,综采一队,甲班,班组长,王振华,选举,,2026-01-08,2026-01-12,\n")
        let check = try workspace.run(["check", "--quarter", "2025-Q4"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.hasSuffix("；已记录的结果与其输入一致：2025-Q4\n"))

        try workspace.replace("seeds/officers.csv", "10231,田晓东,综采一队,甲班,班组长,王振华", with: "10231,田晓东,综采一队,甲班,班组长,王振国")
        let changed = try workspace.run(["check", "--quarter", "2025-Q4"])
        #expect(changed.status == 1)
        #expect(changed.stderr.contains("错误[ledger.changed-input]: 2025-Q4 的记录所用的名册“seeds/officers.csv”中联系员 10231（田晓东）一行在记录后被改动过"))
    }

    /// A record that cannot be written is not bad evidence: its own exit code.
    @Test func aRecordThatCannotBeWrittenExitsThree() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try workspace.run(Self.record + ["--results", "seeds/officers.csv/records"])
        #expect(run.status == 3, "\(run.stderr)")
        #expect(run.stderr.contains("错误[io.write]: 无法创建文件夹“seeds/officers.csv”"))
        #expect(run.stderr.hasSuffix("未记录。\n"))
    }

    @Test func anotherResultsFolderAndAStaleHalfRecord() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let run = try workspace.run(Self.record + ["--results", "archive"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("已记录 2025-Q4 的结果：archive/2025-Q4/"))
        #expect(FileManager.default.fileExists(atPath: workspace.url("seeds/results").path) == false)

        // A run killed mid-way leaves a hidden folder: not a record, and check says so.
        try FileManager.default.createDirectory(at: workspace.url("archive/.2025-Q3.incomplete-999"), withIntermediateDirectories: true)
        try workspace.write("archive/.2025-Q3.incomplete-999/results.json", "{\"quar")
        try workspace.replace("rules/2025-07-01/items.yaml", "title: 按照规定定期、准确上报信息", with: "title: 按照规定定期、准确上报信息。")
        let check = try workspace.run(["check", "--results", "archive"])
        #expect(check.status == 1)
        #expect(check.stderr.contains("警告[ledger.incomplete]: 结果文件夹中有一个没有写完的记录“archive/.2025-Q3.incomplete-999”"))
        #expect(check.stderr.contains("错误[ledger.changed-input]: 2025-Q4 的记录所用的规则文件“rules/2025-07-01/items.yaml”在记录后被改动过"))
        // Without --results, the default folder has no records: nothing to compare.
        let elsewhere = try workspace.run(["check"])
        #expect(elsewhere.status == 0, "\(elsewhere.stderr)")
        #expect(!elsewhere.stdout.contains("已记录"))
    }
}
