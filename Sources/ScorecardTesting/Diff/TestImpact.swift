import ScorecardBase
import ScorecardRules

/// What a revision of the rules does to the test cases written for the version in force: each
/// case run under the old version and under the new one, and every expectation whose outcome
/// differs listed — what a reviewer wants to see first.
package struct TestImpact: Sendable {
    package struct Change: Sendable {
        package var caseName: String
        package var subject: String
        package var what: String
        /// Where the expectation is written.
        package var location: SourceLocation
        package var expected: String
        package var old: String?
        package var new: String?
        package var oldPassed: Bool
        package var newPassed: Bool
        /// How the new version produced its value.
        package var newTrace: RuleTrace?
        /// Set when the expectation cannot be checked under the new version (it names an item,
        /// a reward… the new version does not have), or the new version meets a problem the old
        /// one did not.
        package var problem: Diagnostic?
    }

    package var files: [String]
    package var oldVersion: String
    package var newVersion: String
    /// Cases run under both versions.
    package var casesRun: Int
    /// Cases that name another version than the old one: not the old version's tests.
    package var casesLeftOut: Int
    /// Cases that could not run under the old version itself (their own problem, not the revision's).
    package var casesBroken: [String]
    package var changes: [Change]

    package var changedCases: Int { Set(changes.map(\.caseName)).count }
    /// Expectations that passed under the old version and do not under the new one.
    package var newlyFailing: Int { changes.count { $0.oldPassed && !$0.newPassed } }

    /// `versions`: every version kept with the old one (its rule folder), to tell which cases
    /// that choose their version by a date or a quarter are the old version's; without them, a
    /// case is taken as the old version's from the old version's effective date on.
    package static func compare(_ files: [TestFile], old: Policy, new: Policy, versions: PolicyVersions? = nil) -> TestImpact {
        let runner = CaseRunner(versions: nil)
        var impact = TestImpact(
            files: files.map(\.path), oldVersion: old.metadata.version, newVersion: new.metadata.version,
            casesRun: 0, casesLeftOut: 0, casesBroken: [], changes: [])
        for testCase in files.flatMap(\.cases) where testCase.skip == nil {
            guard belongs(testCase, to: old, versions: versions) else {
                impact.casesLeftOut += 1
                continue
            }
            let before = runner.run(testCase, under: old)
            guard before.status != .error else {
                impact.casesBroken.append(testCase.name)
                continue
            }
            impact.casesRun += 1
            let after = runner.run(testCase, under: new)
            impact.changes += changes(testCase, before, after)
        }
        return impact
    }

    /// Whether a case runs under the old version when it runs as written: it names that version,
    /// or a day on which it is in force, or (a quarter or eligibility case) nothing at all, since
    /// the cases in a version's tests folder are that version's.
    static func belongs(_ testCase: TestCase, to old: Policy, versions: PolicyVersions?) -> Bool {
        let version = old.metadata.version
        func inForce(on day: LocalDate) -> Bool {
            if let versions { return versions.inForce(on: day)?.metadata.version == version }
            return old.metadata.effective <= day
        }
        if let named = testCase.version?.value {
            return named == version || versions?.version(named: named)?.metadata.version == version
        }
        switch testCase.kind {
        case .year(_, let quarters):
            return quarters.allSatisfy { inForce(on: $0.quarter.value.firstDay) }
        case .quarter, .eligibility:
            if let date = testCase.date?.value { return inForce(on: date) }
            if let quarter = testCase.quarter?.value { return inForce(on: quarter.firstDay) }
            return true
        }
    }

    private static func changes(_ testCase: TestCase, _ before: CaseOutcome, _ after: CaseOutcome) -> [Change] {
        var changes: [Change] = []
        for (old, new) in zip(before.expectations, after.expectations) {
            guard new.error != nil || old.actual != new.actual || old.passed != new.passed else { continue }
            changes.append(
                Change(
                    caseName: testCase.name, subject: new.subject, what: new.what.isEmpty ? old.what : new.what,
                    location: old.expectation.location,
                    expected: old.expected, old: old.actual, new: new.error == nil ? new.actual : nil,
                    oldPassed: old.passed, newPassed: new.passed && new.error == nil, newTrace: new.trace, problem: new.error))
        }
        if after.expectations.isEmpty, let problem = after.errors.first {
            changes.append(
                Change(
                    caseName: testCase.name, subject: "本用例", what: "运行", location: testCase.location, expected: "", old: nil, new: nil,
                    oldPassed: before.status == .passed, newPassed: false, newTrace: nil, problem: problem))
        }
        let known = Set(before.unexpected.map { "\($0.code) \($0.message)" })
        for problem in after.unexpected where !known.contains("\(problem.code) \(problem.message)") {
            changes.append(
                Change(
                    caseName: testCase.name, subject: "本用例", what: "意外的问题", location: problem.location ?? testCase.location, expected: "",
                    old: nil, new: nil, oldPassed: before.status == .passed, newPassed: false, newTrace: nil, problem: problem))
        }
        return changes
    }
}
