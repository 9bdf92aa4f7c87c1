import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardRules

/// Every officer's figures as one line, whichever way they were computed, and how many came
/// each way: what the kernel must agree on with `QuarterEvaluator`.
private struct FiguresSink: QuarterSink {
    var lines: [String] = []
    var plainCount = 0
    var generalCount = 0
    let takesPlainResults: Bool

    init(plain: Bool) { takesPlainResults = plain }

    mutating func accept(_ result: OfficerResult, of record: OfficerRecord) {
        generalCount += 1
        let scores = result.items.map { $0.score?.formatted(scale: 2) ?? "—" }
        let rewards = result.rewards.map { $0.amount.formatted(scale: 2) }
        lines.append(
            ([result.officer.id] + scores + [
                result.total?.formatted(scale: 2) ?? "—", result.grade ?? "", rewards.joined(separator: "/"),
                result.rewardTotal?.formatted(scale: 2) ?? "—",
            ]).joined(separator: ","))
    }

    mutating func accept(_ result: borrowing PlainResult, of officer: Officer, kernel: QuarterKernel) {
        plainCount += 1
        func fixed(_ value: Int64, _ places: Int) -> String { ExactDecimal(coefficient: Int128(value), scale: places).formatted(scale: 2) }
        let scores = result.scores.map { fixed($0, kernel.scorePlaces) }
        let rewards = result.rewards.map { fixed($0, kernel.moneyPlaces) }
        lines.append(
            ([officer.id] + scores + [
                fixed(result.total, kernel.scorePlaces), result.grade.map { kernel.bandNames[$0] } ?? "", rewards.joined(separator: "/"),
                fixed(result.rewardTotal, kernel.moneyPlaces),
            ]).joined(separator: ","))
    }

    mutating func restart() {
        lines.removeAll()
        plainCount = 0
        generalCount = 0
    }
    func part() -> FiguresSink? { FiguresSink(plain: takesPlainResults) }
    mutating func append(_ part: FiguresSink) {
        lines += part.lines
        plainCount += part.plainCount
        generalCount += part.generalCount
    }
}

/// A policy of the shapes the kernel runs: assessed decimals, a division rounded into a score,
/// a condition, min/max/clamp/round, a capped formula reward and a reward by grade.
private let kernelRules = """
    policy: {id: kernel, name: 快速计算, version: "1", effective: 2025-01-01}
    scoring: {total: 20, precision: 2, rounding: half-up}
    money: {currency: 元, precision: 2, rounding: half-even}
    funds:
      - {id: party_building, name: 党建经费}
    grades:
      bands:
        - {name: 优秀, min: 17.5}
        - {name: 合格, min: 10, below: 17.5}
        - {name: 不合格, min: 0, below: 10}
    evidence:
      fields:
        - {id: planned, type: integer, min: 0, max: 1000, default: 0}
        - {id: done, type: integer, min: 0, max: 1000, default: 0}
        - {id: faults, type: integer, min: 0, max: 9, default: 0}
        - {id: adopted, type: integer, min: 0, max: 50, default: 0}
      checks:
        - {id: done_le_planned, require: done <= planned, message: 完成次数不能多于计划次数}
    items:
      - {id: a1, title: 打分, points: 5, scoring: assessed}
      - id: a2
        title: 打分且无违章
        points: 5
        scoring:
          method: assessed
          conditions:
            - {when: faults > 2, score: 0, reason: 违章过多}
            - {when: faults == 2, score: "round(score.a1 / 2, 1)"}
      - id: c1
        title: 完成比例
        points: 5
        scoring: {method: computed, formula: "if planned == 0 then 5 else 5 * done / planned"}
      - id: c2
        title: 综合
        points: 5
        scoring: {method: computed, formula: "clamp(max(score.c1 - faults, 0.5) + min(1, adopted) * 1.25, 0, 5)"}
    rewards:
      - id: adopted
        title: 建议奖励
        fund: party_building
        formula: 30 * adopted + 0.125 * done
        cap: 400.5
      - id: tier
        title: 等级奖励
        fund: party_building
        by_grade: {优秀: 100, 合格: 20.555}
        when: total >= 12
    """

