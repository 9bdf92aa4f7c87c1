import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardRules

/// Rules, roster and a quarter's files read together, as the command line does.
@Suite struct WorkspaceTests {
    let officers = """
        officer,name,unit,area,from,until
        1001,张三,一队,甲班,,
        1002,李四,一队,乙班,,
        1003,王五,二队,甲班,,2025-03-31
        1004,赵六,二队,乙班,2025-04-01,
        1005,孙七,二队,丙班,,

        """
    let rules = evaluatorRules(formula: "if planned == 0 then 5 else min(5, 5 * done / planned)")

    @Test func everyProblemOfABadQuarterIsListedInOneRunInFileOrder() throws {
        try withTemporaryFolder { folder in
            try folder.write("rules/policy.yaml", rules)
            try folder.write("evidence/officers.csv", officers)
            try folder.write(
                "evidence/2025-Q2/scores.csv",
                """
                officer,a1,planned,done
                1001,6,3,x
                1020,4,1,1
                1003,4,1,1
                1004,,1.5,1
                1004,4,1,1
                1002,4

                """)
            try folder.write("evidence/2025-Q2/suggestions.csv", "officer,level\n1001,省\n1009,矿\n")
            let workspace = Workspace(rulesPath: folder.path + "/rules", evidencePath: folder.path + "/evidence")
            #expect(workspace.ruleDiagnostics.isEmpty, "\(workspace.ruleDiagnostics)")
            #expect(workspace.rosterDiagnostics.isEmpty, "\(workspace.rosterDiagnostics)")
            let run = try workspace.run(quarter(2))
            let scores = folder.path + "/evidence/2025-Q2/scores.csv"
            let suggestions = folder.path + "/evidence/2025-Q2/suggestions.csv"
            #expect(
                run.evidenceProblems.map { "\($0.code)@\($0.location?.description ?? "-")" } == [
                    "evidence.bad-value@\(scores):2:6", // a1 6 > 5
                    "evidence.bad-value@\(scores):2:10", // done x
                    "evidence.unknown-officer@\(scores):3:1", // 1020
                    "evidence.not-serving@\(scores):4:1", // 1003 left on 2025-03-31
                    "evidence.missing-value@\(scores):5:6", // a1 empty, no default
                    "evidence.bad-value@\(scores):5:7", // planned 1.5
                    "evidence.duplicate-record@\(scores):6:1", // 1004 again
                    "evidence.short-row@\(scores):7:1", // 1002: two cells of four
                    "evidence.bad-value@\(suggestions):2:6", // 省
                    "evidence.unknown-officer@\(suggestions):3:1", // 1009
                    "evidence.missing-record@\(folder.path)/evidence/officers.csv:6:1", // 1005
                ])
            #expect(run.evidenceProblems.allSatisfy { $0.severity == .error })
            // Nothing is evaluated, let alone published, while the evidence has errors.
            #expect(run.result == nil)
        }
    }

    @Test func recordCheckIsReportedWithTheRunAndOnlyAPartialRunEvaluates() throws {
        try withTemporaryFolder { folder in
            try folder.write("rules/policy.yaml", rules)
            try folder.write("evidence/officers.csv", officers)
            try folder.write("evidence/2025-Q2/scores.csv", "officer,a1,planned,done\n1001,4,3,2\n1002,4,2,3\n1004,5,0,0\n1005,3,4,4\n")
            let workspace = Workspace(rulesPath: folder.path + "/rules", evidencePath: folder.path + "/evidence")
            let run = try workspace.run(quarter(2))
            #expect(
                run.evidenceProblems.map { "\($0.severity) \($0.code)@\($0.location?.description ?? "-")" } == [
                    "error evidence.check@\(folder.path)/evidence/2025-Q2/scores.csv:3:10",
                    "warning evidence.no-list@-",
                ])
            // Bad evidence: by default nothing is evaluated; --partial evaluates all the same.
            #expect(run.result == nil)
            let partial = try workspace.run(quarter(2), partial: true)
            let result = try #require(partial.result)
            #expect(result.officer("1002")?.findings.map(\.code) == ["evidence.check"])
            // 1002: min(5, 5 × 3/2) = 5 → 4 + 5 = 9
            #expect(result.officer("1002")?.total == dec("9"))
            #expect(result.officers.map(\.officer.id) == ["1001", "1002", "1004", "1005"])
        }
    }

    @Test func yamlEvidenceGivesTheSameResultsAsTheCSVFiles() throws {
        // Q1 of the seeds rewritten as evidence.yaml, record by record, suggestion by suggestion.
        let csv = String(decoding: readBytes(seeds + "/2025-Q1/scores.csv"), as: UTF8.self)
        let list = String(decoding: readBytes(seeds + "/2025-Q1/suggestions.csv"), as: UTF8.self)
        let rows = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let listRows = list.split(separator: "\n").dropFirst().map { $0.split(separator: ",").map(String.init) }
        var yaml = "quarter: 2025-Q1\nrecords:\n"
        for row in rows.dropFirst() {
            yaml += "  - officer: \"\(row[0])\"\n"
            for (name, value) in zip(rows[0], row).dropFirst() { yaml += "    \(name): \(value)\n" }
            let own = listRows.filter { $0[0] == row[0] }
            if !own.isEmpty {
                yaml += "    suggestions:\n"
                for item in own { yaml += "      - {date: \(item[1]), level: \(item[2]), title: \"\(item[3])\"}\n" }
            }
        }
        #expect(listRows.count == 31)
        let fromCSV = try #require(seedRuns[0]?.result)
        try withTemporaryFolder { folder in
            try folder.write("officers.csv", bytes: readBytes(seeds + "/officers.csv"))
            try folder.write("2025-Q1/evidence.yaml", yaml)
            let run = try Workspace(rulesPath: bundledRules, evidencePath: folder.path).run(quarter(1))
            #expect(run.evidenceProblems.isEmpty, "\(run.evidenceProblems)")
            #expect(run.evidence.files == [folder.path + "/2025-Q1/evidence.yaml"])
            let fromYAML = try #require(run.result)
            #expect(fingerprint(fromYAML, locations: false) == fingerprint(fromCSV, locations: false))
            #expect(fromYAML.rewardTotal == fromCSV.rewardTotal)
        }
    }

    @Test func evaluatingTwiceGivesIdenticalResults() throws {
        let first = try #require(seedRuns[3]?.result)
        // The same evidence again through the evaluator, and the whole quarter read afresh.
        let policy = try #require(seedRuns[3]?.policy)
        let again = QuarterEvaluator(policy: policy).evaluate(try #require(seedRuns[3]?.evidence))
        #expect(fingerprint(again) == fingerprint(first))
        let freshWorkspace = Workspace(rulesPath: bundledRules, evidencePath: seeds)
        let fresh = try #require(freshWorkspace.run(quarter(4), under: policy).result)
        #expect(fingerprint(fresh) == fingerprint(first))
        #expect(fingerprint(first).count > 20 * 25)
    }
}
