import Foundation
import Testing

/// `diff` evaluates both versions on the latest quarter's records (2025-Q4) and shows what the
/// change does. Worked by hand: the revision pays 40 instead of 30 元 for each of the quarter's
/// 7 mine-level adoptions (+70.00: 345.00 → 415.00); 石磊's 76.84 falls below 良好's new 80.
@Suite("diff impact")
struct DiffImpactCLITests {
    @Test func theDemoRevisionsImpactIsShownAfterTheChanges() throws {
        let result = try CLI.run(["diff", "rules", "rules/2025-07-01"])
        #expect(result.status == 1, "\(result.stderr)")
        let text = result.stdout
        #expect(text.contains("对结果的影响（2025-Q4，20 名联系员）"))
        #expect(
            result.stdoutLines.contains { $0.hasPrefix("党建经费") && $0.contains("345.00") && $0.contains("415.00") && $0.contains("+70.00") })
        #expect(text.contains("良好 → 合格：1 人（降）"))
        #expect(result.stdoutLines.contains { $0.hasPrefix("10339") && $0.contains("110.00 → 140.00") && $0.contains("+30.00") })
        // Changes come before the impact.
        let rate = try #require(text.range(of: "“矿”的费率由 30 改为 40"))
        let impact = try #require(text.range(of: "对结果的影响"))
        #expect(rate.lowerBound < impact.lowerBound)
    }

    @Test func theJSONCarriesTheImpact() throws {
        let result = try CLI.run(["diff", "rules", "rules/2025-07-01", "--format", "json"])
        #expect(result.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: result.stdoutData) as? [String: Any])
        #expect(document["impact"] is [String: Any])
        #expect(result.stdout.contains("415.00"))
    }

    @Test func noChangeMeansNoImpactSection() throws {
        let result = try CLI.run(["diff", "rules", "rules"])
        #expect(result.status == 0)
        #expect(!result.stdout.contains("对结果的影响"))
    }
}
