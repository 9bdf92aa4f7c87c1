import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardRules
@testable import ScorecardEvidence

/// Behaviours fixed after review; each of these once misbehaved.
@Suite struct EvidenceFolderReviewTests {
    private static let rules = """
        policy: {id: p, name: 测试, version: "1", effective: 2025-01-01}
        scoring: {total: 10}
        evidence:
          fields:
            - {id: due, name: 应报次数, type: integer, min: 0}
          lists:
            - id: suggestions
              fields:
                - {id: level, name: 采纳层级, type: choice, choices: [矿, 区队]}
        items:
          - {id: a, title: 甲, points: 5, clause: "1", scoring: assessed}
          - {id: b, title: 乙, points: 5, clause: "2", scoring: {method: computed, formula: "if due == 0 then 5 else 4"}}
        """

    /// One quarter of an evidence folder made of `files`, with its roster's problems first;
    /// the folder is removed after.
    private func load(_ files: [String: String], quarter: Quarter) throws -> (QuarterEvidence, [Diagnostic]) {
        let policy = try #require(PolicyLoader.load(sources: [RuleSource(displayPath: "r.yaml", bytes: Array(Self.rules.utf8))]).policy)
        return try withTemporaryFolder { scratch in
            try scratch.write(files)
            let folder = EvidenceFolder(root: scratch.path)
            let roster = folder.loadRoster()
            let loaded = folder.loadQuarter(quarter, policy: policy, roster: roster.roster)
            return (loaded.evidence, roster.problems + loaded.problems)
        }
    }

    private let roster = "officer,name,unit,area,备注\n1,甲,一队,甲班,新任\n2,乙,一队,乙班,\n"

    @Test func aQuarterFolderNamedWithoutTheDashIsFound() throws {
        let (evidence, problems) = try load(["officers.csv": roster, "2025Q1/scores.csv": "officer,a,due\n1,4,1\n2,5,0\n"], quarter: Quarter(year: 2025, number: 1)!)
        #expect(!problems.hasErrors)
        #expect(evidence.records.count == 2)
    }

    @Test func anExtraRosterColumnIsAWarningNotAnError() throws {
        let (_, problems) = try load(["officers.csv": roster, "2025-Q1/scores.csv": "officer,a,due\n1,4,1\n2,5,0\n"], quarter: Quarter(year: 2025, number: 1)!)
        #expect(problems.contains { $0.code == "evidence.unused-column" && $0.severity == .warning })
        #expect(!problems.hasErrors)
    }

    @Test func aMissingColumnIsReportedOnceNotOncePerRow() throws {
        let (_, problems) = try load(["officers.csv": roster, "2025-Q1/scores.csv": "officer,due\n1,1\n2,0\n"], quarter: Quarter(year: 2025, number: 1)!)
        #expect(problems.filter { $0.code == "evidence.missing-column" }.count == 1)
        #expect(!problems.contains { $0.code == "evidence.missing-value" })
    }

    @Test func theMissingRecordMessageNamesTheQuarter() throws {
        let (_, problems) = try load(["officers.csv": roster, "2025-Q3/scores.csv": "officer,a,due\n1,4,1\n"], quarter: Quarter(year: 2025, number: 3)!)
        #expect(problems.first { $0.code == "evidence.missing-record" }?.message.contains("2025-Q3") == true)
    }

    @Test func yamlEvidenceMayMixIdsAndChineseNamesAndPointsAtTheKey() throws {
        let yaml = """
            records:
              - {officer: "1", a: 4, 应报次数: 1, suggestions: [{采纳层级: 矿}]}
              - {工号: "2", a: 5, due: 0, pionts: 3}
            """
        let (evidence, problems) = try load(["officers.csv": roster, "2025-Q1/evidence.yaml": yaml], quarter: Quarter(year: 2025, number: 1)!)
        let unknown = problems.filter { $0.code == "evidence.unknown-column" }
        #expect(unknown.count == 1)
        #expect(unknown.first?.location?.line == 3)
        #expect(!problems.contains { $0.code == "evidence.duplicate-column" })
        #expect(evidence.records.isEmpty || problems.hasErrors)
    }

    @Test func aListInBothYAMLAndCSVIsAnError() throws {
        let yaml = "records:\n  - {officer: \"1\", a: 4, due: 1, suggestions: [{level: 矿}]}\n  - {officer: \"2\", a: 5, due: 0}\n"
        let (_, problems) = try load([
            "officers.csv": roster, "2025-Q1/evidence.yaml": yaml, "2025-Q1/suggestions.csv": "officer,level\n1,区队\n",
        ], quarter: Quarter(year: 2025, number: 1)!)
        #expect(problems.contains { $0.code == "evidence.two-formats" })
    }
}
