import Foundation
import Testing

/// With no --rules-version, each quarter is evaluated under the version in force on its first
/// day: the 2025 demo revision (rules/2025-07-01/) for 2025-Q3 and Q4.
@Suite("rule versions")
struct RuleVersionCLITests {
    @Test func theLatestQuarterUsesTheRevisionInForce() throws {
        let run = try CLI.run(["evaluate", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        let policy = try #require(document["policy"] as? [String: Any])
        #expect(policy["version"] as? String == "2025.1")
        #expect(policy["effective"] as? String == "2025-07-01")
        // 7 矿 × 40 + 27 区队 × 5 = 415.00 under the revision (345.00 under the original).
        #expect(run.stdout.contains("\"reward_total\": 415.00"))
    }

    @Test func anEarlierQuarterStillUsesTheOriginal() throws {
        let run = try CLI.run(["evaluate", "--quarter", "2025-Q2"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdoutLines.first?.contains("版本 2021.1") == true)
        #expect(run.stdoutLines.dropFirst().first == "规则版本 2021.1（2021-09-27 起施行）：本季度第一天（2025-04-01）有效的版本。")
    }

    @Test func anUnknownPinnedVersionIsAUsageError() throws {
        let run = try CLI.run(["evaluate", "--rules-version", "2030.1"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("rules.unknown-version"))
        #expect(run.stderr.contains("2021.1") && run.stderr.contains("2025.1"))
        #expect(run.stdout.isEmpty)
    }

    @Test func aQuarterBeforeThePolicyHasNoVersionInForce() throws {
        let run = try CLI.run(["check", "--quarter", "2020-Q1"])
        #expect(run.stderr.contains("rules.no-version-in-force"))
        #expect(run.status == 1)
    }
}

@Suite("eligibility versions")
struct EligibilityVersionCLITests {
    @Test func eligibilityUsesTheNewestVersionUnlessOneIsNamed() throws {
        let newest = try CLI.run(["eligibility"])
        #expect(newest.stdoutLines.first?.contains("版本 2025.1") == true)
        let named = try CLI.run(["eligibility", "--rules-version", "2021.1"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(named.stdoutLines.first?.contains("版本 2021.1") == true)
        let unknown = try CLI.run(["eligibility", "--rules-version", "1999.9"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("rules.unknown-version"))
    }

    @Test func eligibilityTakesNoQuarter() throws {
        let run = try CLI.run(["eligibility", "--quarter", "2025-Q1"])
        #expect(run.status == 2)
    }
}
