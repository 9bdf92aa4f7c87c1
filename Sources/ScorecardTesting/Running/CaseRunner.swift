import ScorecardBase
import ScorecardEvaluation
import ScorecardRules

/// Runs test cases through the engine: the version chosen as `evaluate` chooses it, the inline
/// evidence read and checked like a quarter's files, the evaluator, the annual and the
/// eligibility assessment as the commands use them; then every expectation compared.
package struct CaseRunner: Sendable {
    /// Every version of the rules; nil when only `under:` runs are asked for (diff).
    package let versions: PolicyVersions?

    package init(versions: PolicyVersions?) {
        self.versions = versions
    }

    /// Runs one case; with `override`, under that version whatever the case names (to see
    /// what a revision does to it).
    package func run(_ testCase: TestCase, under override: Policy? = nil) -> CaseOutcome {
        var outcome = CaseOutcome(
            testCase: testCase, status: .skipped, version: nil, period: nil, expectations: [], unexpected: [], errors: [], covered: [:])
        if testCase.skip != nil { return outcome }
        switch testCase.kind {
        case .quarter(let records):
            do throws(Diagnostic) {
                let (policy, quarter) = try choose(testCase, override: override)
                outcome.version = policy.metadata.version
                outcome.period = quarter.description
                let inline = InlineQuarter.read(
                    records: records, roster: testCase.roster, shared: testCase.rosterIsShared, policy: policy, quarter: quarter,
                    file: testCase.file)
                var check = QuarterCheck(testCase: testCase, inline: inline)
                outcome.expectations = testCase.expectations.map { check.outcome(of: $0) }
                outcome.unexpected = check.unexpected()
                outcome.covered = [policy.metadata.version: check.covered]
            } catch {
                outcome.errors = [error]
            }
        case .eligibility(let candidates):
            do throws(Diagnostic) {
                let (policy, _) = try choose(testCase, override: override)
                outcome.version = policy.metadata.version
                guard let eligibility = policy.eligibility else {
                    throw TestCaseMessages.noEligibility(version: policy.metadata.version, at: testCase.location)
                }
                var check = EligibilityCheck(testCase: testCase, policy: policy, eligibility: eligibility, candidates: candidates)
                outcome.expectations = testCase.expectations.map { check.outcome(of: $0) }
                outcome.unexpected = check.unexpected()
                outcome.covered = [policy.metadata.version: check.covered]
            } catch {
                outcome.errors = [error]
            }
        case .year(let year, let quarters):
            outcome.period = "\(year) 年"
            var inlines: [InlineQuarter] = []
            for entry in quarters {
                do throws(Diagnostic) {
                    let policy = try policy(forQuarter: entry.quarter, of: testCase, override: override)
                    inlines.append(
                        InlineQuarter.read(
                            records: entry.records, roster: testCase.roster, shared: testCase.rosterIsShared, policy: policy,
                            quarter: entry.quarter.value, file: testCase.file))
                } catch {
                    outcome.errors.append(error)
                }
            }
            guard outcome.errors.isEmpty, let last = inlines.last else { break }
            outcome.version = last.policy.metadata.version
            guard let evaluator = AnnualEvaluator(policy: last.policy) else {
                outcome.errors = [TestCaseMessages.noAnnual(AnnualEvaluator.missingRules(last.policy), case: testCase.location)]
                break
            }
            var check = YearCheck(testCase: testCase, year: year, quarters: inlines, evaluator: evaluator)
            outcome.expectations = testCase.expectations.map { check.outcome(of: $0) }
            outcome.unexpected = check.unexpected()
            outcome.covered = [last.policy.metadata.version: check.covered]
        }
        // One unknown name in an entry is one mistake, however many figures it carries.
        for problem in outcome.expectations.compactMap(\.error) where !outcome.errors.contains(problem) { outcome.errors.append(problem) }
        if !outcome.errors.isEmpty {
            outcome.status = .error
        } else {
            outcome.status = outcome.unexpected.isEmpty && outcome.expectations.allSatisfy(\.passed) ? .passed : .failed
        }
        return outcome
    }

    /// The version and the quarter of a quarter or eligibility case.
    func choose(_ testCase: TestCase, override: Policy?) throws(Diagnostic) -> (Policy, Quarter) {
        let named = testCase.date.flatMap { quarter(containing: $0.value) } ?? testCase.quarter?.value
        func withQuarter(_ policy: Policy) throws(Diagnostic) -> (Policy, Quarter) {
            guard let quarter = named ?? firstQuarter(of: policy) else {
                throw TestCaseMessages.noQuarter(testCase.name, at: testCase.location)
            }
            return (policy, quarter)
        }
        if let override { return try withQuarter(override) }
        guard let versions else { throw unusable(testCase) }
        if let version = testCase.version {
            return try withQuarter(Self.version(version, in: versions))
        } else if let date = testCase.date {
            return try withQuarter(inForce(versions.inForce(on: date.value), on: date.value, at: date.location, versions: versions))
        } else if let quarter = testCase.quarter {
            return try withQuarter(
                inForce(versions.inForce(for: quarter.value), on: quarter.value.firstDay, at: quarter.location, versions: versions))
        } else if let version = testCase.defaultVersion, let policy = versions.version(named: version) {
            return try withQuarter(policy)
        }
        throw TestCaseMessages.noVersion(testCase.name, summary: versions.summary, at: testCase.location)
    }

    /// A year case's quarter: under the version named, else the one in force for the quarter.
    private func policy(forQuarter quarter: Written<Quarter>, of testCase: TestCase, override: Policy?) throws(Diagnostic) -> Policy {
        if let override { return override }
        guard let versions else { throw unusable(testCase) }
        if let version = testCase.version { return try Self.version(version, in: versions) }
        return try inForce(versions.inForce(for: quarter.value), on: quarter.value.firstDay, at: quarter.location, versions: versions)
    }

    static func version(_ written: Written<String>, in versions: PolicyVersions) throws(Diagnostic) -> Policy {
        if let policy = versions.version(named: written.value) { return policy }
        let names = versions.versions.map(\.metadata.version)
        let suggestion = NameSuggestion.closest(to: written.value, among: names)
        throw TestCaseMessages.unknownVersion(written, summary: versions.summary, suggesting: suggestion)
    }

    private func inForce(_ policy: Policy?, on day: LocalDate, at location: SourceLocation, versions: PolicyVersions) throws(Diagnostic)
        -> Policy
    {
        if let policy { return policy }
        throw TestCaseMessages.noVersionInForce(on: day, summary: versions.summary, at: location)
    }

    private func unusable(_ testCase: TestCase) -> Diagnostic {
        EvaluationMessages.unusableRules("无法运行测试用例", at: testCase.location)
    }

    /// The quarter a day falls in.
    func quarter(containing day: LocalDate) -> Quarter? {
        Quarter(year: day.year, number: (day.month - 1) / 3 + 1)
    }

    /// The first quarter wholly under a version: the one starting on its effective date, else the next.
    func firstQuarter(of policy: Policy) -> Quarter? {
        let effective = policy.metadata.effective
        guard let containing = quarter(containing: effective) else { return nil }
        if containing.firstDay == effective { return containing }
        let next =
            containing.number == 4
            ? Quarter(year: containing.year + 1, number: 1) : Quarter(year: containing.year, number: containing.number + 1)
        return next ?? containing
    }
}
