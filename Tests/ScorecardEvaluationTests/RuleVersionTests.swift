import Testing
import ScorecardBase
import ScorecardEvaluation
import ScorecardRules
import ScorecardTestSupport

/// The bundled rules hold two versions: the 2021 original (rules/ itself) and the 2025 demo
/// revision (rules/2025-07-01/: 矿 rate 30 → 40 元, 良好 from 75 → 80 分). A quarter uses
/// the version in force on its first day.
@Suite struct RuleVersionTests {
    private var versions: PolicyVersions {
        get throws { try #require(seedWorkspace.versions) }
    }

    @Test func bothBundledVersionsLoadOldestFirst() throws {
        #expect(seedWorkspace.ruleDiagnostics.isEmpty, "\(seedWorkspace.ruleDiagnostics)")
        #expect(try versions.versions.map(\.metadata.version) == ["2021.1", "2025.1"])
        #expect(try versions.versions.map(\.metadata.effective.description) == ["2021-09-27", "2025-07-01"])
    }

    @Test func theVersionInForceIsTheLatestEffectiveOnOrBeforeTheQuartersFirstDay() throws {
        let v = try versions
        #expect(v.inForce(for: Quarter(year: 2021, number: 3)!) == nil, "2021-07-01 is before the policy")
        #expect(v.inForce(for: Quarter(year: 2021, number: 4)!)?.metadata.version == "2021.1")
        #expect(v.inForce(for: quarter(2))?.metadata.version == "2021.1", "2025-04-01: the revision is not yet in force")
        #expect(v.inForce(for: quarter(3))?.metadata.version == "2025.1", "2025-07-01: in force from that very day")
        #expect(v.inForce(on: LocalDate(year: 2025, month: 6, day: 30)!)?.metadata.version == "2021.1")
    }

    @Test func aVersionCanBePinnedByNameOrFolderAndAnUnknownOneIsRefused() throws {
        #expect(try versions.version(named: "2021.1")?.metadata.effective.description == "2021-09-27")
        #expect(try versions.version(named: "2025-07-01")?.metadata.version == "2025.1")
        let problem = try #require(throws: Diagnostic.self, "an unknown version must be refused") {
            try seedWorkspace.policy(for: quarter(4), version: "2030.9")
        }
        #expect(problem.code == "rules.unknown-version")
        #expect(problem.hint?.contains("2021.1") == true && problem.hint?.contains("2025.1") == true)
        let early = try #require(throws: Diagnostic.self, "no version is in force in 2020") {
            try seedWorkspace.policy(for: Quarter(year: 2020, number: 1)!)
        }
        #expect(early.code == "rules.no-version-in-force")
    }

    /// Worked by hand under the revision: 袁志刚 has 矿 3 × 40 + 区队 4 × 5 = 140.00; 石磊's
    /// 76.84 is now below 良好's 80 → 合格; the fund is 7 × 40 + 27 × 5 = 415.00 (the same 7 矿
    /// and 27 区队 adoptions that gave 345.00 under the original).
    @Test func q4UnderTheRevisionPaysTheNewRateAndGradesOnTheNewBands() throws {
        let run = try #require(seedRunsInForce[3])
        #expect(run.policy.metadata.version == "2025.1")
        let result = try #require(run.result)
        #expect(result.officer("10339")?.rewardTotal == ExactDecimal(140))
        let expectedTotal = try #require(ExactDecimal("76.84"))
        #expect(result.officer("10533")?.total == expectedTotal)
        #expect(result.officer("10533")?.grade == "合格")
        #expect(result.rewardTotal == ExactDecimal(415))
        #expect(result.gradeCounts.map(\.count) == [5, 12, 3, 0])
    }

    @Test func q2IsUnchangedByTheLaterRevision() throws {
        let inForce = try #require(seedRunsInForce[1]?.result)
        let original = try #require(seedRuns[1]?.result)
        #expect(seedRunsInForce[1]?.policy.metadata.version == "2021.1")
        #expect(inForce.rewardTotal == original.rewardTotal)
        #expect(inForce.officers.map(\.total) == original.officers.map(\.total))
    }
}

@Suite struct VersionFolderProblemTests {
    /// `body` run on a fresh folder holding `files`; the folder is removed after.
    private func inFolder<T>(_ files: [String: String], _ body: (TemporaryFolder) -> T) throws -> T {
        try withTemporaryFolder { folder in
            try folder.write(files)
            return body(folder)
        }
    }

    private func policy(id: String = "p", version: String, effective: String) -> String {
        """
        policy: {id: \(id), name: 测试, version: "\(version)", effective: \(effective)}
        scoring: {total: 5}
        items:
          - {id: a, title: 甲, points: 5, clause: "1", scoring: assessed}
        """
    }

    @Test func twoVersionsWithTheSameDateOrNameAreRefused() throws {
        let result = try inFolder([
            "v1/p.yaml": policy(version: "1", effective: "2025-01-01"),
            "v2/p.yaml": policy(version: "1", effective: "2025-01-01"),
        ]) { folder in
            var problems = DiagnosticSink()
            let versions = PolicyLoader.loadVersions(path: folder.path, sink: &problems)
            return (versions: versions, diagnostics: problems.diagnostics)
        }
        #expect(result.versions == nil)
        #expect(Set(result.diagnostics.map(\.code)) == ["rules.version-same-date", "rules.version-same-name"])
    }

    @Test func versionsOfDifferentPoliciesAreRefused() throws {
        let result = try inFolder([
            "a.yaml": policy(id: "one", version: "1", effective: "2025-01-01"),
            "later/a.yaml": policy(id: "two", version: "2", effective: "2025-07-01"),
        ]) { folder in
            var problems = DiagnosticSink()
            let versions = PolicyLoader.loadVersions(path: folder.path, sink: &problems)
            return (versions: versions, diagnostics: problems.diagnostics)
        }
        #expect(result.diagnostics.map(\.code) == ["rules.version-policy-id"])
    }

    @Test func aTestsFolderIsNotAVersion() throws {
        let result = try inFolder([
            "p.yaml": policy(version: "1", effective: "2025-01-01"),
            "tests/cases.yaml": "cases: []\n",
            "2025-07-01/p.yaml": policy(version: "2", effective: "2025-07-01"),
        ]) { folder in
            var problems = DiagnosticSink()
            let versions = PolicyLoader.loadVersions(path: folder.path, sink: &problems)
            return (versions: versions, diagnostics: problems.diagnostics)
        }
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics)")
        #expect(result.versions?.versions.map(\.metadata.version) == ["1", "2"])
    }

    @Test func aSingleFileIsOneVersion() throws {
        let result = try inFolder(["only.yaml": policy(version: "1", effective: "2025-01-01")]) { folder in
            var problems = DiagnosticSink()
            return PolicyLoader.loadVersions(path: folder.file("only.yaml"), sink: &problems)
        }
        #expect(result?.versions.count == 1)
    }
}
