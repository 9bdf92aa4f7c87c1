import ScorecardBase
import ScorecardExpression
import ScorecardYAML

/// `eligibility`, `roster`, `annual` and `vacancy`: who may serve, how they are chosen, and the year.
enum StructureDecoding {
    static func eligibility(_ node: YAMLNode, sink: inout DiagnosticSink) -> Eligibility? {
        guard
            let reader = MappingReader(
                node, context: "eligibility", allowed: ["clause", "require", "candidate_fields", "criteria"], sink: &sink)
        else { return nil }
        let clause = ScalarReading.clause(reader, sink: &sink)
        let requirement =
            reader.optional("require").flatMap {
                ScalarReading.keyword($0, "任职条件的组合方式（require）", as: Eligibility.Requirement.self, sink: &sink)
            } ?? .all
        let fields =
            reader.optional("candidate_fields").map { EvidenceDecoding.fields($0, context: "eligibility.candidate_fields", sink: &sink) }
            ?? []
        PolicyChecks.duplicateIDs(fields.map { ($0.id, $0.location) }, what: "候选人字段", sink: &sink)
        var environment = ExpressionEnvironment()
        for (slot, field) in fields.enumerated() {
            environment.declare(field.id, type: field.type.expressionType, slot: slot, choices: field.type.choices)
        }
        for field in fields { if let name = field.name { environment.label(name, means: field.id) } }

        var criteria: [Criterion] = []
        if let list = reader.required("criteria", sink: &sink, hint: RulesMessages.KeyHint.eligibilityCriteria) {
            guard let nodes = list.sequence else {
                sink.append(RulesMessages.criteriaNotAList(at: list.location))
                return nil
            }
            for (index, criterionNode) in nodes.enumerated() {
                guard
                    let c = MappingReader(
                        criterionNode, context: "第 \(index + 1) 项任职条件", allowed: ["id", "title", "clause", "require"], sink: &sink)
                else { continue }
                let id = c.required("id", sink: &sink).flatMap { ScalarReading.identifier($0, "条件编号（id）", sink: &sink) }
                let title = c.required("title", sink: &sink).flatMap { ScalarReading.text($0, "条件原文（title）", sink: &sink) }
                let criterionClause = ScalarReading.clause(c, sink: &sink)
                let requirement = c.required("require", sink: &sink, hint: RulesMessages.KeyHint.criterionCondition).flatMap {
                    ExpressionReading.compile($0, "任职条件 \(id ?? "") 的判断（require）", in: environment, expecting: .boolean, sink: &sink)
                }
                if let id, let title, let requirement {
                    criteria.append(
                        Criterion(id: id, title: title, clause: criterionClause, requirement: requirement, location: criterionNode.location)
                    )
                }
            }
        }
        PolicyChecks.duplicateIDs(criteria.map { ($0.id, $0.location) }, what: "任职条件", sink: &sink)
        return Eligibility(clause: clause, requirement: requirement, candidateFields: fields, criteria: criteria, location: node.location)
    }

    static func roster(_ node: YAMLNode, sink: inout DiagnosticSink) -> RosterRules? {
        guard
            let reader = MappingReader(
                node, context: "roster", allowed: ["clause", "area", "officers_per_area", "selection", "training", "reporting"], sink: &sink
            )
        else { return nil }
        let clause = ScalarReading.clause(reader, sink: &sink)
        let area = reader.optional("area").flatMap { ScalarReading.text($0, "责任片区（area）", sink: &sink) } ?? "shift"
        let perArea =
            reader.optional("officers_per_area").flatMap {
                ScalarReading.integer($0, "每个片区的联系员人数（officers_per_area）", range: 1...10, sink: &sink)
            } ?? 1
        var methods: [SelectionMethod] = []
        if let list = reader.optional("selection") {
            if let nodes = list.sequence {
                for (index, methodNode) in nodes.enumerated() {
                    guard
                        let m = MappingReader(
                            methodNode, context: "第 \(index + 1) 种选配方式", allowed: ["method", "clause", "requires_reason"], sink: &sink)
                    else { continue }
                    let method = m.required("method", sink: &sink).flatMap { ScalarReading.text($0, "选配方式（method）", sink: &sink) }
                    let methodClause = ScalarReading.clause(m, sink: &sink)
                    let requiresReason =
                        m.optional("requires_reason").flatMap { ScalarReading.boolean($0, "requires_reason", sink: &sink) } ?? false
                    if let method {
                        methods.append(
                            SelectionMethod(
                                method: method, clause: methodClause, requiresReason: requiresReason, location: methodNode.location))
                    }
                }
            } else {
                sink.append(RulesMessages.selectionNotAList(at: list.location))
            }
        }
        PolicyChecks.duplicateIDs(methods.map { ($0.method, $0.location) }, what: "选配方式", sink: &sink)
        var training: TrainingRule?
        if let t = reader.optional("training"),
            let tr = MappingReader(t, context: "roster.training", allowed: ["required", "clause"], sink: &sink)
        {
            let required = tr.optional("required").flatMap { ScalarReading.boolean($0, "是否须培训（required）", sink: &sink) } ?? true
            training = TrainingRule(required: required, clause: ScalarReading.clause(tr, sink: &sink), location: t.location)
        }
        var reporting: ReportingRule?
        if let r = reader.optional("reporting"),
            let rr = MappingReader(r, context: "roster.reporting", allowed: ["clause", "managers"], sink: &sink)
        {
            let managers = rr.optional("managers").flatMap { ScalarReading.textList($0, "管理者（managers）", sink: &sink) } ?? []
            reporting = ReportingRule(clause: ScalarReading.clause(rr, sink: &sink), managers: managers, location: r.location)
        }
        return RosterRules(
            clause: clause, area: area, officersPerArea: perArea, selection: methods, training: training, reporting: reporting,
            location: node.location)
    }

