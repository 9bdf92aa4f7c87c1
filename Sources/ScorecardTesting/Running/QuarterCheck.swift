import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// A quarter case's expectations against what the engine made of its evidence.
struct QuarterCheck {
    let testCase: TestCase
    let inline: InlineQuarter
    /// Rule parts exercised by an expectation (`Coverage` keys).
    private(set) var covered: Set<String> = []
    /// Officers with an expectation on their failures, or on their record checks: those are
    /// then expected, not surprises.
    private let failuresExpected: Set<String>
    private let checksExpected: Set<String>
    private let expectedCodes: Set<String>

    private var policy: Policy { inline.policy }

    init(testCase: TestCase, inline: InlineQuarter) {
        self.testCase = testCase
        self.inline = inline
        var failures = Set<String>(), checks = Set<String>(), codes = Set<String>()
        for expectation in testCase.expectations {
            switch (expectation.subject, expectation.figure) {
            case (.officer(let written), .failures): if let officer = inline.officer(written.value) { failures.insert(officer.id) }
            case (.officer(let written), .checks): if let officer = inline.officer(written.value) { checks.insert(officer.id) }
            case (.whole, .evidenceErrors):
                if case .names(let names, _) = expectation.value { codes.formUnion(names.map(\.value)) }
            default: break
            }
        }
        failuresExpected = failures
        checksExpected = checks
        expectedCodes = codes
    }

    mutating func outcome(of expectation: Expectation) -> ExpectationOutcome {
        var outcome = ExpectationOutcome(pending: expectation)
        let actual: Actual?
        switch expectation.subject {
        case .officer(let written):
            guard let officer = inline.officer(written.value) else {
                outcome.subject = written.value
                outcome.error = TestCaseMessages.unknownOfficer(written, among: inline.roster.officers)
                return outcome
            }
            outcome.subject = Names.officer(officer)
            actual = officerFigure(expectation, officer: officer, outcome: &outcome)
        case .whole, .candidate:
            actual = wholeFigure(expectation, outcome: &outcome)
        }
        outcome.settle(actual, against: expectation.value)
        return outcome
    }

