import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardRules

/// A sink that keeps only the officers' ids, in the order they arrive, and counts restarts.
private struct IDSink: QuarterSink {
    var ids: [String] = []
    var restarts = 0
    mutating func accept(_ result: OfficerResult, of record: OfficerRecord) { ids.append(result.officer.id) }
    mutating func restart() {
        ids.removeAll()
        restarts += 1
    }
}

/// The quarter pipeline every command goes through: what reaches the sink, the running totals
/// and the one verdict on whether the results may be published.
@Suite struct QuarterPipelineTests {
    let officers = """
        officer,name,unit,area
        1001,张三,一队,甲班
        1002,李四,一队,乙班
        1003,王五,二队,甲班

        """

    private func pipeline(_ folder: TemporaryFolder, formula: String = "if planned == 0 then 5 else min(5, 5 * done / planned)") throws
        -> QuarterPipeline
    {
        try folder.write("rules/policy.yaml", evaluatorRules(formula: formula))
        try folder.write("evidence/officers.csv", officers)
        let workspace = Workspace(rulesPath: folder.path + "/rules", evidencePath: folder.path + "/evidence")
        let policy = try #require(workspace.policy)
        return workspace.pipeline(for: quarter(2), under: policy)
    }

    @Test func soundEvidenceStreamsEveryOfficerInFileOrderAndIsFinal() throws {
        try withTemporaryFolder { folder in
            let pipeline = try pipeline(folder)
            try folder.write("evidence/2025-Q2/scores.csv", "officer,a1,planned,done\n1003,4,2,1\n1001,5,0,0\n1002,3,4,4\n")
            try folder.write("evidence/2025-Q2/suggestions.csv", "officer,level\n1001,矿\n1003,区队\n1001,区队\n")
            var sink = IDSink()
            let outcome = pipeline.run(into: &sink)
            #expect(sink.ids == ["1003", "1001", "1002"])
            #expect(outcome.publication == .final)
            #expect(outcome.publication.mayRecord)
            let summary = try #require(outcome.summary)
            // 1003: 4 + 2.5 = 6.5 (合格); 1001: 5 + 5 = 10 (优秀), 矿 30 + 区队 5; 1002: 3 + 5 = 8 (合格).
            #expect(summary.officerCount == 3)
            #expect(summary.byUnit.map(\.key) == ["二队", "一队"])
            #expect(summary.byUnit.map(\.scoreSum) == [dec("6.5"), dec("18")])
            #expect(summary.rewardTotal == dec("40"))
            #expect(summary.gradeCounts.map(\.count) == [1, 2, 0])
        }
    }

    @Test func evidenceErrorsWithholdTheResultsButEveryProblemIsListed() throws {
        try withTemporaryFolder { folder in
            let pipeline = try pipeline(folder)
            try folder.write("evidence/2025-Q2/scores.csv", "officer,a1,planned,done\n1001,9,1,1\n1002,4,2,3\n1003,4,1,1\n")
            var sink = IDSink()
            let outcome = pipeline.run(into: &sink)
            // a1 9 > 5 on row 2; the record check (done ≤ planned) fails on row 3.
            #expect(outcome.problems.filter { $0.severity == .error }.map(\.code) == ["evidence.bad-value", "evidence.check"])
            #expect(outcome.publication == .withheld(evidenceErrors: 2))
            #expect(!outcome.publication.mayWrite)
            #expect(outcome.summary == nil)
            #expect(outcome.failures.isEmpty)
        }
    }

    @Test func aPartialRunLeavesOutAnOfficerWhoseSecondRowCameAfterTheFirstWasHandedOn() throws {
        try withTemporaryFolder { folder in
            let pipeline = try pipeline(folder)
            try folder.write("evidence/2025-Q2/scores.csv", "officer,a1,planned,done\n1001,5,1,1\n1002,4,1,1\n1001,3,1,1\n1003,2,1,1\n")
            var sink = IDSink()
            let outcome = pipeline.run(partial: true, into: &sink)
            #expect(outcome.problems.map(\.code).contains("evidence.duplicate-record"))
            // 1001's first row was sound and went on; its second row rejects it: the run starts over without it.
            #expect(sink.restarts == 1)
            #expect(sink.ids == ["1002", "1003"])
            #expect(outcome.excluded == ["1001"])
            #expect(outcome.publication == .incomplete(failedOfficers: 0, excludedOfficers: 1))
            let summary = try #require(outcome.summary)
            #expect(summary.officerCount == 2)
            #expect(summary.byUnit.map(\.officers) == [1, 1])
        }
    }