    static func annual(_ node: YAMLNode, funds: [Fund], sink: inout DiagnosticSink) -> AnnualRules? {
        guard
            let reader = MappingReader(
                node, context: "annual",
                allowed: ["clause", "aggregate", "quarters_required", "partial_year", "tie_breakers", "excellent", "reward"], sink: &sink)
        else { return nil }
        let clause = ScalarReading.clause(reader, sink: &sink)
        let aggregate =
            reader.optional("aggregate").flatMap {
                ScalarReading.keyword($0, "年度成绩的算法（aggregate）", as: AnnualRules.Aggregate.self, sink: &sink)
            } ?? .sum
        let required =
            reader.optional("quarters_required").flatMap {
                ScalarReading.integer($0, "须参加的季度数（quarters_required）", range: 1...4, sink: &sink)
            } ?? 4
        let partial =
            reader.optional("partial_year").flatMap {
                ScalarReading.keyword($0, "不满一年的处理（partial_year）", as: AnnualRules.PartialYear.self, sink: &sink)
            } ?? .exclude
        var tieBreakers: [AnnualRules.TieBreaker] = []
        if let list = reader.optional("tie_breakers") {
            if let nodes = list.sequence {
                tieBreakers = nodes.compactMap {
                    ScalarReading.keyword($0, "并列时的比较项（tie_breakers）", as: AnnualRules.TieBreaker.self, sink: &sink)
                }
            } else {
                sink.append(RulesMessages.tieBreakersNotAList(at: list.location))
            }
        }
        var excellent = ExcellentRule(count: nil, share: nil, minTotal: nil, location: node.location)
        if let e = reader.required("excellent", sink: &sink, hint: RulesMessages.KeyHint.excellentSelection),
            let er = MappingReader(e, context: "annual.excellent", allowed: ["count", "share", "min_total"], sink: &sink)
        {
            excellent.location = e.location
            excellent.count = er.optional("count").flatMap { ScalarReading.integer($0, "优秀名额（count）", range: 0...100_000, sink: &sink) }
            excellent.share = er.optional("share").flatMap { ScalarReading.decimal($0, "优秀比例（share）", sink: &sink) }
            excellent.minTotal = er.optional("min_total").flatMap { ScalarReading.decimal($0, "优秀最低分（min_total）", sink: &sink) }
            if let share = excellent.share, share.isNegative || share > ExactDecimal(1) {
                sink.append(RulesMessages.badShare(at: er.location(ofKey: "share")))
            }
            if excellent.count == nil, excellent.share == nil, excellent.minTotal == nil {
                sink.append(RulesMessages.excellentEmpty(at: e.location))
            }
        }
        var reward: AnnualReward?
        if let r = reader.optional("reward"),
            let rr = MappingReader(r, context: "annual.reward", allowed: ["title", "amount", "fund"], sink: &sink)
        {
            let title = rr.optional("title").flatMap { ScalarReading.text($0, "奖励名称（title）", sink: &sink) } ?? "年度优秀奖励"
            let amount = rr.required("amount", sink: &sink).flatMap { ScalarReading.decimal($0, "奖励金额（amount）", sink: &sink) }
            let fundNode = rr.required("fund", sink: &sink)
            let fund = fundNode.flatMap { ScalarReading.identifier($0, "列支经费（fund）", sink: &sink) }
            if let fund, let fundNode { PolicyChecks.fundReference(fund, at: valueLocation(fundNode), funds: funds, sink: &sink) }
            if let amount, let fund { reward = AnnualReward(title: title, amount: amount, fund: fund, location: r.location) }
        }
        return AnnualRules(
            clause: clause, aggregate: aggregate, quartersRequired: required, partialYear: partial,
            tieBreakers: tieBreakers, excellent: excellent, reward: reward, location: node.location)
    }

    static func vacancy(_ node: YAMLNode, sink: inout DiagnosticSink) -> VacancyRules? {
        guard let reader = MappingReader(node, context: "vacancy", allowed: ["clause", "order_by"], sink: &sink)
        else { return nil }
        let order =
            reader.optional("order_by").flatMap { ScalarReading.keyword($0, "排序依据（order_by）", as: VacancyRules.Order.self, sink: &sink) }
            ?? .latestAnnualTotal
        return VacancyRules(clause: ScalarReading.clause(reader, sink: &sink), orderBy: order, location: node.location)
    }
}
