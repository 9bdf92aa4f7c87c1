import ScorecardBase
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// A policy compiled once into integer programs, for the quarters where every item, record
/// check, total, grade band and reward is of a shape it can run: number fields, arithmetic,
/// comparisons, `if … then … else`, `min`/`max`/`clamp`/`round`, a division rounded straight
/// into a score, rewards by formula or by grade. Values are fixed point in `Int64` at a scale
/// fixed per value, in one slot array reused from row to row: no heap allocation per officer.
///
/// It is a shortcut, never a second meaning: a row it cannot do exactly (a failed check, an
/// overflow, a score out of range, a division by zero) is declined and goes through
/// `QuarterEvaluator`, the reference, which reports it as ever; a policy it cannot compile is
/// evaluated by `QuarterEvaluator` throughout.
public struct QuarterKernel: Sendable {
    public let plain: PlainRecords
    /// Digits after the point of scores and of amounts.
    public let scorePlaces: Int
    public let moneyPlaces: Int
    let fieldCount: Int
    let itemCount: Int
    /// Record checks, then (separately) the items in evaluation order, storing their scores.
    let checks: [KernelOp]
    let items: [KernelOp]
    /// Lower bounds and upper bounds (nil: none) of the grade bands at `scorePlaces`, in the
    /// policy's order.
    let bands: [(min: Int64, below: Int64?)]
    let rewards: [Reward]
    /// Each reward's fund, and each band's name, as the summary counts them.
    public let rewardFunds: [String]
    public let bandNames: [String]
    let stackSize: Int

    enum Reward: Sendable {
        /// A condition (empty: none) and a formula leaving the unrounded amount, at `scale`,
        /// compared with `cap` (at `scale`) and then rounded.
        case formula(condition: [KernelOp], amount: [KernelOp], cap: Int64?, roundDrop: Int64?, rounding: RoundingMode)
        /// A formula rounded into the amount in the program itself (no cap).
        case roundedFormula(condition: [KernelOp], amount: [KernelOp])
        /// The amount for each band (index as `bands`), and for no band.
        case byGrade(condition: [KernelOp], amounts: [Int64], none: Int64)
    }

    /// Slots: the fields (as `policy.evidence.fields`), the item scores (as `policy.items`), the total.
    var slotCount: Int { fieldCount + itemCount + 1 }
    var totalSlot: Int { fieldCount + itemCount }