    @Test func anOfficerWhoseResultCannotBeComputedMakesTheQuarterIncomplete() throws {
        try withTemporaryFolder { folder in
            let pipeline = try pipeline(folder, formula: "5 * done / planned")
            try folder.write("evidence/2025-Q2/scores.csv", "officer,a1,planned,done\n1001,5,1,1\n1002,4,0,0\n1003,2,2,1\n")
            var sink = IDSink()
            let outcome = pipeline.run(into: &sink)
            #expect(outcome.failures.map(\.code) == ["expr.eval.division-by-zero"])
            #expect(outcome.publication == .incomplete(failedOfficers: 1, excludedOfficers: 0))
            #expect(outcome.publication.mayWrite && !outcome.publication.mayRecord)
            #expect(sink.ids == ["1001", "1002", "1003"])
            #expect(outcome.summary?.incompleteCount == 1)
        }
    }

    @Test func checkingOnlyScoresNobodyButStillRunsTheRecordChecks() throws {
        try withTemporaryFolder { folder in
            let pipeline = try pipeline(folder)
            try folder.write("evidence/2025-Q2/scores.csv", "officer,a1,planned,done\n1001,5,1,1\n1002,4,2,3\n1003,4,1,1\n")
            var sink = IDSink()
            let outcome = pipeline.run(evaluating: false, into: &sink)
            #expect(sink.ids.isEmpty)
            #expect(outcome.recordCount == 3)
            #expect(outcome.problems.filter { $0.severity == .error }.map(\.code) == ["evidence.check"])
        }
    }

    @Test func theStreamedTotalsEqualTheCollectedOnesOnEveryDemoQuarter() throws {
        for number in 1...4 {
            let run = try seedWorkspace.run(quarter(number))
            let collected = try #require(run.result)
            var again = QuarterSummary(policy: run.policy)
            for officer in collected.officers { again.add(officer) }
            #expect(collected.rewardTotal == again.rewardTotal)
            #expect(collected.byUnit == again.byUnit)
            #expect(collected.byManager == again.byManager)
            #expect(run.outcome.publication == .final, "\(run.quarter)")
        }
    }
}

/// The running totals on their own.
@Suite struct QuarterSummaryTests {
    @Test func totalsOfLaterRowsAppendAfterEarlierOnes() throws {
        let run = try seedWorkspace.run(quarter(4))
        let officers = try #require(run.result?.officers)
        var whole = QuarterSummary(policy: run.policy)
        var first = QuarterSummary(policy: run.policy)
        var second = QuarterSummary(policy: run.policy)
        for (index, officer) in officers.enumerated() {
            whole.add(officer)
            if index < officers.count / 2 { first.add(officer) } else { second.add(officer) }
        }
        first.append(second)
        #expect(first.byUnit == whole.byUnit)
        #expect(first.byManager == whole.byManager)
        #expect(first.byFund.map(\.amount) == whole.byFund.map(\.amount))
        #expect(first.gradeCounts.map(\.count) == whole.gradeCounts.map(\.count))
        #expect(first.rewardTotal == whole.rewardTotal)
        #expect(first.officerCount == whole.officerCount)
    }

    @Test func aSumPastWhatCanBeComputedIsReportedNotSwallowed() throws {
        let run = try seedWorkspace.run(quarter(4))
        var officer = try #require(run.result?.officers.first { ($0.rewardTotal ?? .zero) > .zero })
        let huge = try #require(ExactDecimal("100000000000000000000000000000000000"))
        officer.rewards = officer.rewards.map { reward in
            var reward = reward
            reward.amount = huge
            return reward
        }
        var summary = QuarterSummary(policy: run.policy)
        for _ in 0..<2000 { summary.add(officer) }
        #expect(summary.overflow?.code == "eval.overflow")
    }
}