    private mutating func officerFigure(_ expectation: Expectation, officer: Officer, outcome: inout ExpectationOutcome) -> Actual? {
        let result = inline.result(of: officer)
        let record = inline.record(of: officer)
        let scorePlaces = policy.scoring.precision
        let moneyPlaces = policy.money.precision
        let none = Actual(value: nil, text: nil, trace: Traces.noRecord(officer))
        switch expectation.figure {
        case .itemScore(let id):
            outcome.what = "项目 \(id.value) 的得分"
            guard let index = policy.items.firstIndex(where: { $0.id == id.value }) else {
                outcome.error = TestCaseMessages.unknownName(
                    TestCaseCode.unknownItem, "考核项目", id, among: policy.items.map(\.id), version: policy)
                return nil
            }
            guard let result, let record, result.items.indices.contains(index) else { return none }
            let item = policy.items[index], itemResult = result.items[index]
            covered.insert("item:\(item.id)")
            if case .condition(let number, _)? = itemResult.basis { covered.insert("condition:\(item.id)#\(number + 1)") }
            return .number(
                itemResult.score, places: scorePlaces, trace: Traces.item(item, itemResult, record: record, result: result, policy: policy))
        case .total:
            outcome.what = "总分"
            guard let result else { return none }
            return .number(result.total, places: scorePlaces, trace: Traces.total(result, policy: policy))
        case .grade:
            outcome.what = "等级"
            if case .word(let word) = expectation.value {
                let bands = policy.grades?.bands.map(\.name) ?? []
                if !bands.contains(word) {
                    outcome.error = TestCaseMessages.unknownName(
                        TestCaseCode.unknownGrade, "等级", Written(word, at: expectation.location), among: bands, version: policy)
                    return nil
                }
            }
            guard let result else { return none }
            if let grade = result.grade { covered.insert("band:\(grade)") }
            return Actual(value: result.grade.map { .word($0) }, text: result.grade, trace: Traces.grade(result, policy: policy))
        case .rewardAmount(let id):
            outcome.what = "奖励 \(id.value) 的金额"
            guard let rule = rewardRule(id, outcome: &outcome) else { return nil }
            guard let result else { return none }
            let reward = result.rewards.first { $0.rewardID == rule.id }
            if let reward { coverRates(rule, reward, grade: result.grade) }
            return .number(
                result.failures.isEmpty ? reward?.amount : nil, places: moneyPlaces,
                trace: Traces.reward(rule, reward, result: result, policy: policy))
        case .rewardCount(let id, let key):
            outcome.what = "奖励 \(id.value) 中“\(key.value)”的条数"
            guard let rule = rewardRule(id, outcome: &outcome) else { return nil }
            guard case .perRecord(_, _, let rates) = rule.basis else {
                outcome.error = TestCaseMessages.notPerRecord(rule, at: key.location)
                return nil
            }
            guard let rate = rates.first(where: { $0.key == key.value }) else {
                outcome.error = TestCaseMessages.unknownName(
                    TestCaseCode.unknownRate, "奖励 \(rule.id) 的计奖档次", key, among: rates.map(\.key), version: policy)
                return nil
            }
            guard let result else { return none }
            let count = result.rewards.first { $0.rewardID == rule.id }?.breakdown.first { $0.key == key.value }?.count
            if let count, count > 0 { covered.insert("rate:\(rule.id)/\(key.value)") }
            return Actual(
                value: count.map { .integer($0) }, text: count.map(String.init),
                trace: Traces.rewardCount(rule, key: key.value, count: count, rate: rate))
        case .rewardTotal:
            outcome.what = "奖励合计"
            guard let result else { return none }
            for reward in result.rewards {
                if let rule = policy.rewards.first(where: { $0.id == reward.rewardID }) { coverRates(rule, reward, grade: result.grade) }
            }
            return .number(result.rewardTotal, places: moneyPlaces, trace: Traces.rewardTotal(result, policy: policy))
        case .failures:
            outcome.what = "无法计算的原因"
            guard let result else { return none }
            return .names(result.failures.map(\.code), ordered: false, trace: Traces.failures(result))
        case .checks:
            outcome.what = "不符合的记录检查"
            if case .names(let names, _) = expectation.value {
                for name in names where !policy.evidence.checks.contains(where: { $0.id == name.value }) {
                    outcome.error = TestCaseMessages.unknownName(
                        TestCaseCode.unknownCheck, "记录检查", name, among: policy.evidence.checks.map(\.id), version: policy)
                    return nil
                }
            }
            guard let record else { return none }
            let failing = Self.failingChecks(record, policy: policy)
            covered.formUnion(failing.map { "check:\($0.id)" })
            return .names(failing.map(\.id), ordered: false, trace: Traces.checks(failing))
        default:
            outcome.error = TestCaseMessages.misplaced(expectation, kind: testCase.kindTitle)
            return nil
        }
    }

