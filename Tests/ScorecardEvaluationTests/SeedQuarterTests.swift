import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence

/// Officers checked by hand against the bundled rules and the demo seeds. The arithmetic next to
/// each expectation is worked from the rows of seeds/2025-Qn/scores.csv (Q4 decoded from
/// GB18030 with iconv) and suggestions.csv; i07, i08 and i16 are computed, i12 is zeroed by a
/// violation, every other item is the assessor's score.
@Suite struct SeedQuarterTests {
    func run(_ number: Int) throws -> QuarterResult {
        #expect(seedWorkspace.ruleDiagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(seedWorkspace.rosterDiagnostics.isEmpty)
        let run = try #require(seedRuns[number - 1])
        #expect(run.evidenceProblems.isEmpty, "\(run.evidenceProblems)")
        return try #require(run.result)
    }

    @Test func yuanZhigangQ4() throws {
        let result = try run(4)
        let officer = try #require(result.officer("10339"))
        #expect(officer.officer.name == "袁志刚")
        #expect(officer.failures.isEmpty)
        // Assessed: 4.9+4.4+4.6+4.9+4.5+4.6+4.3+5.0+4.4+4.5+4.9+4.4+5.0+4.7+4.5+4.7+4.1 = 78.4
        // i07: reports 13 of 13 → 5 × 13/13 = 5; i08: no incidents → 5; i16: 3 of 3 meetings → 5
        #expect(officer.score("i07") == dec("5"))
        #expect(officer.score("i08") == dec("5"))
        #expect(officer.score("i16") == dec("5"))
        #expect(officer.score("i12") == dec("4.5"))
        #expect(officer.item("i12")?.basis == .assessed(dec("4.5")))
        // 78.4 + 15 = 93.40 ≥ 90 → 优秀
        #expect(officer.total == dec("93.40"))
        #expect(officer.total?.formatted(scale: 2) == "93.40")
        #expect(officer.grade == "优秀")
        // Q4 suggestions of 10339: 矿 on 10-30, 11-27, 12-25; 区队 on 10-29, 11-14, 11-24, 12-17
        // 3 × 30 + 4 × 5 = 90 + 20 = 110.00
        #expect(officer.rewardTotal == dec("110.00"))
        let reward = try #require(officer.rewards.first)
        #expect(reward.rewardID == "adopted_suggestions")
        #expect(reward.fund == "party_building")
        #expect(reward.breakdown.map(\.key) == ["矿", "区队"])
        #expect(reward.breakdown.map(\.count) == [3, 4])
        #expect(reward.breakdown.map(\.rate) == [dec("30"), dec("5")])
        #expect(reward.amount.formatted(scale: 2) == "110.00")
    }

