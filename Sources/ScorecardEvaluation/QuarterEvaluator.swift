import ScorecardBase
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// Runs a policy over a quarter's records. Pure: the same policy and evidence always give the
/// same result, and one officer's failure never stops the others.
public struct QuarterEvaluator: Sendable {
    public let policy: Policy
    /// For each item, the items whose scores it reads: worked out once, not per officer.
    private let scoreDependencies: [[String]]
    /// For each item, the slot its score goes to and the slot of its assessor's score field:
    /// looked up by id once, not per officer.
    private let scoreSlots: [Int?]
    private let fieldSlots: [Int?]

    public init(policy: Policy) {
        self.policy = policy
        self.scoreDependencies = policy.items.map(\.scoreDependencies)
        self.scoreSlots = policy.items.map { policy.layout.slot(ofScore: $0.id) }
        self.fieldSlots = policy.items.map { policy.layout.slot(ofField: $0.id) }
    }

    /// A quarter's records held in memory, evaluated and totalled: for tests and small tools.
    /// Commands go through `QuarterPipeline`, which streams.
    public func evaluate(_ evidence: QuarterEvidence) -> QuarterResult {
        var summary = QuarterSummary(policy: policy)
        let results = evidence.records.map { record in
            let result = evaluate(record)
            summary.add(result)
            return result
        }
        return QuarterResult(quarter: evidence.quarter, policy: policy, officers: results, summary: summary)
    }

    /// One officer, start to finish: checks, items in dependency order, total, grade, rewards.
    public func evaluate(_ record: OfficerRecord) -> OfficerResult {
        var slots = record.slots
        var findings = DiagnosticSink()
        var failures = DiagnosticSink()
        let officer = record.officer
        let layout = policy.layout

        check(record, findings: &findings, failures: &failures)

        var itemResults = [ItemResult?](repeating: nil, count: policy.items.count)
        var complete = true
        var unscored = Set<String>()
        for index in policy.evaluationOrder {
            // An item reading the score of one that failed cannot be scored either; the failure
            // already reported says why, so it is not reported again.
            if !unscored.isEmpty, scoreDependencies[index].contains(where: unscored.contains) {
                unscored.insert(policy.items[index].id)
                complete = false
                continue
            }
            // The item is borrowed from the policy, not copied: a copy retains every one of its parts.
            let result = evaluate(policy.items[index], fieldSlot: fieldSlots[index], slots: slots, officer: officer, sink: &failures)
            if let score = result.score, let slot = scoreSlots[index] {
                slots[slot] = .number(score)
            } else {
                unscored.insert(policy.items[index].id)
                complete = false
            }
            itemResults[index] = result
        }
        let items = itemResults.enumerated().map { index, result in
            result ?? ItemResult(itemID: policy.items[index].id, score: nil, basis: nil)
        }

        var total: ExactDecimal?
        var grade: String?
        if complete {
            do {
                var sum = ExactDecimal.zero
                for result in items { if let score = result.score { sum = try sum.adding(score) } }
                total = sum
                slots[layout.totalSlot] = .number(sum)
                grade = policy.grades?.band(for: sum)?.name
                if let grade { slots[layout.gradeSlot] = .string(grade) }
            } catch {
                failures.append(EvaluationMessages.totalOverflow(of: officer, at: record.location))
            }
        }

        var rewards: [RewardResult] = []
        var rewardTotal: ExactDecimal? = total == nil ? nil : .zero
        if total != nil {
            for rule in policy.rewards {
                do throws(OfficerFailure) {
                    let reward = try evaluate(rule, slots: slots, grade: grade, officer: officer)
                    rewards.append(reward)
                    let sum = rewardTotal
                    rewardTotal = try OfficerFailure.overflowing { () throws(DecimalError) in try sum?.adding(reward.amount) }
                } catch {
                    switch error {
                    case .expression(let error, let location):
                        failures.append(EvaluationMessages.rewardFailed(error, of: officer, reward: rule, at: location))
                    case .problem(let problem):
                        failures.append(problem)
                    case .overflow:
                        failures.append(EvaluationMessages.rewardOverflow(of: officer, reward: rule))
                    }
                    rewardTotal = nil
                }
            }
        }

        let sound = failures.isEmpty
        return OfficerResult(
            officer: officer, items: items, total: sound ? total : nil, grade: sound ? grade : nil,
            rewards: rewards, rewardTotal: sound ? rewardTotal : nil, findings: findings.take(),
            failures: failures.take(), recordLocation: record.location)
    }

    /// The record checks of the rules (e.g. on-time reports never exceed reports due): problems
    /// in the evidence, reported at the first value the check reads, go to `findings`; a check
    /// that cannot be evaluated for this officer goes to `failures`.
    public func check(_ record: OfficerRecord, findings: inout DiagnosticSink, failures: inout DiagnosticSink) {
        let officer = record.officer
        for check in policy.evidence.checks {
            do {
                if case .boolean(false) = try check.requirement.evaluate(record.slots) {
                    if let absent = absentColumns(check, in: record) {
                        findings.append(absent)
                        continue
                    }
                    let place = check.requirement.readNames.lazy
                        .compactMap { name in self.policy.layout.fieldIDs.firstIndex(of: name).flatMap { record.fieldLocation($0) } }
                        .first
                    findings.append(EvaluationMessages.evidenceCheck(check, of: officer, at: place ?? record.location))
                }
            } catch {
                failures.append(
                    EvaluationMessages.checkFailed(error, of: officer, check: check, at: check.requirement.location(of: error)))
            }
        }
    }

