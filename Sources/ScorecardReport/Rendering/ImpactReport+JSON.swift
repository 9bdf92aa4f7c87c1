import ScorecardBase
import ScorecardEvaluation
import ScorecardRules

extension ImpactReport {
    /// The impact as documented in docs/output.md (“`diff` — impact”): keys in a fixed order,
    /// scores and money with their declared places, so the same inputs give the same bytes.
    package func json() -> JSONValue {
        .object([
            ("quarter", .string(impact.quarter.description)),
            ("old", versionJSON(impact.old)),
            ("new", versionJSON(impact.new)),
            ("officers_compared", count(impact.officersCompared)),
            ("officers_changed", count(impact.changes.count)),
            ("officers_unchanged", count(impact.unchangedCount)),
            ("changes", .array(impact.changes.map(changeJSON))),
            (
                "grade_movements",
                .array(
                    impact.gradeMovements.map { movement in
                        .object([
                            ("from", .string(movement.from)), ("to", .string(movement.to)), ("count", count(movement.count)),
                            ("direction", .string(movement.direction.rawValue)),
                        ])
                    })
            ),
            (
                "grades",
                .array(
                    impact.gradeCounts.map { grade in
                        .object([("grade", .string(grade.grade)), ("old", count(grade.old)), ("new", count(grade.new))])
                    })
            ),
            (
                "funds",
                .array(
                    impact.funds.map { fund in
                        .object(
                            [
                                ("id", .string(fund.fund.id)), ("name", .string(fund.fund.name)),
                                ("in_old", .bool(fund.inOld)), ("in_new", .bool(fund.inNew)),
                            ] + moneyPairs(fund.amount))
                    })
            ),
            ("reward_total", .object(moneyPairs(impact.rewardTotal))),
            ("notes", .array(impact.notes.map(noteJSON))),
        ])
    }

    private func count(_ value: Int) -> JSONValue { .number(String(value)) }

    private func versionJSON(_ metadata: PolicyMetadata) -> JSONValue {
        .object([
            ("id", .string(metadata.id)), ("name", .string(metadata.name)),
            ("version", .string(metadata.version)), ("effective", .string(metadata.effective.description)),
        ])
    }

    private func scorePairs(_ change: DecimalChange) -> [(String, JSONValue)] {
        [("old", .number(score(change.old))), ("new", .number(score(change.new))), ("delta", .number(score(change.delta)))]
    }

    private func moneyPairs(_ change: DecimalChange) -> [(String, JSONValue)] {
        [("old", .number(money(change.old))), ("new", .number(money(change.new))), ("delta", .number(money(change.delta)))]
    }

    private func changeJSON(_ change: OfficerChange) -> JSONValue {
        .object([
            ("officer", .string(change.officer.id)), ("name", .string(change.officer.name)), ("unit", .string(change.officer.unit)),
            ("total", .object(scorePairs(change.total))),
            (
                "grade",
                .object([
                    ("old", .text(change.grade.old)), ("new", .text(change.grade.new)),
                    ("direction", .string(change.grade.direction.rawValue)),
                    ("steps", change.grade.steps.map { count($0) } ?? .null),
                ])
            ),
            ("reward", .object(moneyPairs(change.reward))),
        ])
    }

    private func noteJSON(_ note: ImpactNote) -> JSONValue {
        var evidence: JSONValue = .null
        if case .evidence(let need) = note {
            let presence =
                switch need.presence {
                case .present: "present"
                case .defaulted: "defaulted"
                case .missing: "missing"
                case .empty: "empty"
                }
            evidence = .object([
                ("kind", .string(need.kind.rawValue)), ("id", .string(need.id)), ("name", .text(need.name)),
                ("presence", .string(presence)),
            ])
        }
        return .object([
            ("code", .string(note.code)),
            ("side", .text(note.side?.rawValue)),
            ("message", .string(message(note))),
            ("evidence", evidence),
            ("officers", .array(note.officers.map { .object([("officer", .string($0.id)), ("name", .string($0.name))]) })),
        ])
    }
}
