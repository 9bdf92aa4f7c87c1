import ScorecardBase
import ScorecardEvidence
import ScorecardRules

/// The roster against the selection rules of clause 2.2.2 (`RosterChecks`).
extension EvaluationMessages {
    /// More officers at once than `perArea` in `area` from `start` to `end`: reported at the
    /// `from` cell of the `officer` whose start made one too many, with the `others` as notes.
    static func areaOverlap(
        _ area: String, from start: LocalDate, to end: LocalDate, officer: Officer, others: [Officer], perArea: Int,
        affected: [Quarter], clause: String?
    ) -> Diagnostic {
        let span = period(start, end)
        let everyone = (others + [officer]).map { "\($0.id)（\($0.name)）" }.joined(separator: "、")
        return .error(
            EvaluationCode.rosterAreaOverlap,
            "\(area)\(span.isEmpty ? "" : " " + span.spacedBeforeChinese)同时有 \(others.count + 1) 名联系员：\(everyone)，每个责任片区应有 \(perArea) 名；涉及 \(affected.map(\.description).joined(separator: "、"))",
            hint: "核对名册的任职日期（from）和离任日期（until）：换人时，前一任的离任日期应早于后一任的任职日期\(clauseNote(clause))",
            at: officer.location(ofColumn: "from"),
            notes: others.map { other in
                let served = period(other.from ?? .distantPast, other.until ?? .distantFuture)
                return .init(
                    "同一片区的联系员 \(other.id)（\(other.name)），" + (served.isEmpty ? "没有填写任职、离任日期" : "任职 \(served)"), at: other.location)
            })
    }

    /// Whole quarters of `area` without an officer.
    static func areaVacant(_ area: String, in quarters: [Quarter], perArea: Int, clause: String?, at location: SourceLocation?)
        -> Diagnostic
    {
        .error(
            EvaluationCode.rosterAreaVacant, "\(area)在 \(quarters.map(\.description).joined(separator: "、")) 没有在任的联系员",
            hint: "每个责任片区应有 \(perArea) 名联系员\(clauseNote(clause))；在名册中登记接任的联系员及其任职日期（from）",
            at: location)
    }

    /// Days of `area` without an officer inside a quarter that has one; `successor` is who came next.
    static func areaGap(
        _ area: String, from start: LocalDate, to end: LocalDate, clause: String?, at location: SourceLocation?, successor: Officer?
    ) -> Diagnostic {
        .warning(
            EvaluationCode.rosterAreaGap, "\(area) \(start) 至 \(end) 没有在任的联系员",
            hint: "核对前后两任的离任日期（until）和任职日期（from）；确实空缺的，应尽快产生接任的联系员\(clauseNote(clause))",
            at: location,
            notes: successor.map { [.init("接任的联系员 \($0.id)（\($0.name)）从这里开始", at: $0.location(ofColumn: "from"))] } ?? [])
    }

    static func missingSelection(of officer: Officer, methods: [String], clause: String?) -> Diagnostic {
        .error(
            EvaluationCode.rosterMissingSelection, "\(who(officer))没有填写选配方式",
            hint: "在 selection（选配方式）一列填写 \(methods.joined(separator: " 或 "))\(clauseNote(clause))",
            at: officer.location(ofColumn: "selection"))
    }

    /// A selection method the rules do not declare, offering the closest one.
    static func unknownSelection(_ written: String, of officer: Officer, methods: [String]) -> Diagnostic {
        let place = officer.location(ofColumn: "selection")
        return Diagnostic.error(
            EvaluationCode.rosterUnknownSelection, "\(who(officer))的选配方式“\(written)”不是规则中的方式",
            hint: "可选：\(methods.joined(separator: "、"))", at: place
        ).suggesting(NameSuggestion.closest(to: written, among: methods), replacing: place, keepingHint: true)
    }

    static func missingReason(of officer: Officer, method: SelectionMethod) -> Diagnostic {
        .error(
            EvaluationCode.rosterMissingReason, "\(who(officer))由“\(method.method)”产生，但没有写明理由",
            hint: "在 reason（指定理由）一列写明为何\(method.method)\(clauseNote(method.clause))",
            at: officer.location(ofColumn: "reason"))
    }

    static func missingTraining(of officer: Officer, clause: String?) -> Diagnostic {
        .error(
            EvaluationCode.rosterMissingTraining, "\(who(officer))没有业务培训记录",
            hint: "在 trained_on（培训日期）一列填写培训日期；人选确定后应进行业务培训\(clauseNote(clause))",
            at: officer.location(ofColumn: "trained_on"))
    }

    static func lateTraining(of officer: Officer, from: LocalDate, trainedOn: LocalDate, clause: String?) -> Diagnostic {
        .warning(
            EvaluationCode.rosterLateTraining, "\(who(officer))\(from) 任职，培训日期 \(trainedOn) 在任职之后",
            hint: "人选确定后应进行业务培训\(clauseNote(clause))；核对培训日期，确属任职后补训的可不理会",
            at: officer.location(ofColumn: "trained_on"))
    }

    private static func who(_ officer: Officer) -> String { "联系员 \(officer.id)（\(officer.name)）" }

    /// `2025-07-01 至 2025-09-30`, `2025-07-01 起`; empty when neither end is recorded.
    private static func period(_ start: LocalDate, _ end: LocalDate) -> String {
        switch (start == .distantPast, end == .distantFuture) {
        case (true, true): ""
        case (true, false): "至 \(end)"
        case (false, true): "\(start) 起"
        case (false, false): "\(start) 至 \(end)"
        }
    }

    private static func clauseNote(_ clause: String?) -> String { clause.map { "（条款 \($0)）" } ?? "" }
}
