import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardRules

/// A year case's expectations against the year-end assessment of its quarters, each evaluated
/// under its own version and combined by the year-end version's `annual` rules.
struct YearCheck {
    let testCase: TestCase
    let quarters: [InlineQuarter]
    let evaluator: AnnualEvaluator
    let result: AnnualResult
    /// Everyone on any quarter's roster, first appearance first.
    let officers: [Officer]
    private(set) var covered: Set<String> = []
    private let expectedCodes: Set<String>

    private var policy: Policy { evaluator.policy }
    private var rules: AnnualRules { evaluator.rules }

    init(testCase: TestCase, year: Int, quarters: [InlineQuarter], evaluator: AnnualEvaluator) {
        self.testCase = testCase
        self.quarters = quarters
        self.evaluator = evaluator
        let annual = quarters.map { inline in
            AnnualQuarter(
                policy: inline.policy, evidence: inline.evidence,
                result: QuarterResult(quarter: inline.quarter, policy: inline.policy, officers: inline.results, summary: inline.summary))
        }
        result = evaluator.evaluate(year: year, quarters: annual)
        var seen = Set<String>()
        officers = quarters.flatMap(\.roster.officers).filter { seen.insert($0.id).inserted }
        var codes = Set<String>()
        for expectation in testCase.expectations {
            if case .evidenceErrors = expectation.figure, case .names(let names, _) = expectation.value {
                codes.formUnion(names.map(\.value))
            }
        }
        expectedCodes = codes
    }

    func officer(_ written: String) -> Officer? {
        officers.first { $0.id == written }
            ?? {
                let named = officers.filter { $0.name == written }
                return named.count == 1 ? named.first : nil
            }()
    }

    mutating func outcome(of expectation: Expectation) -> ExpectationOutcome {
        var outcome = ExpectationOutcome(pending: expectation)
        var expected = expectation.value
        let actual: Actual?
        switch expectation.subject {
        case .officer(let written):
            guard let officer = officer(written.value) else {
                outcome.subject = written.value
                outcome.error = TestCaseMessages.unknownOfficer(written, among: officers)
                return outcome
            }
            outcome.subject = Names.officer(officer)
            actual = officerFigure(expectation, officer: officer, outcome: &outcome)
        case .whole, .candidate:
            if case .names(let names, let ordered) = expectation.value,
                expectation.figure == .ranking || expectation.figure == .excellentOfficers
            {
                var ids: [Written<String>] = []
                for name in names {
                    guard let officer = officer(name.value) else {
                        outcome.error = TestCaseMessages.unknownOfficer(name, among: officers)
                        return outcome
                    }
                    ids.append(Written(officer.id, at: name.location))
                }
                expected = .names(ids, ordered: ordered)
            }
            actual = wholeFigure(expectation, outcome: &outcome)
        }
        outcome.settle(actual, against: expected)
        return outcome
    }

    private mutating func officerFigure(_ expectation: Expectation, officer: Officer, outcome: inout ExpectationOutcome) -> Actual? {
        let places = policy.scoring.precision
        guard let standing = result.officers.first(where: { $0.officer.id == officer.id }) else {
            outcome.what = Self.title(of: expectation.figure)
            return Actual(value: nil, text: nil, trace: RuleTrace("联系员 \(officer.id) \(officer.name) 在这一年没有可计算的季度记录"))
        }
        outcome.what = Self.title(of: expectation.figure)
        let annualPlace = RuleTrace.Place(rules.location, "annual")
        switch expectation.figure {
        case .annualTotal:
            return .number(
                standing.annualTotal, places: places, trace: RuleTrace(totalWords(standing), places: [annualPlace], clause: rules.clause))
        case .rank:
            coverTie(standing)
            let text = standing.rank.map { "第 \($0) 名" + (standing.tieNote.map { "；\($0)" } ?? "") } ?? "不参加排名：\(standing.exclusion ?? "")"
            return Actual(
                value: standing.rank.map { .integer($0) }, text: standing.rank.map(String.init),
                trace: RuleTrace(text, places: [annualPlace], clause: rules.clause))
        case .ranked:
            let text =
                standing.annualTotal != nil
                ? "参加排名（\(totalWords(standing))）" : "不参加排名：\(standing.exclusion ?? "")（partial_year: \(rules.partialYear.rawValue)）"
            return Actual(
                value: .boolean(standing.annualTotal != nil), text: standing.annualTotal != nil ? "是" : "否",
                trace: RuleTrace(text, places: [annualPlace], clause: rules.clause))
        case .excellent:
            return Actual(
                value: .boolean(standing.excellent), text: standing.excellent ? "是" : "否",
                trace: RuleTrace(
                    standing.excellentReason ?? standing.exclusion ?? "", places: [.init(rules.excellent.location, "excellent")],
                    clause: rules.clause))
        case .yearEndReward:
            let reward = rules.reward
            return .number(
                standing.yearEndReward, places: policy.money.precision,
                trace: RuleTrace(
                    reward.map {
                        standing.excellent ? "\($0.title)：优秀政工联系员每人 \($0.amount.normalized) \(policy.money.currency)" : "不是优秀，没有\($0.title)"
                    } ?? "规则中没有年终奖励",
                    places: reward.map { [.init($0.location, "reward")] } ?? [annualPlace], clause: rules.clause))
        case .tieBrokenBy:
            // The tie note is the later officer's; the earlier one was separated by the same breaker.
            let ranked = result.officers.filter { $0.rank != nil }
            let next = ranked.firstIndex { $0.officer.id == officer.id }.flatMap { ranked.indices.contains($0 + 1) ? ranked[$0 + 1] : nil }
            let partner = Self.breaker(of: standing) == nil && next?.annualTotal == standing.annualTotal ? next : nil
            let decided = partner ?? standing
            coverTie(decided)
            let breaker = Self.breaker(of: decided)
            return Actual(
                value: breaker.map { .word($0.rawValue) }, text: breaker?.rawValue ?? "（与前后名次都不同分，无需比较）",
                trace: RuleTrace(decided.tieNote ?? "年度成绩与前后名次都不同", places: [annualPlace], clause: rules.clause))
        default:
            outcome.error = TestCaseMessages.misplaced(expectation, kind: testCase.kindTitle)
            return nil
        }
    }

