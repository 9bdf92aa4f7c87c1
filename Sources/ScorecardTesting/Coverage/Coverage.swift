import ScorecardBase
import ScorecardRules

/// Which parts of each version of the rules the test cases exercised, and which none did.
///
/// A part counts as exercised when a case that ran checks a figure it decides: an item when a
/// case expects its score; a score condition when, in such a case, it decided the score; a
/// record check when a case expects an officer's failed checks and it is among them; a reward
/// rate when a case expects a reward (or the reward total, or a fund) of an officer paid at
/// that rate; a grade band when a case expects the grade of an officer in it; an eligibility
/// criterion when a case expects the verdict of a candidate who fails it; a tie-breaker when a
/// year case expects the rank (or the ranking) of an officer it placed.
package struct Coverage: Sendable {
    package enum Kind: String, Sendable, Hashable, CaseIterable {
        case item, condition, check, rate, band, criterion, tieBreaker = "tie_breaker"

        package var title: String {
            switch self {
            case .item: "项目"
            case .condition: "计分条件"
            case .check: "记录检查"
            case .rate: "奖励标准"
            case .band: "等级"
            case .criterion: "任职条件"
            case .tieBreaker: "比较项"
            }
        }
    }

    package struct Element: Sendable, Hashable {
        package var kind: Kind
        /// As cases record it: `item:i07`, `rate:adopted_suggestions/矿`.
        package var key: String
        package var title: String
        package var location: SourceLocation
        package var covered: Bool
    }

    package struct Version: Sendable {
        package var version: String
        package var elements: [Element]

        package var uncovered: [Element] { elements.filter { !$0.covered } }
        package func count(_ kind: Kind) -> (covered: Int, total: Int) {
            let ofKind = elements.filter { $0.kind == kind }
            return (ofKind.count { $0.covered }, ofKind.count)
        }
    }

    package var versions: [Version]

    package var uncovered: [Element] { versions.flatMap(\.uncovered) }
    package var isComplete: Bool { uncovered.isEmpty }

    package init(_ run: TestRun, versions: PolicyVersions) {
        var covered: [String: Set<String>] = [:]
        for outcome in run.outcomes {
            for (version, keys) in outcome.covered { covered[version, default: []].formUnion(keys) }
        }
        self.versions = versions.versions.map { policy in
            let seen = covered[policy.metadata.version] ?? []
            return Version(
                version: policy.metadata.version,
                elements: Self.elements(of: policy).map { element in
                    var element = element
                    element.covered = seen.contains(element.key)
                    return element
                })
        }
    }

    /// Every part of a version that a case can exercise, in the order of the rules.
    static func elements(of policy: Policy) -> [Element] {
        var elements: [Element] = []
        func add(_ kind: Kind, _ key: String, _ title: String, _ location: SourceLocation) {
            elements.append(Element(kind: kind, key: key, title: title, location: location, covered: false))
        }
        for item in policy.items {
            add(.item, "item:\(item.id)", "项目 \(item.id) \(item.title)", item.location)
        }
        for item in policy.items {
            for (index, condition) in item.scoring.conditions.enumerated() {
                add(
                    .condition, "condition:\(item.id)#\(index + 1)", "项目 \(item.id) 的第 \(index + 1) 个条件 \(condition.when.source)",
                    condition.location)
            }
        }
        for check in policy.evidence.checks {
            add(.check, "check:\(check.id)", "记录检查 \(check.id) \(check.requirement.source)", check.location)
        }
        for rule in policy.rewards {
            switch rule.basis {
            case .perRecord(_, _, let rates), .byGrade(let rates):
                for rate in rates {
                    add(.rate, "rate:\(rule.id)/\(rate.key)", "奖励 \(rule.id) 的“\(rate.key)”（\(rate.amount.normalized)）", rate.location)
                }
            case .formula(let formula):
                add(.rate, "reward:\(rule.id)", "奖励 \(rule.id) 的公式 \(formula.source)", formula.location)
            }
            if let condition = rule.condition {
                add(.rate, "reward-condition:\(rule.id)", "奖励 \(rule.id) 的发放条件 \(condition.source) 不成立", condition.location)
            }
            if let cap = rule.cap { add(.rate, "reward-cap:\(rule.id)", "奖励 \(rule.id) 的上限 \(cap.normalized)", rule.location) }
        }
        for band in policy.grades?.bands ?? [] {
            add(.band, "band:\(band.name)", "等级 \(band.name)（\(Traces.bandWords(band))）", band.location)
        }
        for criterion in policy.eligibility?.criteria ?? [] {
            add(.criterion, "criterion:\(criterion.id)", "任职条件 \(criterion.id) \(criterion.requirement.source)", criterion.location)
        }
        if let annual = policy.annual {
            for breaker in annual.tieBreakers {
                add(.tieBreaker, "tie:\(breaker.rawValue)", "比较项 \(breaker.rawValue)（\(breaker.title)）", annual.location)
            }
        }
        return elements
    }
}
