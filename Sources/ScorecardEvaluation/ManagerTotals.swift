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