    /// Nil when the policy has a part the kernel cannot run.
    public init?(policy: Policy) {
        guard policy.evidence.lists.isEmpty, let plain = PlainRecords(policy: policy) else { return nil }
        let fields = policy.evidence.fields
        let P = policy.scoring.precision
        let M = policy.money.precision
        guard P <= 8, M <= 8 else { return nil }
        self.plain = plain
        scorePlaces = P
        moneyPlaces = M
        fieldCount = fields.count
        itemCount = policy.items.count
        let fieldCount = fields.count
        var itemIndex: [String: Int] = [:]
        for (index, item) in policy.items.enumerated() where itemIndex[item.id] == nil { itemIndex[item.id] = index }
        var fieldIndex: [String: Int] = [:]
        for (index, field) in fields.enumerated() where fieldIndex[field.id] == nil { fieldIndex[field.id] = index }
        let scales = plain.fields.map(\.scale) + Array(repeating: P, count: policy.items.count + 1)
        let totalSlot = fieldCount + policy.items.count

        func record(_ name: String) -> Int? { fieldIndex[name] }
        func item(_ name: String) -> Int? {
            if let field = fieldIndex[name] { return field }
            guard name.hasPrefix("score."), let index = itemIndex[String(name.dropFirst(6))] else { return nil }
            return fieldCount + index
        }
        func reward(_ name: String) -> Int? { name == "total" ? totalSlot : item(name) }

        var depth = 0
        // Record checks.
        var checkCompiler = KernelCompiler(slotScales: scales)
        for check in policy.evidence.checks {
            guard let form = check.requirement.checked.conditionForm(resolving: record), checkCompiler.emit(form) else { return nil }
            checkCompiler.emitRaw(.require, depthChange: -1)
        }
        checks = checkCompiler.ops
        depth = max(depth, checkCompiler.maximumDepth)

        // Items, in evaluation order.
        guard policy.evaluationOrder.count == policy.items.count else { return nil }
        var itemCompiler = KernelCompiler(slotScales: scales)
        let mode = policy.scoring.rounding
        for index in policy.evaluationOrder {
            let entry = policy.items[index]
            guard let points = KernelCompiler.fixed(entry.points, scale: P) else { return nil }
            let store = KernelOp.store(slot: fieldCount + index, maximum: points)
            var ends: [Int] = []
            for condition in entry.scoring.conditions {
                guard let when = condition.when.checked.conditionForm(resolving: item),
                    let score = condition.score.checked.numericForm(resolving: item),
                    itemCompiler.emit(when)
                else { return nil }
                let branch = itemCompiler.ops.count
                itemCompiler.emitRaw(.jumpIfFalse(0), depthChange: -1)
                guard itemCompiler.emitRounded(score, places: P, mode: mode) else { return nil }
                itemCompiler.emitRaw(store, depthChange: -1)
                ends.append(itemCompiler.ops.count)
                itemCompiler.emitRaw(.jump(0), depthChange: 0)
                itemCompiler.patch(branch, to: .jumpIfFalse(itemCompiler.ops.count))
            }
            switch entry.scoring.method {
            case .assessed:
                guard let field = fieldIndex[entry.id] else { return nil }
                guard itemCompiler.emitRounded(.read(field), places: P, mode: mode) else { return nil }
            case .computed(let formula):
                guard let form = formula.checked.numericForm(resolving: item),
                    itemCompiler.emitRounded(form, places: P, mode: mode)
                else { return nil }
            }
            itemCompiler.emitRaw(store, depthChange: -1)
            for end in ends { itemCompiler.patch(end, to: .jump(itemCompiler.ops.count)) }
        }
        items = itemCompiler.ops
        depth = max(depth, itemCompiler.maximumDepth)

        // Grade bands.
        var bands: [(min: Int64, below: Int64?)] = []
        for band in policy.grades?.bands ?? [] {
            guard let low = KernelCompiler.fixed(band.min, scale: P) else { return nil }
            var below: Int64?
            if let limit = band.below {
                guard let fixed = KernelCompiler.fixed(limit, scale: P) else { return nil }
                below = fixed
            }
            bands.append((low, below))
        }
        self.bands = bands

        // Rewards.
        var rewards: [Reward] = []
        let moneyMode = policy.money.rounding
        for rule in policy.rewards {
            var condition: [KernelOp] = []
            if let test = rule.condition {
                var compiler = KernelCompiler(slotScales: scales)
                guard let form = test.checked.conditionForm(resolving: reward), compiler.emit(form) else { return nil }
                condition = compiler.ops
                depth = max(depth, compiler.maximumDepth)
            }
            switch rule.basis {
            case .perRecord:
                return nil
            case .formula(let formula):
                guard let form = formula.checked.numericForm(resolving: reward) else { return nil }
                var compiler = KernelCompiler(slotScales: scales)
                if let cap = rule.cap {
                    guard let own = compiler.scale(of: form) else { return nil }
                    let s = max(own, cap.normalized.scale, M)
                    guard let capFixed = KernelCompiler.fixed(cap, scale: s), compiler.emit(form, at: s) else { return nil }
                    rewards.append(
                        .formula(
                            condition: condition, amount: compiler.ops, cap: capFixed,
                            roundDrop: s > M ? KernelCompiler.powerOfTen(s - M) : nil, rounding: moneyMode))
                } else {
                    guard compiler.emitRounded(form, places: M, mode: moneyMode) else { return nil }
                    rewards.append(.roundedFormula(condition: condition, amount: compiler.ops))
                }
                depth = max(depth, compiler.maximumDepth)
            case .byGrade(let rates):
                func amount(_ grade: String?) -> Int64? {
                    var value = ExactDecimal.zero
                    if let grade, let rate = rates.first(where: { $0.key == grade }) { value = rate.amount }
                    if let cap = rule.cap, value > cap { value = cap }
                    return KernelCompiler.fixed(value.rounded(scale: M, moneyMode), scale: M)
                }
                var amounts: [Int64] = []
                for band in policy.grades?.bands ?? [] {
                    guard let value = amount(band.name) else { return nil }
                    amounts.append(value)
                }
                guard let none = amount(nil) else { return nil }
                rewards.append(.byGrade(condition: condition, amounts: amounts, none: none))
            }
        }
        self.rewards = rewards
        rewardFunds = policy.rewards.map(\.fund)
        bandNames = (policy.grades?.bands ?? []).map(\.name)
        stackSize = depth + 4
    }

    /// The record checks on a row's fields: false when one fails (or cannot be evaluated).
    @inline(__always)
    func passesChecks(_ scratch: inout KernelScratch) -> Bool {
        guard !checks.isEmpty else { return true }
        return checks.withUnsafeBufferPointer { ops in
            KernelMachine.run(ops, slots: scratch.slots, stack: scratch.stack) != nil
        }
    }