    private mutating func wholeFigure(_ expectation: Expectation, outcome: inout ExpectationOutcome) -> Actual? {
        outcome.what = Self.title(of: expectation.figure)
        let places = policy.scoring.precision
        switch expectation.figure {
        case .ranking:
            let ranked = result.officers.filter { $0.rank != nil }
            for standing in ranked { coverTie(standing) }
            let lines = ranked.map { "第 \($0.rank ?? 0) 名 \($0.officer.name) \($0.annualTotal?.formatted(scale: places) ?? "")" }
            return .names(
                ranked.map(\.officer.id), shown: ranked.map(\.officer.name), ordered: true,
                trace: RuleTrace(lines.joined(separator: "，"), places: [.init(rules.location, "annual")], clause: rules.clause))
        case .excellentOfficers:
            let excellent = result.excellentOfficers
            var text = excellent.map { "\($0.officer.name)（\($0.excellentReason ?? "")）" }.joined(separator: "；")
            if let limit = result.excellentLimit { text += (text.isEmpty ? "" : "；") + "名额 \(limit.count)（\(limit.why)）" }
            return .names(
                excellent.map(\.officer.id), shown: excellent.map(\.officer.name), ordered: false,
                trace: RuleTrace(text, places: [.init(rules.excellent.location, "excellent")], clause: rules.clause))
        case .yearFund(let id):
            guard let fund = result.byFund.first(where: { $0.id == id.value }) else {
                outcome.error = TestCaseMessages.unknownName(
                    TestCaseCode.unknownFund, "经费", id, among: result.byFund.map(\.id), version: policy)
                return nil
            }
            let money = policy.money.precision
            return .number(
                fund.total, places: money,
                trace: RuleTrace(
                    "季度奖励 \(fund.quarterly.formatted(scale: money)) + 年终奖励 \(fund.yearEnd.formatted(scale: money))",
                    places: policy.fund(withID: fund.id).map { [.init($0.location, "经费 \(fund.id)")] } ?? [], clause: fund.clause))
        case .evidenceErrors:
            return .problemCodes(evidenceErrors())
        default:
            outcome.error = TestCaseMessages.misplaced(expectation, kind: testCase.kindTitle)
            return nil
        }
    }

    private func evidenceErrors() -> [Diagnostic] {
        quarters.flatMap { inline in
            inline.problems.filter { $0.severity == .error } + inline.results.flatMap { $0.findings.filter { $0.severity == .error } }
        }
    }

    /// Problems no expectation accounts for; results that could not be computed only when the
    /// evidence has no errors (as in `evaluate`, nothing would be published otherwise).
    func unexpected() -> [Diagnostic] {
        let errors = evidenceErrors()
        return errors.filter { !expectedCodes.contains($0.code) }
            + (errors.isEmpty ? quarters.flatMap { $0.results.flatMap(\.failures) } : [])
    }

    /// `2025-Q1 96.50 + 2025-Q2 98.00 + … = 394.00（sum）`, or why the officer is not ranked.
    private func totalWords(_ standing: AnnualOfficerResult) -> String {
        let places = policy.scoring.precision
        let parts = standing.quarters.map { "\($0.quarter) \($0.total?.formatted(scale: places) ?? "未算出")（\($0.version)）" }
        var text = parts.joined(separator: " + ")
        if let sum = standing.quarterSum { text += " = \(sum.formatted(scale: places))" }
        text += "（aggregate: \(rules.aggregate.rawValue)）"
        if let scaling = standing.scaling { text += "；不满 \(rules.quartersRequired) 个季度，折算 \(scaling)" }
        if let exclusion = standing.exclusion { text += "；不参加排名：\(exclusion)" }
        return text
    }

    /// The tie-breaker that put the officer after the one before, named in the tie note.
    static func breaker(of standing: AnnualOfficerResult) -> AnnualRules.TieBreaker? {
        guard let note = standing.tieNote else { return nil }
        return AnnualRules.TieBreaker.allCases.first { note.contains("按“\($0.title)”") }
    }

    private mutating func coverTie(_ standing: AnnualOfficerResult) {
        if let breaker = Self.breaker(of: standing), rules.tieBreakers.contains(breaker) { covered.insert("tie:\(breaker.rawValue)") }
    }

    static func title(of figure: Expectation.Figure) -> String {
        switch figure {
        case .annualTotal: "年度成绩"
        case .rank: "名次"
        case .ranked: "是否参加排名"
        case .excellent: "是否评为优秀"
        case .yearEndReward: "年终奖励"
        case .tieBrokenBy: "同分时起决定作用的比较项"
        case .ranking: "名次顺序"
        case .excellentOfficers: "优秀政工联系员"
        case .yearFund(let id): "经费 \(id.value) 的全年合计"
        case .evidenceErrors: "证据错误"
        default: "期望"
        }
    }
}
