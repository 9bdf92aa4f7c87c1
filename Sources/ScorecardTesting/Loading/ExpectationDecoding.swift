import ScorecardBase
import ScorecardRules
import ScorecardYAML

/// Reads one entry of `expect:`: about one officer (`officer:`), one candidate (`candidate:`)
/// or the whole case, with the keys that kind of case allows.
enum ExpectationDecoding {
    /// The keys about one officer or candidate, and about the whole case, for each kind of case.
    static func keys(for kind: TestCase.Kind) -> (subject: String, own: [String], whole: [String]) {
        switch kind {
        case .quarter:
            (
                "officer", ["items", "total", "grade", "rewards", "reward_total", "failures", "checks"],
                ["funds", "units", "evidence_errors"]
            )
        case .year:
            (
                "officer", ["annual_total", "rank", "ranked", "excellent", "year_end_reward", "tie_broken_by"],
                ["ranking", "excellent_officers", "funds", "evidence_errors"]
            )
        case .eligibility:
            ("candidate", ["eligible", "fails", "failures"], ["evidence_errors"])
        }
    }

    static func decode(_ node: YAMLNode, index: Int, kind: TestCase.Kind, sink: inout DiagnosticSink) -> [Expectation] {
        let (subjectKey, own, whole) = keys(for: kind)
        let label = "expect 的第 \(index + 1) 项"
        let before = sink.diagnostics.count
        guard let reader = MappingReader(node, context: label, allowed: [subjectKey] + own + whole, sink: &sink) else { return [] }
        let subject: Expectation.Subject
        if let subjectNode = reader.optional(subjectKey) {
            guard let text = ScalarReading.text(subjectNode, subjectKey == "officer" ? "联系员（officer）" : "候选人（candidate）", sink: &sink)
            else { return [] }
            let written = Written(text, at: valueLocation(subjectNode))
            subject = subjectKey == "officer" ? .officer(written) : .candidate(written)
            for key in whole where reader.has(key) {
                sink.append(TestCaseMessages.wholeBesideSubject(key, subjectKey: subjectKey, at: reader.location(ofKey: key)))
            }
        } else {
            subject = .whole
            for key in own where reader.has(key) {
                sink.append(TestCaseMessages.missingSubject(key, subjectKey: subjectKey, at: reader.location(ofKey: key)))
            }
        }
        let keys = subject == .whole ? whole : own
        var found: [Expectation] = []
        func add(_ figure: Expectation.Figure, _ value: (value: Expectation.Value, location: SourceLocation)?) {
            if let value { found.append(Expectation(subject: subject, figure: figure, value: value.value, location: value.location)) }
        }
        for key in keys {
            guard let value = reader.optional(key) else { continue }
            switch key {
            case "items":
                for (id, number) in pairs(value, "各项得分（items）", sink: &sink) {
                    add(.itemScore(id), self.number(number, "项目 \(id.value) 的得分", sink: &sink))
                }
            case "total": add(.total, number(value, "总分（total）", sink: &sink))
            case "grade": add(.grade, word(value, "等级（grade）", sink: &sink))
            case "rewards":
                for (id, entry) in pairs(value, "奖励（rewards）", sink: &sink) { rewards(id, entry, add: add, sink: &sink) }
            case "reward_total": add(.rewardTotal, number(value, "奖励合计（reward_total）", sink: &sink))
            case "failures": add(.failures, names(value, "无法计算的原因（failures）", ordered: false, sink: &sink))
            case "checks": add(.checks, names(value, "不符合的记录检查（checks）", ordered: false, sink: &sink))
            case "evidence_errors": add(.evidenceErrors, names(value, "证据错误（evidence_errors）", ordered: false, sink: &sink))
            case "funds":
                for (id, number) in pairs(value, "经费合计（funds）", sink: &sink) {
                    if case .year = kind {
                        add(.yearFund(id), self.number(number, "经费 \(id.value) 的全年合计", sink: &sink))
                    } else {
                        add(.fund(id), self.number(number, "经费 \(id.value) 的合计", sink: &sink))
                    }
                }
            case "units":
                for (unit, entry) in pairs(value, "单位合计（units）", sink: &sink) { units(unit, entry, add: add, sink: &sink) }
            case "annual_total": add(.annualTotal, number(value, "年度成绩（annual_total）", sink: &sink))
            case "rank": add(.rank, integer(value, "名次（rank）", sink: &sink))
            case "ranked": add(.ranked, boolean(value, "是否参加排名（ranked）", sink: &sink))
            case "excellent": add(.excellent, boolean(value, "是否优秀（excellent）", sink: &sink))
            case "year_end_reward": add(.yearEndReward, number(value, "年终奖励（year_end_reward）", sink: &sink))
            case "tie_broken_by":
                let breaker = ScalarReading.keyword(value, "比较项（tie_broken_by）", as: AnnualRules.TieBreaker.self, sink: &sink)
                add(.tieBrokenBy, breaker.map { (.word($0.rawValue), valueLocation(value)) })
            case "ranking": add(.ranking, names(value, "名次顺序（ranking）", ordered: true, sink: &sink))
            case "excellent_officers": add(.excellentOfficers, names(value, "优秀联系员（excellent_officers）", ordered: false, sink: &sink))
            case "eligible": add(.eligible, boolean(value, "是否符合任职条件（eligible）", sink: &sink))
            case "fails": add(.failingCriteria, names(value, "不符合的条件（fails）", ordered: false, sink: &sink))
            default: break
            }
        }
        if found.isEmpty, !sink.diagnostics[before...].contains(where: { $0.severity == .error }) {
            sink.append(TestCaseMessages.noExpectation(label, keys: keys, at: node.location))
        }
        return found
    }