@Suite struct QuarterKernelTests {
    /// A roster of `count` officers and a record table for them, of generated values; `edit`
    /// changes the table's lines (1 is the header) before it is written.
    private func workspace(
        _ folder: TemporaryFolder, count: Int, seed: UInt64, rules: String = kernelRules, edit: (inout [String]) -> Void = { _ in }
    ) throws -> Workspace {
        try folder.write("rules/policy.yaml", rules)
        var roster = ["officer,name,unit,area,manager_role,manager"]
        var table = ["officer,a1,a2,planned,done,faults,adopted"]
        var state = seed
        func next(_ bound: UInt64) -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return (state >> 33) % bound
        }
        for index in 0..<count {
            let id = "K\(100000 + index)"
            roster.append("\(id),联系员\(index),\(["一队", "二队", "三队"][index % 3]),班\(index),班组长,组长\(index % 7)")
            let planned = next(4) == 0 ? 0 : next(300)
            let done = planned == 0 ? 0 : next(planned + 1)
            let tenths = next(51)
            let a1 = tenths == 50 ? "5" : "\(tenths / 10).\(tenths % 10)"
            let a2 = next(5) == 0 ? "\(next(6))" : "\(next(5)).\(next(100))"
            let adopted = next(3) == 0 ? "" : "\(next(20))"
            table.append("\(id),\(a1),\(a2),\(planned),\(done),\(next(4)),\(adopted)")
        }
        edit(&table)
        try folder.write("evidence/officers.csv", roster.joined(separator: "\n") + "\n")
        try folder.write("evidence/2025-Q2/scores.csv", table.joined(separator: "\n") + "\n")
        return Workspace(rulesPath: folder.path + "/rules", evidencePath: folder.path + "/evidence")
    }

    private struct Run {
        var outcome: QuarterOutcome
        var sink: FiguresSink
    }

    private func run(_ workspace: Workspace, kernel: Bool, partial: Bool = false, evaluating: Bool = true, parts: Bool = false) throws
        -> Run
    {
        let policy = try #require(workspace.policy)
        var pipeline = workspace.pipeline(for: quarter(2), under: policy)
        pipeline.useKernel = kernel
        if parts { pipeline.partMinimumSize = 1 } else { pipeline.parts = 1 }
        var sink = FiguresSink(plain: kernel)
        let outcome = pipeline.run(partial: partial, evaluating: evaluating, into: &sink)
        return Run(outcome: outcome, sink: sink)
    }

    /// The kernel's run and the reference's agree on every figure, problem, total and verdict.
    private func expectSame(_ fast: Run, _ reference: Run, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(fast.sink.lines == reference.sink.lines, sourceLocation: sourceLocation)
        #expect(fast.outcome.problems == reference.outcome.problems, sourceLocation: sourceLocation)
        #expect(fast.outcome.failures == reference.outcome.failures, sourceLocation: sourceLocation)
        #expect(fast.outcome.publication == reference.outcome.publication, sourceLocation: sourceLocation)
        #expect(fast.outcome.recordCount == reference.outcome.recordCount, sourceLocation: sourceLocation)
        #expect(fast.outcome.excluded == reference.outcome.excluded, sourceLocation: sourceLocation)
        #expect(fast.outcome.summary?.byUnit == reference.outcome.summary?.byUnit, sourceLocation: sourceLocation)
        #expect(fast.outcome.summary?.byManager == reference.outcome.summary?.byManager, sourceLocation: sourceLocation)
        #expect(fast.outcome.summary?.rewardTotal == reference.outcome.summary?.rewardTotal, sourceLocation: sourceLocation)
        #expect(
            fast.outcome.summary?.byFund.map(\.amount) == reference.outcome.summary?.byFund.map(\.amount), sourceLocation: sourceLocation)
        #expect(
            fast.outcome.summary?.gradeCounts.map(\.count) == reference.outcome.summary?.gradeCounts.map(\.count),
            sourceLocation: sourceLocation)
    }

    @Test func theKernelCompilesThePoliciesOfItsShapesAndNotOthers() throws {
        try withTemporaryFolder { folder in
            let workspace = try workspace(folder, count: 3, seed: 1)
            #expect(QuarterKernel(policy: try #require(workspace.policy)) != nil)
        }
        // The demo's rules reward per adopted suggestion, a list: the reference runs them.
        #expect(QuarterKernel(policy: try #require(originalPolicy)) == nil)
        // A division inside arithmetic is not rounded straight into the score.
        try withTemporaryFolder { folder in
            let rules = kernelRules.replacing("5 * done / planned", with: "min(5, 5 * done / planned)")
            let workspace = try workspace(folder, count: 3, seed: 1, rules: rules)
            #expect(QuarterKernel(policy: try #require(workspace.policy)) == nil)
        }
    }

    @Test func generatedRowsGiveTheReferenceFiguresThroughTheKernel() throws {
        try withTemporaryFolder { folder in
            let workspace = try workspace(folder, count: 2000, seed: 7) { table in
                // Line 6 (officer K100004): a failed record check, done above planned.
                table[5] = "K100004,4.5,3,2,3,0,1"
            }
            let fast = try run(workspace, kernel: true, partial: true)
            let reference = try run(workspace, kernel: false, partial: true)
            expectSame(fast, reference)
            #expect(fast.sink.plainCount > 1900)
            #expect(reference.sink.plainCount == 0)
            // The row whose check fails goes the general way, and its finding is the reference's.
            #expect(fast.outcome.problems.map(\.code) == ["evidence.check"])
        }
    }

    /// The year keeps each quarter as a packed table; through the kernel it holds the same
    /// figures as the general way (at the policy's places: the year's reports print them so).
    @Test func theYearsQuarterTableIsTheSameThroughTheKernel() throws {
        try withTemporaryFolder { folder in
            let workspace = try workspace(folder, count: 500, seed: 3)
            let policy = try #require(workspace.policy)
            func table(kernel: Bool) -> AnnualQuarterTable {
                var pipeline = workspace.pipeline(for: quarter(2), under: policy)
                pipeline.useKernel = kernel
                var sink = AnnualQuarterSink(policy: policy)
                _ = pipeline.run(into: &sink)
                return sink.table
            }
            #expect(AnnualQuarterSink(policy: policy).takesPlainResults)
            let fast = table(kernel: true)
            let reference = table(kernel: false)
            #expect(fast.count == 500 && reference.count == 500)
            func row(_ table: AnnualQuarterTable, _ index: Int) -> String {
                let figures = [table.total(at: index), table.rewardTotal(at: index)].map { figure in
                    figure.map { $0.formatted(scale: 4) } ?? "—"
                }
                return ([table.officer(at: index).id] + figures + ["\(table.adoptedSuggestions(at: index))", "\(table.failed(at: index))"])
                    .joined(separator: ",")
            }
            #expect((0..<fast.count).map { row(fast, $0) } == (0..<reference.count).map { row(reference, $0) })
        }
    }

    @Test func rowsThatAreNotPlainGoTheGeneralWayWithEveryProblemAsBefore() throws {
        try withTemporaryFolder { folder in
            let workspace = try workspace(folder, count: 500, seed: 11) { table in
                // Line n + 1 holds officer K10000n.
                table[3] = "K100002,4.x,3,10,5,0,1" // not a number
                table[10] = "K999999,4,3,10,5,0,1" // not on the roster
                table[20] = table[19] // a second row for the same officer
                table[30] = "K100029,6,3,10,5,0,1" // out of range
                table[40] = "K100039, 4,3,10,5,0,1" // a space to trim: read the usual way
                table[50] = "K100049,4,3,10,5,0,\"2\"" // quoted, still plain
                table[60] = "K100059,4,3,10,5,0" // a short row
                table[70] = "K100069,4.12345,3,10,5,0,1" // more places than the kernel holds
                table[80] = "K100079,4.5,3,10,5,0," // empty: the default
            }
            for partial in [false, true] {
                for evaluating in [true, false] {
                    let fast = try run(workspace, kernel: true, partial: partial, evaluating: evaluating)
                    let reference = try run(workspace, kernel: false, partial: partial, evaluating: evaluating)
                    expectSame(fast, reference)
                }
            }
            let fast = try run(workspace, kernel: true, partial: true)
            // The space and the five places are sound, read the usual way; the rest are left out.
            #expect(fast.sink.generalCount == 2)
            #expect(
                Set(fast.outcome.problems.map(\.code)).isSuperset(of: [
                    "evidence.bad-value", "evidence.unknown-officer", "evidence.duplicate-record", "evidence.short-row",
                ]))
        }
    }

    @Test func aRowTheKernelCannotComputeIsComputedByTheReference() throws {
        try withTemporaryFolder { folder in
            // c1 divides by planned; a row with planned 0 now fails, and the reference says why.
            let rules = kernelRules.replacing("if planned == 0 then 5 else 5 * done / planned", with: "5 * done / planned")
            let workspace = try workspace(folder, count: 300, seed: 3, rules: rules)
            let fast = try run(workspace, kernel: true)
            let reference = try run(workspace, kernel: false)
            expectSame(fast, reference)
            #expect(fast.outcome.failures.map(\.code).contains("expr.eval.division-by-zero"))
            #expect(fast.sink.generalCount > 0 && fast.sink.plainCount > 0)
        }
    }

    @Test func partsReadAtOnceGiveTheSameFiguresThroughTheKernel() throws {
        try withTemporaryFolder { folder in
            let workspace = try workspace(folder, count: 3000, seed: 5) { table in
                table[2500] = table[10] // a duplicate across the parts
            }
            for partial in [false, true] {
                let fast = try run(workspace, kernel: true, partial: partial, parts: true)
                let reference = try run(workspace, kernel: false, partial: partial, parts: true)
                // Withheld results may differ by part (each takes its own row of the officer
                // in two parts); the results of a partial run are those of one piece.
                let whole = try run(workspace, kernel: false, partial: partial)
                if partial { #expect(fast.sink.lines == whole.sink.lines) }
                #expect(fast.outcome.problems == whole.outcome.problems)
                expectSame(fast, reference)
            }
        }
    }
}