/// A record table read in parts at once gives what reading it in one piece gives: the same
/// results in the same order, the same totals and the same problems, duplicates across parts too.
@Suite struct QuarterPartsTests {
    let officers =
        "officer,name,unit,area\n" + (1...40).map { "\(1000 + $0),员\($0),\($0 % 3 == 0 ? "二队" : "一队"),班\($0)" }.joined(separator: "\n")
        + "\n"

    private func outcomes(scores: String, partial: Bool = false) throws -> (
        one: QuarterOutcome, oneIDs: [String], parts: QuarterOutcome, partIDs: [String]
    ) {
        try withTemporaryFolder { folder in
            try folder.write("rules/policy.yaml", evaluatorRules(formula: "if planned == 0 then 5 else min(5, 5 * done / planned)"))
            try folder.write("evidence/officers.csv", officers)
            try folder.write("evidence/2025-Q2/scores.csv", scores)
            try folder.write("evidence/2025-Q2/suggestions.csv", "officer,level\n1001,矿\n1040,区队\n1020,矿\n")
            let workspace = Workspace(rulesPath: folder.path + "/rules", evidencePath: folder.path + "/evidence")
            let policy = try #require(workspace.policy)
            var single = workspace.pipeline(for: quarter(2), under: policy)
            single.parts = 1
            var split = single
            split.parts = 3
            split.partMinimumSize = 0
            // The comparison means something only if the file really is read in three parts.
            #expect(CSVSplit.parts(of: folder.path + "/evidence/2025-Q2/scores.csv", count: 3, minimumSize: 0)?.count == 3)
            var oneSink = CollectingSink()
            var partSink = CollectingSink()
            let one = single.run(partial: partial, into: &oneSink)
            let parts = split.run(partial: partial, into: &partSink)
            return (one, oneSink.results.map(\.officer.id), parts, partSink.results.map(\.officer.id))
        }
    }

    private func rows(_ ids: [Int], bad: [Int: String] = [:]) -> String {
        "officer,a1,planned,done\n" + ids.map { "\($0),\(bad[$0] ?? "4"),2,1" }.joined(separator: "\n") + "\n"
    }

    @Test func soundEvidenceInPartsIsTheSameAsInOnePiece() throws {
        let run = try outcomes(scores: rows(Array(1001...1040)))
        #expect(run.partIDs == run.oneIDs)
        #expect(run.parts.publication == .final)
        #expect(run.parts.summary?.byUnit == run.one.summary?.byUnit)
        #expect(run.parts.summary?.rewardTotal == run.one.summary?.rewardTotal)
        #expect(run.parts.summary?.byManager == run.one.summary?.byManager)
        #expect(run.parts.recordCount == 40)
    }

    @Test func problemsInPartsAreTheProblemsInOnePiece() throws {
        // 1005 twice (first and last part), a bad value late in the file, 1033 missing.
        var ids = Array(1001...1040).filter { $0 != 1033 }
        ids.append(1005)
        let run = try outcomes(scores: rows(ids, bad: [1030: "9"]))
        let describe = { (outcome: QuarterOutcome) in outcome.problems.map { "\($0.code)@\($0.location?.description ?? "-")" } }
        #expect(describe(run.parts) == describe(run.one))
        #expect(describe(run.parts).contains { $0.hasPrefix("evidence.duplicate-record") })
        #expect(run.parts.publication == run.one.publication)
    }

    @Test func aPartialRunInPartsLeavesOutTheSameOfficers() throws {
        var ids = Array(1001...1040)
        ids.append(1005)
        let run = try outcomes(scores: rows(ids, bad: [1030: "9"]), partial: true)
        #expect(run.partIDs == run.oneIDs)
        #expect(!run.partIDs.contains("1005") && !run.partIDs.contains("1030"))
        #expect(run.parts.excluded == run.one.excluded)
        #expect(run.parts.summary?.byUnit == run.one.summary?.byUnit)
    }
}
