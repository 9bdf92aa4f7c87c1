import ScorecardBase
import ScorecardEvidence
import ScorecardRules

/// A quarter's totals, kept as running sums while results stream past: per unit, per manager,
/// per fund and per grade. Its size depends on the number of units and managers, never on the
/// number of officers.
public struct QuarterSummary: Sendable {
    /// Results added, complete or not.
    public private(set) var officerCount = 0
    /// Results added that could not be computed in full.
    public private(set) var incompleteCount = 0
    public private(set) var rewardTotal = ExactDecimal.zero
    /// A sum past what can be computed: reported as a failure, never swallowed.
    public private(set) var overflow: Diagnostic?

    private var units: [GroupTotal] = []
    private var unitIndex: [String: Int] = [:]
    private var managers: [ManagerTotal] = []
    private var managerIndex: [ManagerKey: Int] = [:]
    /// Each spelling of a unit, and of a manager's role and name, seen so far: an officer's
    /// totals found from the roster's bytes.
    private var unitSpellings = SpellingIndex()
    private var managerSpellings = SpellingIndex()
    private var fundAmounts: [String: ExactDecimal] = [:]
    private var gradeCounts_: [String: Int] = [:]
    private let funds: [Fund]
    /// Band names, best first.
    private let bandOrder: [String]

    private struct ManagerKey: Hashable, Sendable {
        var role: String
        var name: String
    }

    public init(policy: Policy) {
        funds = policy.funds
        bandOrder = (policy.grades?.bands ?? []).sorted { $0.min > $1.min }.map(\.name)
    }

    /// Adds one officer's result. Only complete results count towards the sums; every result
    /// puts its unit and manager in the order they first appear.
    public mutating func add(_ result: OfficerResult) {
        officerCount += 1
        let officer = result.officer
        let unitPosition = position(ofUnitOf: officer)
        let managerPosition = position(ofManagerOf: officer)
        guard result.isComplete, let total = result.total else {
            incompleteCount += 1
            return
        }
        units[unitPosition].officers += 1
        if !Self.add(total, to: &units[unitPosition].scoreSum) { noteOverflow(.unitScores(officer.unit)) }
        for reward in result.rewards {
            if !Self.add(reward.amount, to: &fundAmounts[reward.fund, default: .zero]) { noteOverflow(.fund(reward.fund)) }
            if !Self.add(reward.amount, to: &units[unitPosition].reward) { noteOverflow(.unitRewards(officer.unit)) }
            if !Self.add(reward.amount, to: &rewardTotal) { noteOverflow(.rewards) }
        }
        managers[managerPosition].total.officers += 1
        if !Self.add(total, to: &managers[managerPosition].total.scoreSum) { noteOverflow(.managerScores(officer.reportsTo.name)) }
        if !Self.add(result.rewardTotal ?? .zero, to: &managers[managerPosition].total.reward) {
            noteOverflow(.managerRewards(officer.reportsTo.name))
        }
        if let grade = result.grade { gradeCounts_[grade, default: 0] += 1 }
    }

    /// Adds one officer's result from the kernel, as `add(_:)` adds the same result computed
    /// the general way: `funds` and `bands` name the kernel's rewards and grades.
    mutating func add(_ result: borrowing PlainResult, of officer: Officer, kernel: QuarterKernel) {
        officerCount += 1
        let unitPosition = position(ofUnitOf: officer)
        let managerPosition = position(ofManagerOf: officer)
        let total = ExactDecimal(coefficient: Int128(result.total), scale: kernel.scorePlaces)
        units[unitPosition].officers += 1
        if !Self.add(total, to: &units[unitPosition].scoreSum) { noteOverflow(.unitScores(officer.unit)) }
        for (index, fund) in kernel.rewardFunds.enumerated() {
            let amount = ExactDecimal(coefficient: Int128(result.rewards[index]), scale: kernel.moneyPlaces)
            if !Self.add(amount, to: &fundAmounts[fund, default: .zero]) { noteOverflow(.fund(fund)) }
            if !Self.add(amount, to: &units[unitPosition].reward) { noteOverflow(.unitRewards(officer.unit)) }
            if !Self.add(amount, to: &rewardTotal) { noteOverflow(.rewards) }
        }
        managers[managerPosition].total.officers += 1
        if !Self.add(total, to: &managers[managerPosition].total.scoreSum) { noteOverflow(.managerScores(officer.reportsTo.name)) }
        let rewardSum = ExactDecimal(coefficient: Int128(result.rewardTotal), scale: kernel.moneyPlaces)
        if !Self.add(rewardSum, to: &managers[managerPosition].total.reward) { noteOverflow(.managerRewards(officer.reportsTo.name)) }
        if let grade = result.grade { gradeCounts_[kernel.bandNames[grade], default: 0] += 1 }
    }