    /// `rewards: {adopted_suggestions: 10}` or `{adopted_suggestions: {amount: 10, breakdown: {矿: 0, 区队: 2}}}`.
    private static func rewards(
        _ id: Written<String>, _ node: YAMLNode, add: (Expectation.Figure, (value: Expectation.Value, location: SourceLocation)?) -> Void,
        sink: inout DiagnosticSink
    ) {
        guard node.mapping != nil else {
            add(.rewardAmount(id), number(node, "奖励 \(id.value) 的金额", sink: &sink))
            return
        }
        guard
            let reader = MappingReader(
                node, context: "奖励 \(id.value)", allowed: ["amount", "breakdown", "value", "tolerance"], sink: &sink)
        else { return }
        if reader.has("value") {
            add(.rewardAmount(id), number(node, "奖励 \(id.value) 的金额", sink: &sink))
            return
        }
        if let amount = reader.optional("amount") { add(.rewardAmount(id), number(amount, "奖励 \(id.value) 的金额（amount）", sink: &sink)) }
        if let breakdown = reader.optional("breakdown") {
            for (key, count) in pairs(breakdown, "奖励 \(id.value) 的明细（breakdown）", sink: &sink) {
                add(.rewardCount(reward: id, key: key), integer(count, "奖励 \(id.value) 中“\(key.value)”的条数", sink: &sink))
            }
        }
        if !reader.has("amount"), !reader.has("breakdown") {
            _ = reader.required("amount", sink: &sink, hint: TestCaseMessages.KeyHint.fundAmount)
        }
    }

    /// `units: {机电队: {officers: 3, score_sum: 240.5, reward: 55}}`.
    private static func units(
        _ unit: Written<String>, _ node: YAMLNode, add: (Expectation.Figure, (value: Expectation.Value, location: SourceLocation)?) -> Void,
        sink: inout DiagnosticSink
    ) {
        let allowed = Expectation.UnitFigure.allCases.map(\.rawValue)
        guard let reader = MappingReader(node, context: "单位“\(unit.value)”", allowed: allowed, sink: &sink) else { return }
        for figure in Expectation.UnitFigure.allCases {
            guard let value = reader.optional(figure.rawValue) else { continue }
            let what = "单位“\(unit.value)”的\(figure.title)"
            add(.unit(unit, figure), figure == .officers ? integer(value, what, sink: &sink) : number(value, what, sink: &sink))
        }
        if !allowed.contains(where: reader.has) {
            sink.append(TestCaseMessages.nothingForUnit(unit.value, allowed: allowed, at: node.location))
        }
    }