    @Test func shiLeiQ4RoundsThirdsAndSixths() throws {
        let officer = try #require(try run(4).officer("10533"))
        #expect(officer.officer.name == "石磊")
        // Assessed: 4.0+4.5+4.0+4.0+4.0+4.0+3.5+4.0+4.0+3.5+3.5+4.0+4.0+3.5+4.0+4.0+3.5 = 66.0
        // i07: 5 of 6 reports → 5 × 5/6 = 4.1666… → 4.17 (half-up at 2 places)
        #expect(officer.score("i07") == dec("4.17"))
        #expect(
            officer.item("i07")?.basis.map { if case .computed(let raw) = $0 { raw.rounded(scale: 4) == dec("4.1667") } else { false } }
                == true)
        // i16: 1 of 3 meetings → 5 × 1/3 = 1.666… → 1.67
        #expect(officer.score("i16") == dec("1.67"))
        #expect(officer.score("i08") == dec("5"))
        // 66.0 + 4.17 + 5 + 1.67 = 76.84: 75 ≤ 76.84 < 90 → 良好
        #expect(officer.total == dec("76.84"))
        #expect(officer.grade == "良好")
        // 区队 on 10-23 and 11-14: 2 × 5 = 10.00
        #expect(officer.rewardTotal == dec("10.00"))
    }

    @Test func zhongHongbinQ4ViolationZeroesI12() throws {
        let officer = try #require(try run(4).officer("10426"))
        #expect(officer.officer.name == "钟宏斌")
        // violations = 1 → condition 0 of i12 holds → 0 (the assessor's 3.0 is overridden)
        #expect(officer.score("i12") == dec("0"))
        #expect(officer.item("i12")?.basis == .condition(index: 0, reason: "本季度有违章记录，本项不得分"))
        let i12 = try #require(originalPolicy?.item(withID: "i12"))
        #expect(Set(i12.readNames).sorted() == ["i12", "violations"])
        // i07: 6 of 8 reports → 5 × 6/8 = 3.75 exactly
        #expect(officer.score("i07") == dec("3.75"))
        // Assessed without i12: 3.5+3.5+3.0+3.0+3.0+3.5+3.0+2.5+3.0+3.0+3.0+3.5+2.5+3.0+3.0+3.0 = 49.0
        // 49.0 + 0 + 3.75 + 5 + 5 = 62.75: 60 ≤ 62.75 < 75 → 合格
        #expect(officer.total == dec("62.75"))
        #expect(officer.grade == "合格")
        // No Q4 suggestions for 10426 → 0
        #expect(officer.rewardTotal == dec("0"))
        #expect(officer.rewards.first?.breakdown.map(\.count) == [0, 0])
    }

    @Test func tianXiaodongQ2ViolationFromBOMFile() throws {
        let officer = try #require(try run(2).officer("10231"))
        #expect(officer.officer.name == "田晓东")
        // Q2 row: violations 1 → i12 = 0 (assessor wrote 4.5)
        #expect(officer.score("i12") == dec("0"))
        if case .condition(index: 0, _)? = officer.item("i12")?.basis {} else { Issue.record("i12 not set by the condition") }
        // Assessed without i12: 4.5+5.0+4.5+4.0+4.0+4.5+4.0+4.5+4.5+4.5+4.0+4.0+4.0+4.5+4.5+4.5 = 69.5
        // i07 13/13 → 5, i08 → 5, i16 3/3 → 5: 69.5 + 15 = 84.50 → 良好
        #expect(officer.total == dec("84.50"))
        #expect(officer.grade == "良好")
        // Q2: 矿 on 04-24, 区队 on 06-12 → 30 + 5 = 35.00
        #expect(officer.rewardTotal == dec("35.00"))
    }

    @Test func duMingQ3IncidentsFromCRLFFile() throws {
        let officer = try #require(try run(3).officer("10437"))
        #expect(officer.officer.name == "杜明")
        // i08: 2 of 3 incidents reported in time → 5 × 2/3 = 3.333… → 3.33
        #expect(officer.score("i08") == dec("3.33"))
        // i07: 8 of 9 → 5 × 8/9 = 4.444… → 4.44; i16: 2 of 2 → 5
        #expect(officer.score("i07") == dec("4.44"))
        #expect(officer.score("i16") == dec("5"))
        // Assessed: 4.5+4.5+4.0+4.0+4.0+5.0+3.5+4.0+3.5+4.5+4.0+3.5+3.5+3.5+4.0+4.0+3.5 = 67.5
        // 67.5 + 4.44 + 3.33 + 5 = 80.27 → 良好
        #expect(officer.total == dec("80.27"))
        #expect(officer.grade == "良好")
        // Q3: one 区队 suggestion (08-19) → 5.00
        #expect(officer.rewardTotal == dec("5.00"))
    }

    @Test func rosterChangeOfOfficerInMidYear() throws {
        // 沈继红 (10465) left on 2025-06-30, 余国梁 (10489) took over on 2025-07-01.
        let q2 = try run(2), q3 = try run(3)
        #expect(q2.officer("10465") != nil)
        #expect(q2.officer("10489") == nil)
        #expect(q3.officer("10465") == nil)
        #expect(q3.officer("10489") != nil)
        #expect(q2.officers.count == 20)
        #expect(q3.officers.count == 20)
    }

    @Test func everyQuarterRunsCleanly() throws {
        for number in 1...4 {
            let result = try run(number)
            #expect(result.officers.count == 20)
            #expect(result.failures.isEmpty, "Q\(number): \(result.failures)")
            #expect(result.findings.isEmpty, "Q\(number): \(result.findings)")
            #expect(result.officers.allSatisfy { $0.isComplete })
        }
    }

    /// The quarter's fund and grade counts, recomputed here from the raw Q4 files decoded with
    /// iconv, in integer hundredths: no code of the engine is involved.
    @Test func q4FundAndGradeCountsByIndependentComputation() throws {
        let result = try run(4)

        let suggestionText = String(
            decoding: try #require(iconvConvert(readBytes(seeds + "/2025-Q4/suggestions.csv"), from: "GB18030", to: "UTF-8")), as: UTF8.self
        )
        let suggestionRows = suggestionText.split(whereSeparator: \.isNewline).map {
            $0.split(separator: ",", omittingEmptySubsequences: false)
        }
        #expect(suggestionRows.first?.map(String.init) == ["工号", "采纳日期", "采纳层级", "建议内容"])
        let levels = suggestionRows.dropFirst().map { String($0[2]) }
        let mine = levels.filter { $0 == "矿" }.count, team = levels.filter { $0 == "区队" }.count
        #expect(mine + team == levels.count)
        #expect(mine == 7 && team == 27)
        // 7 × 30 + 27 × 5 = 210 + 135 = 345 元; every Q4 suggestion is from an officer in office.
        let fund = mine * 30 + team * 5
        #expect(fund == 345)
        #expect(result.rewardTotal == ExactDecimal(fund))
        #expect(result.byFund.count == 1)
        #expect(result.byFund.first?.fund.id == "party_building")
        #expect(result.byFund.first?.fund.name == "党建经费")
        #expect(result.byFund.first?.amount == ExactDecimal(fund))
        // The per-officer rewards add up to the same.
        var perOfficer = ExactDecimal.zero
        for officer in result.officers { perOfficer = try perOfficer.adding(try #require(officer.rewardTotal)) }
        #expect(perOfficer == ExactDecimal(fund))

        // Grades from the scores, in hundredths of a point.
        let scoreText = String(
            decoding: try #require(iconvConvert(readBytes(seeds + "/2025-Q4/scores.csv"), from: "GB18030", to: "UTF-8")), as: UTF8.self)
        let lines = scoreText.split(whereSeparator: \.isNewline).map { $0.split(separator: ",").map(String.init) }
        let header = lines[0]
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        func hundredths(_ text: String) -> Int {
            let parts = text.split(separator: ".")
            let fraction = parts.count > 1 ? String(parts[1]) + "00" : "00"
            return Int(parts[0])! * 100 + Int(fraction.prefix(2))!
        }
        /// 5 × a / b in hundredths, half-up: ⌊(1000a + b) / 2b⌋; 5 points when b is 0.
        func ratio(_ a: Int, _ b: Int) -> Int { b == 0 ? 500 : (1000 * a + b) / (2 * b) }
        let assessed = header.filter { $0.hasPrefix("i") }
        #expect(assessed.count == 17)
        var counts = ["优秀": 0, "良好": 0, "合格": 0, "不合格": 0]
        var totals: [String: Int] = [:]
        for row in lines.dropFirst() {
            func int(_ name: String) -> Int { Int(row[column(name)])! }
            var total = 0
            for item in assessed where !(item == "i12" && int("违章次数") > 0) { total += hundredths(row[column(item)]) }
            total += ratio(int("按时准确上报次数"), int("应报信息次数"))
            total += ratio(int("及时汇报突发事件数"), int("突发事件数"))
            total += ratio(int("按时参会次数"), int("召开联系员会议次数"))
            totals[row[column("工号")]] = total
            let grade = total >= 9000 ? "优秀" : total >= 7500 ? "良好" : total >= 6000 ? "合格" : "不合格"
            counts[grade, default: 0] += 1
        }
        #expect(totals.count == 20)
        for officer in result.officers {
            #expect(officer.total == ExactDecimal(coefficient: Int128(totals[officer.officer.id] ?? -1), scale: 2), "\(officer.officer.id)")
        }
        #expect(result.gradeCounts.map(\.grade) == ["优秀", "良好", "合格", "不合格"])
        #expect(result.gradeCounts.map(\.count) == ["优秀", "良好", "合格", "不合格"].map { counts[$0]! })
        #expect(result.gradeCounts.map(\.count) == [5, 13, 2, 0])
    }

    @Test func q4PerUnitTotals() throws {
        let result = try run(4)
        #expect(result.byUnit.map(\.key) == ["综采一队", "综采二队", "掘进一队", "掘进二队", "机电队", "通风队"])
        #expect(result.byUnit.map(\.officers) == [4, 4, 3, 3, 3, 3])
        for group in result.byUnit {
            var sum = ExactDecimal.zero, reward = ExactDecimal.zero
            for officer in result.officers where officer.officer.unit == group.key {
                sum = try sum.adding(officer.total!)
                reward = try reward.adding(officer.rewardTotal!)
            }
            #expect(group.scoreSum == sum, "\(group.key)")
            #expect(group.reward == reward, "\(group.key)")
        }
        // 掘进一队: 10418, 10426 (62.75), 10437 — rewards: 10418 区队 5, 10437 区队 5 → 10
        let tunnelling = try #require(result.byUnit.first { $0.key == "掘进一队" })
        #expect(tunnelling.reward == dec("10"))
    }
}
