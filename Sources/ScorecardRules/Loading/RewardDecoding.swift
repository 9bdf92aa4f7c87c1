import ScorecardBase
import ScorecardExpression
import ScorecardYAML

/// `rewards`: per-record rates, grade tiers or a formula, each charged to a declared fund.
enum RewardDecoding {
    static func reward(
        _ node: YAMLNode, index: Int, environment: ExpressionEnvironment, evidence: EvidenceSchema,
        sink: inout DiagnosticSink
    ) -> RewardRule? {
        guard
            let reader = MappingReader(
                node, context: "第 \(index + 1) 项奖励（rewards）",
                allowed: ["id", "title", "clause", "fund", "per_record", "by_grade", "formula", "when", "cap"], sink: &sink)
        else { return nil }
        let id = reader.required("id", sink: &sink).flatMap { ScalarReading.identifier($0, "奖励编号（id）", sink: &sink) }
        let label = id.map { "奖励 \($0)" } ?? "第 \(index + 1) 项奖励"
        let title = reader.required("title", sink: &sink).flatMap { ScalarReading.text($0, "\(label) 的名称（title）", sink: &sink) }
        let clause = ScalarReading.clause(reader, sink: &sink)
        let fundNode = reader.required("fund", sink: &sink, hint: RulesMessages.KeyHint.rewardFund)
        let fund = fundNode.flatMap { ScalarReading.identifier($0, "\(label) 的经费（fund）", sink: &sink) }
        let cap = reader.optional("cap").flatMap { ScalarReading.decimal($0, "\(label) 的上限（cap）", sink: &sink) }
        if let cap, cap.isNegative {
            sink.append(RulesMessages.negativeCap(label, at: reader.location(ofKey: "cap")))
        }
        let condition = reader.optional("when").flatMap {
            ExpressionReading.compile($0, "\(label) 的发放条件（when）", in: environment, expecting: .boolean, sink: &sink)
        }

        let bases = ["per_record", "by_grade", "formula"].filter { reader.has($0) }
        if bases.count != 1 {
            sink.append(RulesMessages.rewardBasis(label, bases: bases, at: node.location))
            return nil
        }
        var basis: RewardBasis?
        switch bases[0] {
        case "per_record":
            basis = perRecord(reader.optional("per_record"), label: label, evidence: evidence, sink: &sink)
        case "by_grade":
            if let gradeNode = reader.optional("by_grade") {
                basis = rates(gradeNode, label: "\(label) 的等级定额（by_grade）", sink: &sink).map { .byGrade($0) }
            }
        default:
            if let formulaNode = reader.optional("formula"),
                let formula = ExpressionReading.compile(formulaNode, "\(label) 的公式", in: environment, expecting: .number, sink: &sink)
            {
                basis = .formula(formula)
            }
        }
        guard let id, let title, let fund, let basis else { return nil }
        return RewardRule(
            id: id, title: title, clause: clause, fund: fund, fundLocation: fundNode.map(valueLocation) ?? node.location, basis: basis,
            condition: condition, cap: cap, location: node.location)
    }

    private static func perRecord(_ node: YAMLNode?, label: String, evidence: EvidenceSchema, sink: inout DiagnosticSink) -> RewardBasis? {
        guard let node,
            let reader = MappingReader(node, context: "\(label) 的按条计奖（per_record）", allowed: ["list", "by", "rates"], sink: &sink)
        else { return nil }
        let listNode = reader.required("list", sink: &sink, hint: RulesMessages.KeyHint.rewardList)
        let listID = listNode.flatMap { ScalarReading.identifier($0, "明细（list）", sink: &sink) }
        let byNode = reader.required("by", sink: &sink, hint: RulesMessages.KeyHint.rewardRateKey)
        let by = byNode.flatMap { ScalarReading.identifier($0, "区分字段（by）", sink: &sink) }
        let rates = reader.required("rates", sink: &sink).flatMap { self.rates($0, label: "\(label) 的费率（rates）", sink: &sink) }
        guard let listID, let by, let rates, let listNode, let byNode else { return nil }

        guard let list = evidence.list(withID: listID) else {
            sink.append(RulesMessages.unknownList(label, listID, lists: evidence.lists.map(\.id), at: valueLocation(listNode)))
            return nil
        }
        guard let field = list.fields.first(where: { $0.id == by }) else {
            sink.append(RulesMessages.unknownField(by, list: listID, fields: list.fields.map(\.id), at: valueLocation(byNode)))
            return nil
        }
        if case .choice(let choices) = field.type {
            for rate in rates where !choices.contains(rate.key) {
                sink.append(RulesMessages.unknownChoice(rate.key, field: "\(listID).\(by)", choices: choices, at: rate.location))
            }
            for choice in choices where !rates.contains(where: { $0.key == choice }) {
                sink.append(RulesMessages.rateMissing(choice, field: "\(listID).\(by)", at: node.location))
            }
        } else {
            sink.append(RulesMessages.rateFieldType("\(listID).\(by)", at: valueLocation(byNode)))
        }
        return .perRecord(list: listID, by: by, rates: rates)
    }

    /// `{矿: 30, 区队: 5}`: amounts by key, written in the order the author chose.
    private static func rates(_ node: YAMLNode, label: String, sink: inout DiagnosticSink) -> [RewardRate]? {
        guard let pairs = node.mapping else {
            sink.append(RulesMessages.ratesNotAMapping(label, at: node.location))
            return nil
        }
        var rates: [RewardRate] = []
        for pair in pairs {
            guard let key = pair.key.scalar?.value, !key.isEmpty else { continue }
            guard let amount = ScalarReading.decimal(pair.value, "\(label) 中“\(key)”的金额", sink: &sink) else { continue }
            if amount.isNegative {
                sink.append(RulesMessages.negativeRate(label, key: key, at: valueLocation(pair.value)))
            }
            rates.append(RewardRate(key: key, amount: amount, location: keyLocation(pair)))
        }
        return rates
    }
}
