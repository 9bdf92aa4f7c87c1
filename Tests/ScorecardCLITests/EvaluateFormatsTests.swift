import Foundation
import Testing

@Suite("evaluate: JSON and CSV")
struct EvaluateFormatsTests {

    func document() throws -> [String: Any] {
        let run = try CLI.cached(["evaluate", "--rules-version", "2021.1", "--format", "json"])
        try #require(run.status == 0, "\(run.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: run.stdoutData)
        return try #require(parsed as? [String: Any])
    }

    func officers() throws -> [[String: Any]] {
        try #require(try document()["officers"] as? [[String: Any]])
    }

    func officer(_ id: String) throws -> [String: Any] {
        try #require(try officers().first { $0["officer"] as? String == id })
    }

    static func number(_ value: Any?) -> Double? { (value as? NSNumber)?.doubleValue }

    // MARK: JSON

    @Test func jsonRunIsClean() throws {
        let run = try CLI.cached(["evaluate", "--rules-version", "2021.1", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(run.stdout.hasSuffix("}\n"))
    }

    @Test func jsonTopLevel() throws {
        let document = try document()
        #expect(document["quarter"] as? String == "2025-Q4")
        let policy = try #require(document["policy"] as? [String: Any])
        #expect(policy["id"] as? String == "jiangou-liaison-officer")
        #expect(policy["name"] as? String == "碱沟煤矿政工联系员制度")
        #expect(policy["version"] as? String == "2021.1")
        #expect(policy["effective"] as? String == "2021-09-27")
        #expect(Self.number(document["reward_total"]) == 345)
        // Keys come out in a fixed, documented order.
        let keys = ["\"quarter\"", "\"policy\"", "\"officers\"", "\"units\"", "\"funds\"", "\"grades\"", "\"reward_total\""]
        let text = try CLI.cached(["evaluate", "--rules-version", "2021.1", "--format", "json"]).stdout
        let positions = keys.compactMap { key in text.range(of: "\n  \(key): ")?.lowerBound }
        #expect(positions.count == keys.count)
        #expect(positions == positions.sorted())
    }

    @Test func jsonOfficersHaveTwentyItemsEach() throws {
        let officers = try officers()
        #expect(officers.count == 20)
        let itemIDs = (1...20).map { String(format: "i%02d", $0) }
        for officer in officers {
            let items = try #require(officer["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["id"] as? String } == itemIDs)
            #expect(items.allSatisfy { Self.number($0["score"]) != nil && $0["basis"] is [String: Any] })
            #expect(officer["failures"] as? [Any] != nil)
        }
    }

    @Test func jsonYuanZhigang() throws {
        let yuan = try officer("10339")
        #expect(yuan["name"] as? String == "袁志刚")
        #expect(yuan["unit"] as? String == "综采二队")
        #expect(yuan["area"] as? String == "丙班")
        #expect(Self.number(yuan["total"]) == 93.4)
        #expect(yuan["grade"] as? String == "优秀")
        #expect(Self.number(yuan["reward_total"]) == 110)
        let rewards = try #require(yuan["rewards"] as? [[String: Any]])
        #expect(rewards.count == 1)
        #expect(rewards.first?["id"] as? String == "adopted_suggestions")
        #expect(rewards.first?["fund"] as? String == "party_building")
        #expect(Self.number(rewards.first?["amount"]) == 110)
        let breakdown = try #require(rewards.first?["breakdown"] as? [[String: Any]])
        let counts = Dictionary(uniqueKeysWithValues: breakdown.map { ($0["key"] as? String ?? "?", Self.number($0["count"]) ?? -1) })
        #expect(counts == ["矿": 3, "区队": 4])
        #expect((try officers().compactMap { Self.number($0["reward_total"]) }.reduce(0, +) * 100).rounded() == 34500)
    }

    @Test func jsonComputedItemKeepsTheExactValue() throws {
        let shi = try officer("10533")
        let items = try #require(shi["items"] as? [[String: Any]])
        let i07 = try #require(items.first { $0["id"] as? String == "i07" })
        #expect(Self.number(i07["score"]) == 4.17)
        let basis = try #require(i07["basis"] as? [String: Any])
        #expect(basis["method"] as? String == "computed")
        #expect(
            try CLI.cached(["evaluate", "--rules-version", "2021.1", "--format", "json"]).stdout.contains("\"raw\": 4.166666666666666667"))
    }

    /// Scores and money are JSON numbers written with two decimals (`93.40`, `110.00`), so a
    /// script sees the same figures as the printed report.
    @Test func jsonNumbersHaveTwoDecimals() throws {
        let text = try CLI.cached(["evaluate", "--rules-version", "2021.1", "--format", "json"]).stdout
        #expect(text.contains("\"total\": 93.40,"))
        #expect(text.contains("\"reward_total\": 110.00,"))
        #expect(text.contains("\"reward_total\": 345.00\n"))
        let money = try NSRegularExpression(pattern: #""(score|total|amount|reward_total|reward|average|score_sum)": ([^,\n]+)"#)
        let matches = money.matches(in: text, range: NSRange(text.startIndex..., in: text))
        #expect(matches.count > 400)
        for match in matches {
            let key = String(text[Range(match.range(at: 1), in: text)!])
            let value = String(text[Range(match.range(at: 2), in: text)!])
            #expect(value.range(of: #"^-?[0-9]+\.[0-9]{2}$"#, options: .regularExpression) != nil, "\(key): \(value)")
        }
    }

    @Test func jsonUnitsFundsGrades() throws {
        let document = try document()
        let units = try #require(document["units"] as? [[String: Any]])
        #expect(units.compactMap { $0["unit"] as? String } == ["综采一队", "综采二队", "掘进一队", "掘进二队", "机电队", "通风队"])
        #expect(units.compactMap { Self.number($0["officers"]) }.reduce(0, +) == 20)
        let second = units[1]
        #expect(Self.number(second["average"]) == 89.43)
        #expect(Self.number(second["reward"]) == 155)
        let funds = try #require(document["funds"] as? [[String: Any]])
        #expect(funds.count == 1)
        #expect(funds.first?["id"] as? String == "party_building")
        #expect(funds.first?["name"] as? String == "党建经费")
        #expect(Self.number(funds.first?["amount"]) == 345)
        let grades = try #require(document["grades"] as? [String: Any])
        #expect(grades.mapValues { Self.number($0) ?? -1 } == ["优秀": 5, "良好": 13, "合格": 2, "不合格": 0])
    }

    @Test func jsonIsReproducible() throws {
        let first = try CLI.cached(["evaluate", "--rules-version", "2021.1", "--format", "json"])
        // A second process, the paths and quarter spelt out: the same bytes.
        let explicit = try CLI.run([
            "evaluate", "--rules-version", "2021.1", "--format", "json", "--quarter", "2025-Q4", "--rules", "rules", "--evidence", "seeds",
        ])
        #expect(first.stdoutData == explicit.stdoutData)
    }

    // MARK: CSV

    static let csvHeader =
        ["officer", "name", "unit", "area"] + (1...20).map { String(format: "i%02d", $0) }
        + ["total", "grade", "reward_adopted_suggestions", "reward_total"]

    func csvLines() throws -> [String] {
        let run = try CLI.cached(["evaluate", "--rules-version", "2021.1", "--format", "csv"])
        try #require(run.status == 0, "\(run.stderr)")
        let body = run.stdoutData.dropFirst(3)
        return String(decoding: body, as: UTF8.self).components(separatedBy: "\r\n")
    }

    @Test func csvHasBOMHeaderAndTwentyRows() throws {
        let run = try CLI.cached(["evaluate", "--rules-version", "2021.1", "--format", "csv"])
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(Array(run.stdoutData.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let lines = try csvLines()
        #expect(lines.last == "") // every row ends in CRLF
        #expect(lines.dropLast().count == 21)
        #expect(lines[0].components(separatedBy: ",") == Self.csvHeader)
        #expect(lines.dropLast().allSatisfy { $0.components(separatedBy: ",").count == Self.csvHeader.count && !$0.contains("\n") })
    }

    @Test func csvRowForShiLei() throws {
        let row = try #require(try csvLines().first { $0.hasPrefix("10533,") })
        #expect(
            row
                == "10533,石磊,机电队,夜班,4.00,4.50,4.00,4.00,4.00,4.00,4.17,5.00,3.50,4.00,4.00,3.50,3.50,4.00,4.00,1.67,3.50,4.00,4.00,3.50,76.84,良好,10.00,10.00"
        )
    }

    @Test func csvAgreesWithJSON() throws {
        let rows = try csvLines().dropFirst().dropLast().map { $0.components(separatedBy: ",") }
        let officers = try officers()
        #expect(rows.map { $0[0] } == officers.compactMap { $0["officer"] as? String })
        for (row, officer) in zip(rows, officers) {
            #expect(row[1] == officer["name"] as? String)
            #expect(Double(row[24]) == Self.number(officer["total"]))
            #expect(row[25] == officer["grade"] as? String)
            #expect(Double(row[27]) == Self.number(officer["reward_total"]))
        }
    }
}