    private mutating func wholeFigure(_ expectation: Expectation, outcome: inout ExpectationOutcome) -> Actual? {
        let summary = inline.summary
        switch expectation.figure {
        case .fund(let id):
            outcome.what = "经费 \(id.value) 的合计"
            guard let fund = policy.fund(withID: id.value) else {
                outcome.error = TestCaseMessages.unknownName(
                    TestCaseCode.unknownFund, "经费", id, among: policy.funds.map(\.id), version: policy)
                return nil
            }
            let amount = summary.byFund.first { $0.fund.id == fund.id }?.amount
            let paying = policy.rewards.filter { $0.fund == fund.id }
            let trace = RuleTrace(
                "本用例各联系员从\(fund.name)列支的奖励之和",
                places: [.init(fund.location, "经费 \(fund.id)")] + paying.map { .init($0.location, "奖励 \($0.id)") }, clause: fund.clause)
            for result in inline.results {
                for reward in result.rewards where reward.fund == fund.id {
                    if let rule = policy.rewards.first(where: { $0.id == reward.rewardID }) {
                        coverRates(rule, reward, grade: result.grade)
                    }
                }
            }
            return .number(amount, places: policy.money.precision, trace: trace)
        case .unit(let name, let figure):
            outcome.what = "单位“\(name.value)”的\(figure.title)"
            guard let unit = summary.byUnit.first(where: { $0.key == name.value }) else {
                outcome.error = TestCaseMessages.unknownName(
                    TestCaseCode.unknownUnit, "单位", name, among: summary.byUnit.map(\.key), version: nil)
                return nil
            }
            let trace = RuleTrace("本用例中单位“\(unit.key)”结果完整的 \(unit.officers) 名联系员的\(figure == .officers ? "人数" : "合计")")
            switch figure {
            case .officers: return Actual(value: .integer(unit.officers), text: String(unit.officers), trace: trace)
            case .scoreSum: return .number(unit.scoreSum, places: policy.scoring.precision, trace: trace)
            case .reward: return .number(unit.reward, places: policy.money.precision, trace: trace)
            }
        case .evidenceErrors:
            outcome.what = "证据错误"
            return .problemCodes(evidenceErrors())
        default:
            outcome.error = TestCaseMessages.misplaced(expectation, kind: testCase.kindTitle)
            return nil
        }
    }

    /// The errors in the evidence: reading and binding, and the record checks of officers whose
    /// checks no expectation names.
    private func evidenceErrors() -> [Diagnostic] {
        var problems = inline.problems.filter { $0.severity == .error }
        for result in inline.results where !checksExpected.contains(result.officer.id) {
            problems += result.findings.filter { $0.severity == .error }
        }
        return problems.sortedForDisplay()
    }

    /// Problems no expectation accounts for. As in `evaluate`, results that could not be
    /// computed are not reported when the evidence has errors (nothing would be published).
    func unexpected() -> [Diagnostic] {
        var problems = evidenceErrors().filter { !expectedCodes.contains($0.code) }
        let evidenceHasErrors = inline.problems.hasErrors || inline.results.contains { $0.findings.hasErrors }
        for result in inline.results where !evidenceHasErrors && !result.failures.isEmpty && !failuresExpected.contains(result.officer.id) {
            problems += result.failures
        }
        return problems
    }

    private func rewardRule(_ id: Written<String>, outcome: inout ExpectationOutcome) -> RewardRule? {
        if let rule = policy.rewards.first(where: { $0.id == id.value }) { return rule }
        outcome.error = TestCaseMessages.unknownName(TestCaseCode.unknownReward, "奖励", id, among: policy.rewards.map(\.id), version: policy)
        return nil
    }

    /// The rates a reward was paid at for one officer.
    private mutating func coverRates(_ rule: RewardRule, _ reward: RewardResult, grade: String?) {
        if rule.condition != nil, reward.withheld { covered.insert("reward-condition:\(rule.id)") }
        switch rule.basis {
        case .perRecord: for line in reward.breakdown where line.count > 0 { covered.insert("rate:\(rule.id)/\(line.key)") }
        case .byGrade(let rates): if let grade, rates.contains(where: { $0.key == grade }) { covered.insert("rate:\(rule.id)/\(grade)") }
        case .formula: covered.insert("reward:\(rule.id)")
        }
        if reward.capped { covered.insert("reward-cap:\(rule.id)") }
    }

    /// The record checks a record fails, in rule order.
    static func failingChecks(_ record: OfficerRecord, policy: Policy) -> [EvidenceCheck] {
        policy.evidence.checks.filter { check in
            if case .boolean(false)? = try? check.requirement.evaluate(record.slots) { return true }
            return false
        }
    }
}

/// How a test's report names an officer.
enum Names {
    /// `联系员 10533（石磊）`, or `联系员 1001` for an officer made up from a record.
    static func officer(_ officer: Officer) -> String {
        officer.name == officer.id ? "联系员 \(officer.id)" : "联系员 \(officer.id)（\(officer.name)）"
    }
}
