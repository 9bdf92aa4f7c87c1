import ScorecardBase

/// One difference in meaning between two versions of the rules, in policy terms: what changed,
/// where it is written on each side, and the clause it touches. `diff` lists these; `kind` and
/// `path` are stable identifiers for scripts, `summary` is the sentence for a policy officer.
public struct PolicyChange: Sendable, Hashable {
    /// Whether something was added, removed or changed; drives the `+`/`−`/`~` marker.
    public enum Action: String, Sendable, Hashable, CaseIterable {
        case added, removed, changed
    }

    /// A stable English id such as `item.formula` or `reward.rate` (docs/diff.md lists them).
    public var kind: String
    public var action: Action
    public var group: PolicyChangeGroup
    /// Where in the rules, by ids, never positions: `rewards[adopted_suggestions].per_record.rates[矿]`.
    public var path: String
    /// The value as written in the old version; nil when the thing was added.
    public var old: String?
    /// The value as written in the new version; nil when the thing was removed.
    public var new: String?
    public var oldLocation: SourceLocation?
    public var newLocation: SourceLocation?
    /// The policy clause of the thing changed, from the new side when it has one.
    public var clause: String?
    /// A plain Chinese sentence, e.g. `奖励 adopted_suggestions 中“矿”的费率由 30 改为 40`.
    public var summary: String

    public init(
        kind: String, action: Action, group: PolicyChangeGroup, path: String, old: String?, new: String?,
        oldLocation: SourceLocation?, newLocation: SourceLocation?, clause: String?, summary: String
    ) {
        self.kind = kind
        self.action = action
        self.group = group
        self.path = path
        self.old = old
        self.new = new
        self.oldLocation = oldLocation
        self.newLocation = newLocation
        self.clause = clause
        self.summary = summary
    }
}

/// The headings changes are grouped under, in the order they are shown.
public enum PolicyChangeGroup: String, Sendable, Hashable, CaseIterable, Comparable {
    case metadata, scoring, items, grades, rewards, funds, evidence, eligibility, roster, annual, vacancy

    /// The heading a policy officer reads.
    public var title: String {
        switch self {
        case .metadata: "元数据"
        case .scoring: "计分"
        case .items: "项目"
        case .grades: "等级"
        case .rewards: "奖励"
        case .funds: "经费"
        case .evidence: "证据字段"
        case .eligibility: "任职条件"
        case .roster: "选配"
        case .annual: "年度评选"
        case .vacancy: "专职岗位补缺"
        }
    }

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: PolicyChangeGroup, rhs: PolicyChangeGroup) -> Bool { lhs.rank < rhs.rank }
}
