import Foundation
import Testing
import ScorecardTestSupport

/// `scorecard diff`: the bundled demo revision, no change, the three formats, colour, and
/// versions read from a git repository.
@Suite struct DiffCLITests {
    @Test func demoRevisionListsTheRateAndTheBand() throws {
        let result = try CLI.cached(["diff", "rules", "rules/2025-07-01", "--no-impact"])
        #expect(result.status == 1, "\(result.stderr)")
        let out = result.stdout
        #expect(!out.containsANSI)
        #expect(out.contains("共 6 处变化：元数据 3，等级 2，奖励 1。"), "\(out)")
        #expect(out.contains("奖励 adopted_suggestions 中“矿”的费率由 30 改为 40"))
        #expect(out.contains("rewards[adopted_suggestions].per_record.rates[矿] · 条款 2.3.1"))
        #expect(out.contains("旧 rules/rewards.yaml:12:9 → 新 rules/2025-07-01/rewards.yaml:12:9"))
        #expect(out.contains("等级“良好”的下限由 75 改为 80"))
        #expect(out.contains("grades.bands[良好].min · 条款 2.3.1"))
        // At the min: key of the band on each side (issue 13), not at its `- name:` line.
        #expect(out.contains("旧 rules/policy.yaml:40:7 → 新 rules/2025-07-01/policy.yaml:45:7"))
        #expect(
            out.contains("    policy.version\n    旧：2021.1  新：2025.1\n    旧 rules/policy.yaml:8:3 → 新 rules/2025-07-01/policy.yaml:13:3\n"))
        #expect(out.contains("生效日期由 2021-09-27 改为 2025-07-01"))
        #expect(out.contains("还有别的版本（rules/2025-07-01）"), "the folder's other version is named")
    }

    @Test func sameRulesExitZero() throws {
        let result = try CLI.cached(["diff", "rules", "rules"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("两个版本没有差别"))
    }

    @Test func jsonParses() throws {
        let result = try CLI.cached(["diff", "rules", "rules/2025-07-01", "--format", "json", "--no-impact"])
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(document["schema_version"] as? Int == 1)
        let changes = try #require(document["changes"] as? [[String: Any]])
        #expect(changes.count == 6)
        let rate = try #require(changes.first { $0["kind"] as? String == "reward.rate" })
        #expect(rate["path"] as? String == "rewards[adopted_suggestions].per_record.rates[矿]")
        #expect(rate["old"] as? String == "30" && rate["new"] as? String == "40")
        #expect(rate["clause"] as? String == "2.3.1")
        let place = try #require(rate["new_location"] as? [String: Any])
        #expect(place["file"] as? String == "rules/2025-07-01/rewards.yaml" && place["line"] as? Int == 12 && place["column"] as? Int == 9)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["changes"] as? Int == 6)
        #expect((document["new"] as? [String: Any])?["version"] as? String == "2025.1")
    }

    @Test func markdownHasAGroupTable() throws {
        let result = try CLI.cached(["diff", "rules", "rules/2025-07-01", "--format", "markdown", "--no-impact"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("# 规则修订对照：2021.1 → 2025.1"))
        #expect(result.stdout.contains("\n## 奖励（1）\n"))
        #expect(
            result.stdout.contains(
                "| ~ | 奖励 adopted_suggestions 中“矿”的费率由 30 改为 40 | `rewards[adopted_suggestions].per_record.rates[矿]` | 30 | 40 | 2.3.1 |"))
        #expect(!result.stdout.containsANSI)
    }

    @Test func colourOnlyWhenAsked() throws {
        let coloured = try CLI.run(["diff", "rules", "rules/2025-07-01", "--no-impact", "--color", "always"])
        #expect(coloured.stdout.contains("\u{1B}[33m~\u{1B}[0m"))
        #expect(coloured.stdout.strippingANSI.contains("  ~ 等级“良好”的下限由 75 改为 80"))
        let plain = try CLI.run(["diff", "rules", "rules/2025-07-01", "--no-impact"], environment: ["NO_COLOR": "1"])
        #expect(!plain.stdout.containsANSI)
    }

    @Test func brokenSideExitsTwoWithItsDiagnostics() throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        try workspace.replace("rules/2025-07-01/rewards.yaml", "矿: 40", with: "矿: 四十")
        let result = try workspace.run(["diff", "rules", "rules/2025-07-01"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("rules/2025-07-01/rewards.yaml:12:"), "\(result.stderr)")
        #expect(result.stderr.contains("无法比较"))
        #expect(result.stdout.isEmpty)
    }

    /// Two commits of the rules in a scratch repository, compared as `HEAD~1:rules HEAD:rules`.
    @Test func revisionsFromGit() throws {
        let fm = FileManager.default
        let scratch = try TemporaryFolder(prefix: "scorecard-git")
        defer { scratch.remove() }
        let repo = URL(fileURLWithPath: scratch.path)
        try scratch.makeFolder("rules")
        let rules = CLI.packageRoot.appendingPathComponent("rules")
        func copy(from folder: URL) throws {
            for name in try fm.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
                let target = repo.appendingPathComponent("rules").appendingPathComponent(name)
                try? fm.removeItem(at: target)
                try fm.copyItem(at: folder.appendingPathComponent(name), to: target)
            }
        }
        func git(_ arguments: String...) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git", "-c", "user.name=测试", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"] + arguments
            process.currentDirectoryURL = repo
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            try #require(process.terminationStatus == 0, "git \(arguments)")
        }
        try git("init", "-q")
        try copy(from: rules)
        try git("add", "rules")
        try git("commit", "-q", "-m", "2021.1")
        try copy(from: rules.appendingPathComponent("2025-07-01"))
        try git("commit", "-q", "-a", "-m", "2025.1")

        let result = try CLI.run(["diff", "HEAD~1:rules", "HEAD:rules", "--no-impact"], in: repo)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stdout.contains("规则版本比较：HEAD~1:rules → HEAD:rules"))
        #expect(result.stdout.contains("旧 HEAD~1:rules/rewards.yaml:12:9 → 新 HEAD:rules/rewards.yaml:12:9"), "\(result.stdout)")
        #expect(result.stdout.contains("共 6 处变化"))

        let working = try CLI.run(["diff", "HEAD:rules", "rules", "--no-impact"], in: repo)
        #expect(working.status == 0, "the working tree is the last commit: \(working.stderr)")

        let unknown = try CLI.run(["diff", "HEAD~5:rules", "HEAD:rules"], in: repo)
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("diff.unknown-revision"))
        let missing = try CLI.run(["diff", "HEAD:nothing", "HEAD:rules"], in: repo)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("diff.not-in-revision"))
    }

    @Test func revisionOutsideACheckout() throws {
        let scratch = try TemporaryFolder(prefix: "scorecard-nogit")
        defer { scratch.remove() }
        let folder = URL(fileURLWithPath: scratch.path)
        let result = try CLI.run(
            ["diff", "HEAD~1:rules", "HEAD:rules"], in: folder,
            environment: ["GIT_CEILING_DIRECTORIES": folder.deletingLastPathComponent().path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("diff.not-a-checkout"), "\(result.stderr)")
    }
}
