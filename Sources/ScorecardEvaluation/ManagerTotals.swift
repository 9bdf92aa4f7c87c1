import ScorecardBase
import ScorecardEvidence

extension Officer {
    /// Whom the officer reports to (clause 3): the manager's role (科区书记, 班组长…) and name.
    /// Either may be blank on the roster; a blank shows as a dash or 未登记.
    public var reportsTo: (role: String, name: String) {
        (managerRole.flatMap { $0.isEmpty ? nil : $0 } ?? "—", manager.flatMap { $0.isEmpty ? nil : $0 } ?? "未登记")
    }
}

/// A quarter's totals for the officers reporting to one manager.
public struct ManagerTotal: Sendable, Hashable {
    public var role: String
    public var name: String
    /// Officers with a complete result, the sum of their totals and their rewards.
    public var total: GroupTotal
}

extension QuarterResult {
    /// Totals per manager (role and name), in the order each first appears; counted as the
    /// per-unit totals are, over officers with a complete result.
    public var byManager: [ManagerTotal] {
        var order: [String] = []
        var totals: [String: ManagerTotal] = [:]
        for result in officers {
            let (role, name) = result.officer.reportsTo
            let key = role + "\u{0}" + name
            if totals[key] == nil {
                order.append(key)
                totals[key] = ManagerTotal(role: role, name: name, total: GroupTotal(key: name, officers: 0, scoreSum: .zero, reward: .zero))
            }
            guard result.isComplete, let total = result.total, var group = totals[key] else { continue }
            group.total.officers += 1
            group.total.scoreSum = (try? group.total.scoreSum.adding(total)) ?? group.total.scoreSum
            group.total.reward = (try? group.total.reward.adding(result.rewardTotal ?? .zero)) ?? group.total.reward
            totals[key] = group
        }
        return order.compactMap { totals[$0] }
    }
}