    /// The pairs of a mapping keyed by names (item ids, reward ids, funds, units).
    private static func pairs(_ node: YAMLNode, _ what: String, sink: inout DiagnosticSink) -> [(Written<String>, YAMLNode)] {
        guard let pairs = node.mapping else {
            sink.append(TestCaseMessages.namesNotAMapping(what, node))
            return []
        }
        var result: [(Written<String>, YAMLNode)] = []
        for pair in pairs {
            guard let key = pair.key.scalar?.value, !key.isEmpty else {
                sink.append(TestCaseMessages.complexName(what, at: pair.key.location))
                continue
            }
            result.append((Written(key, at: keyLocation(pair)), pair.value))
        }
        return result
    }

    /// A number, or `{value: …, tolerance: …}` where the author allows a margin.
    static func number(_ node: YAMLNode, _ what: String, sink: inout DiagnosticSink) -> (
        value: Expectation.Value, location: SourceLocation
    )? {
        if node.mapping != nil {
            guard let reader = MappingReader(node, context: what, allowed: ["value", "tolerance"], sink: &sink),
                let valueNode = reader.required("value", sink: &sink, hint: TestCaseMessages.KeyHint.expectedValue),
                let value = ScalarReading.decimal(valueNode, "\(what)（value）", sink: &sink)
            else { return nil }
            var tolerance: ExactDecimal?
            if let toleranceNode = reader.optional("tolerance") {
                tolerance = ScalarReading.decimal(toleranceNode, "\(what)的允许误差（tolerance）", sink: &sink)
                if let given = tolerance, given.isNegative {
                    sink.append(TestCaseMessages.negativeTolerance(at: valueLocation(toleranceNode)))
                    return nil
                }
                if tolerance == nil { return nil }
            }
            return (.number(value, tolerance: tolerance), valueLocation(valueNode))
        }
        return ScalarReading.decimal(node, what, sink: &sink).map { (.number($0, tolerance: nil), valueLocation(node)) }
    }

    private static func integer(_ node: YAMLNode, _ what: String, sink: inout DiagnosticSink) -> (
        value: Expectation.Value, location: SourceLocation
    )? {
        ScalarReading.integer(node, what, range: 0...1_000_000, sink: &sink).map { (.integer($0), valueLocation(node)) }
    }

    private static func word(_ node: YAMLNode, _ what: String, sink: inout DiagnosticSink) -> (
        value: Expectation.Value, location: SourceLocation
    )? {
        ScalarReading.text(node, what, sink: &sink).map { (.word($0), valueLocation(node)) }
    }

    private static func boolean(_ node: YAMLNode, _ what: String, sink: inout DiagnosticSink) -> (
        value: Expectation.Value, location: SourceLocation
    )? {
        ScalarReading.boolean(node, what, sink: &sink).map { (.boolean($0), valueLocation(node)) }
    }

    /// One name or a list of names; `[]` says "none".
    private static func names(_ node: YAMLNode, _ what: String, ordered: Bool, sink: inout DiagnosticSink) -> (
        value: Expectation.Value, location: SourceLocation
    )? {
        if let items = node.sequence {
            var names: [Written<String>] = []
            for item in items {
                guard let text = ScalarReading.text(item, what, sink: &sink) else { return nil }
                names.append(Written(text, at: valueLocation(item)))
            }
            return (.names(names, ordered: ordered), node.location)
        }
        return ScalarReading.text(node, what, sink: &sink).map {
            (.names([Written($0, at: valueLocation(node))], ordered: ordered), valueLocation(node))
        }
    }
}

extension Expectation.UnitFigure {
    var title: String {
        switch self {
        case .officers: "人数"
        case .scoreSum: "总分合计"
        case .reward: "奖励合计"
        }
    }
}