    /// Adds the totals of the rows that came after this summary's: units and managers first
    /// seen there follow this summary's own, so the order is the order of the file.
    public mutating func append(_ later: QuarterSummary) {
        officerCount += later.officerCount
        incompleteCount += later.incompleteCount
        if overflow == nil { overflow = later.overflow }
        for unit in later.units {
            let position = position(ofUnit: unit.key)
            units[position].officers += unit.officers
            if !Self.add(unit.scoreSum, to: &units[position].scoreSum) { noteOverflow(.unitScores(unit.key)) }
            if !Self.add(unit.reward, to: &units[position].reward) { noteOverflow(.unitRewards(unit.key)) }
        }
        for manager in later.managers {
            let position = position(ofManager: ManagerKey(role: manager.role, name: manager.name))
            managers[position].total.officers += manager.total.officers
            if !Self.add(manager.total.scoreSum, to: &managers[position].total.scoreSum) { noteOverflow(.managerScores(manager.name)) }
            if !Self.add(manager.total.reward, to: &managers[position].total.reward) { noteOverflow(.managerRewards(manager.name)) }
        }
        for (fund, amount) in later.fundAmounts {
            if !Self.add(amount, to: &fundAmounts[fund, default: .zero]) { noteOverflow(.fund(fund)) }
        }
        if !Self.add(later.rewardTotal, to: &rewardTotal) { noteOverflow(.rewards) }
        for (grade, count) in later.gradeCounts_ { gradeCounts_[grade, default: 0] += count }
    }

    /// In the order units first appear.
    public var byUnit: [GroupTotal] { units }
    /// In the order managers first appear.
    public var byManager: [ManagerTotal] { managers }
    /// In the order funds are declared.
    public var byFund: [(fund: Fund, amount: ExactDecimal)] { funds.map { ($0, fundAmounts[$0.id] ?? .zero) } }
    /// In band order, best first; officers without a grade are not counted.
    public var gradeCounts: [(grade: String, count: Int)] { bandOrder.map { ($0, gradeCounts_[$0] ?? 0) } }

    /// `position(ofUnit: officer.unit)`, found by the unit's bytes: a string is made only for
    /// a spelling not seen before.
    private mutating func position(ofUnitOf officer: Officer) -> Int {
        officer.withUTF8(.unit) { unit in
            let none = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            if let known = unitSpellings.position(unit, none) { return known }
            let position = position(ofUnit: String(decoding: unit, as: UTF8.self))
            unitSpellings.add(unit, none, position: position)
            return position
        }
    }

    /// `position(ofManager:)` of whom the officer reports to (`Officer.reportsTo`), found by the
    /// role's and name's bytes as written (a blank one is a spelling of "—" or 未登记) as
    /// `position(ofUnitOf:)` finds a unit.
    private mutating func position(ofManagerOf officer: Officer) -> Int {
        officer.withUTF8(.managerRole) { role in
            officer.withUTF8(.manager) { name in
                if let known = managerSpellings.position(role, name) { return known }
                let (roleText, nameText) = officer.reportsTo
                let position = position(ofManager: ManagerKey(role: roleText, name: nameText))
                managerSpellings.add(role, name, position: position)
                return position
            }
        }
    }

    private mutating func position(ofUnit unit: String) -> Int {
        // A mine has a handful of units: comparing a few short strings beats hashing one.
        if units.count <= 16 {
            if let known = units.firstIndex(where: { $0.key == unit }) { return known }
        } else if let known = unitIndex[unit] {
            return known
        }
        unitIndex[unit] = units.count
        units.append(GroupTotal(key: unit, officers: 0, scoreSum: .zero, reward: .zero))
        return units.count - 1
    }

    private mutating func position(ofManager key: ManagerKey) -> Int {
        if managers.count <= 16 {
            if let known = managers.firstIndex(where: { $0.role == key.role && $0.name == key.name }) { return known }
        } else if let known = managerIndex[key] {
            return known
        }
        managerIndex[key] = managers.count
        managers.append(
            ManagerTotal(role: key.role, name: key.name, total: GroupTotal(key: key.name, officers: 0, scoreSum: .zero, reward: .zero)))
        return managers.count - 1
    }

    /// Whether the sum could be computed; on overflow it is left as it was.
    private static func add(_ value: ExactDecimal, to sum: inout ExactDecimal) -> Bool {
        guard let added = try? sum.adding(value) else { return false }
        sum = added
        return true
    }

    private mutating func noteOverflow(_ sum: EvaluationMessages.QuarterSum) {
        guard overflow == nil else { return }
        overflow = EvaluationMessages.overflow(sum)
    }
}
