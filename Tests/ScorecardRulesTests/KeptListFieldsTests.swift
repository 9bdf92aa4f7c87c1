import ScorecardBase
import Testing
@testable import ScorecardRules

/// Which fields of a list's rows are kept once read (`Policy.keptListFields`): everything but
/// free text that no rule reads, or everything when asked.
@Suite struct KeptListFieldsTests {
    /// The minimal policy's suggestions: `level` (choice, the reward's key) and `note` (text).
    private func kept(items: String? = nil, rewards: String? = nil) throws -> [[Bool]] {
        var overrides: [String: String] = [:]
        if let items { overrides["items"] = items }
        if let rewards { overrides["rewards"] = rewards }
        let loaded = Rules.load(overrides)
        let listing = loaded.listing
        let policy = try #require(loaded.policy, "\(listing)")
        return policy.keptListFields
    }

    @Test func unreadFreeTextIsLeftOutAndTheRewardsKeyIsKept() throws {
        #expect(try kept() == [[true, false]])
    }

    @Test func freeTextARuleReadsIsKept() throws {
        // The minimal policy's first item, scored from the suggestions' notes instead.
        let reading = Rules.items.replacingOccurrences(
            of: "    scoring: assessed",
            with: "    scoring:\n      method: computed\n      formula: if count(suggestions, note == \"\") > 0 then 0 else 5")
        #expect(try kept(items: reading) == [[true, true]])
    }

    @Test func aFieldReadInACountedConditionIsKeptAndOnlyFreeTextIsEverLeftOut() throws {
        // No rule reads `level` here (the reward is a formula): a choice is kept all the same.
        let formula = """
            rewards:
              - id: flat
                title: 固定奖励
                fund: party_building
                formula: 5 * count(suggestions, note != "无")

            """
        #expect(try kept(rewards: formula) == [[true, true]])
        let counting = """
            rewards:
              - id: flat
                title: 固定奖励
                fund: party_building
                formula: 5 * count(suggestions)

            """
        #expect(try kept(rewards: counting) == [[true, false]])
    }

    @Test func everyFieldIsKeptWhenTheLayoutSaysSo() throws {
        var policy = try #require(Rules.load().policy)
        policy.layout.keepsEveryListField = true
        #expect(policy.keptListFields == [[true, true]])
    }
}