    /// A check failing on a field whose column the table lacks (a misspelt header, most
    /// likely) fails alike on every row: said once for the table, in words that name no officer,
    /// so that the pipeline keeps one of the identical reports.
    private func absentColumns(_ check: EvidenceCheck, in record: OfficerRecord) -> Diagnostic? {
        let fields = policy.evidence.fields
        let absent = check.requirement.readNames.compactMap { name -> EvidenceField? in
            guard let index = fields.firstIndex(where: { $0.id == name }), record.tableLacksColumn(index) else { return nil }
            return fields[index]
        }
        guard !absent.isEmpty else { return nil }
        return EvaluationMessages.evidenceCheckAbsentColumns(absent, check: check, file: record.location.file)
    }

    private func evaluate(_ item: borrowing Item, fieldSlot: Int?, slots: [Value], officer: Officer, sink failures: inout DiagnosticSink)
        -> ItemResult
    {
        var result = ItemResult(itemID: item.id, score: nil, basis: nil)

        do throws(OfficerFailure) {
            for (index, condition) in item.scoring.conditions.enumerated() {
                guard case .boolean(true) = try located(condition.when, slots) else { continue }
                let raw = try number(located(condition.score, slots), item: item, officer: officer)
                result.basis = .condition(index: index, reason: condition.reason)
                result.score = try bounded(raw, item: item, officer: officer)
                return result
            }
            switch item.scoring.method {
            case .assessed:
                guard let slot = fieldSlot, case .number(let raw) = slots[slot] else {
                    failures.append(EvaluationMessages.missingAssessedScore(of: officer, item: item))
                    return result
                }
                result.basis = .assessed(raw)
                result.score = try bounded(raw, item: item, officer: officer)
            case .computed(let formula):
                let raw = try number(located(formula, slots), item: item, officer: officer)
                result.basis = .computed(raw)
                result.score = try bounded(raw, item: item, officer: officer)
            }
        } catch {
            switch error {
            case .expression(let error, let location):
                failures.append(EvaluationMessages.itemFailed(error, of: officer, item: item, at: location))
            case .problem(let problem):
                failures.append(problem)
            case .overflow:
                failures.append(EvaluationMessages.itemOverflow(of: officer, item: item))
            }
        }
        return result
    }

    /// Rounds to the policy's precision; a score outside 0…points is a rule mistake, not clamped away.
    private func bounded(_ raw: ExactDecimal, item: borrowing Item, officer: Officer) throws(OfficerFailure) -> ExactDecimal {
        let score = raw.rounded(scale: policy.scoring.precision, policy.scoring.rounding)
        if score.isNegative || score > item.points {
            throw .problem(EvaluationMessages.scoreRange(score, of: officer, item: item))
        }
        return score
    }

    private func number(_ value: Value, item: borrowing Item, officer: Officer) throws(OfficerFailure) -> ExactDecimal {
        if case .number(let n) = value { return n }
        throw .problem(EvaluationMessages.notNumber(of: officer, item: item))
    }

    private func evaluate(_ rule: RewardRule, slots: [Value], grade: String?, officer: Officer) throws(OfficerFailure) -> RewardResult {
        var result = RewardResult(rewardID: rule.id, fund: rule.fund, amount: .zero, breakdown: [], withheld: false, capped: false)
        if let condition = rule.condition, case .boolean(false) = try located(condition, slots) {
            result.withheld = true
            return result
        }
        var amount = ExactDecimal.zero
        switch rule.basis {
        case .perRecord(let listID, let by, let rates):
            guard let listSlot = policy.layout.slot(ofList: listID),
                let list = policy.evidence.list(withID: listID),
                let keyIndex = list.fields.firstIndex(where: { $0.id == by })
            else { break }
            let rows: [[Value]]
            if case .list(let values) = slots[listSlot] { rows = values } else { rows = [] }
            for rate in rates {
                let count = rows.filter { $0.indices.contains(keyIndex) && $0[keyIndex] == .string(rate.key) }.count
                result.breakdown.append((rate.key, count, rate.amount))
                let sum = amount
                amount = try OfficerFailure.overflowing { () throws(DecimalError) in
                    try sum.adding(rate.amount.multiplying(by: ExactDecimal(count)))
                }
            }
        case .byGrade(let rates):
            if let grade, let rate = rates.first(where: { $0.key == grade }) { amount = rate.amount }
        case .formula(let formula):
            if case .number(let value) = try located(formula, slots) { amount = value }
        }
        if let cap = rule.cap, amount > cap {
            amount = cap
            result.capped = true
        }
        result.amount = amount.rounded(scale: policy.money.precision, policy.money.rounding)
        // Rates are never negative (the rules loader sees to it); a formula can be, and a
        // reward that takes money back is a mistake in the rule, not a payment.
        if result.amount.isNegative {
            throw .problem(EvaluationMessages.negativeReward(result.amount, of: officer, reward: rule))
        }
        return result
    }
}

/// Evaluates, tagging a failure with the place in the rule file it is about.
private func located(_ expression: RuleExpression, _ slots: [Value]) throws(OfficerFailure) -> Value {
    do {
        return try expression.evaluate(slots)
    } catch {
        throw .expression(error, at: expression.location(of: error))
    }
}

/// Why one officer's item score or reward could not be worked out: the one error the item and
/// reward evaluation throw, so each catch words every case without casting.
enum OfficerFailure: Error {
    /// An expression failed, at this place in the rule file.
    case expression(EvaluationError, at: SourceLocation)
    /// Already worded: a score outside its item's range, a score of the wrong kind, a negative reward.
    case problem(Diagnostic)
    /// Decimal arithmetic went past what can be represented.
    case overflow

    static func overflowing<T>(_ work: () throws(DecimalError) -> T) throws(OfficerFailure) -> T {
        do { return try work() } catch { throw .overflow }
    }
}