    /// Scores, total, grade and rewards of the row in `scratch`'s fields; false when something
    /// cannot be computed exactly here.
    @inline(__always)
    func evaluate(_ scratch: inout KernelScratch) -> Bool {
        let slots = scratch.slots, stack = scratch.stack
        let done = items.withUnsafeBufferPointer { ops in KernelMachine.run(ops, slots: slots, stack: stack) != nil }
        guard done else { return false }
        var total: Int64 = 0
        for index in 0..<itemCount {
            let (sum, overflow) = total.addingReportingOverflow(slots[fieldCount + index])
            if overflow { return false }
            total = sum
        }
        slots[totalSlot] = total
        scratch.total = total
        var grade = -1
        for (index, band) in bands.enumerated() where band.min <= total && (band.below.map { total < $0 } ?? true) {
            grade = index
            break
        }
        scratch.grade = grade
        var rewardTotal: Int64 = 0
        for (index, rule) in rewards.enumerated() {
            var amount: Int64
            switch rule {
            case .formula(let condition, let program, let cap, let roundDrop, let rounding):
                guard let held = Self.holds(condition, slots, stack) else { return false }
                if !held {
                    amount = 0
                    break
                }
                guard var value = program.withUnsafeBufferPointer({ KernelMachine.run($0, slots: slots, stack: stack) }) else {
                    return false
                }
                if let cap, value > cap { value = cap }
                if let roundDrop { value = KernelMachine.quotient(value, roundDrop, rounding) }
                amount = value
            case .roundedFormula(let condition, let program):
                guard let held = Self.holds(condition, slots, stack) else { return false }
                if !held {
                    amount = 0
                    break
                }
                guard let value = program.withUnsafeBufferPointer({ KernelMachine.run($0, slots: slots, stack: stack) }) else {
                    return false
                }
                amount = value
            case .byGrade(let condition, let amounts, let none):
                guard let held = Self.holds(condition, slots, stack) else { return false }
                amount = held ? (grade >= 0 ? amounts[grade] : none) : 0
            }
            // A negative reward is a failure the general way words.
            if amount < 0 { return false }
            scratch.rewards[index] = amount
            let (sum, overflow) = rewardTotal.addingReportingOverflow(amount)
            if overflow { return false }
            rewardTotal = sum
        }
        scratch.rewardTotal = rewardTotal
        return true
    }

    @inline(__always)
    private static func holds(_ condition: [KernelOp], _ slots: UnsafeMutablePointer<Int64>, _ stack: UnsafeMutablePointer<Int64>) -> Bool?
    {
        guard !condition.isEmpty else { return true }
        guard let value = condition.withUnsafeBufferPointer({ KernelMachine.run($0, slots: slots, stack: stack) }) else { return nil }
        return value != 0
    }
}

/// A kernel's working memory for one part of the table, reused for every row: allocated once.
public struct KernelScratch: ~Copyable {
    let slots: UnsafeMutablePointer<Int64>
    let stack: UnsafeMutablePointer<Int64>
    let rewards: UnsafeMutablePointer<Int64>
    let slotCount: Int
    let rewardCount: Int
    let fieldCount: Int
    let itemCount: Int
    var total: Int64 = 0
    var grade = -1
    var rewardTotal: Int64 = 0

    init(_ kernel: QuarterKernel) {
        slotCount = kernel.slotCount
        rewardCount = kernel.rewards.count
        fieldCount = kernel.fieldCount
        itemCount = kernel.itemCount
        slots = .allocate(capacity: max(1, slotCount))
        slots.initialize(repeating: 0, count: max(1, slotCount))
        stack = .allocate(capacity: max(1, kernel.stackSize))
        stack.initialize(repeating: 0, count: max(1, kernel.stackSize))
        rewards = .allocate(capacity: max(1, rewardCount))
        rewards.initialize(repeating: 0, count: max(1, rewardCount))
    }

    deinit {
        slots.deallocate()
        stack.deallocate()
        rewards.deallocate()
    }

    /// Copies a bound row's fields in.
    mutating func load(_ values: UnsafeMutableBufferPointer<Int64>) {
        for index in 0..<min(values.count, fieldCount) { slots[index] = values[index] }
    }

    /// The row's result, valid until the next row.
    var result: PlainResult {
        PlainResult(
            scores: UnsafeBufferPointer(start: slots + fieldCount, count: itemCount), total: total, grade: grade >= 0 ? grade : nil,
            rewards: UnsafeBufferPointer(start: rewards, count: rewardCount), rewardTotal: rewardTotal)
    }
}

/// One officer's result from the kernel: scores and total at the score places, amounts at the
/// money places, the grade as an index into the policy's bands. Borrowed: valid only while
/// the sink is handed it.
public struct PlainResult {
    public let scores: UnsafeBufferPointer<Int64>
    public let total: Int64
    public let grade: Int?
    public let rewards: UnsafeBufferPointer<Int64>
    public let rewardTotal: Int64
}
