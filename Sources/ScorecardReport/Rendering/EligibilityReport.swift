import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// Candidates against the eligibility criteria (clause 2.2.1): a table of who meets which
/// condition, then, for each candidate who does not, every unmet condition with its requirement
/// and the recorded values, so the office can see why without opening the files.
package struct EligibilityReport: Sendable {
    package let policy: Policy
    package let eligibility: Eligibility
    package let list: CandidateList
    package let results: [CandidateResult]

    package init(policy: Policy, eligibility: Eligibility, list: CandidateList, results: [CandidateResult]) {
        self.policy = policy
        self.eligibility = eligibility
        self.list = list
        self.results = results
    }

    static func word(_ verdict: CriterionOutcome.Verdict) -> String {
        switch verdict {
        case .holds: "符合"
        case .fails: "不符合"
        case .undecided: "无法判断"
        }
    }

    static func word(_ verdict: CandidateResult.Verdict) -> String {
        switch verdict {
        case .eligible: "符合"
        case .ineligible: "不符合"
        case .undecided: "无法判断"
        }
    }

    static func code(_ verdict: CriterionOutcome.Verdict) -> String {
        switch verdict {
        case .holds: "holds"
        case .fails: "fails"
        case .undecided: "undecided"
        }
    }

    /// A criterion's column title: its clause (`2.2.1.3`), which the office knows the
    /// conditions by, or its id when it has none.
    private func columnTitle(_ criterion: Criterion) -> String { criterion.clause ?? criterion.id }

    private var requirementWords: String {
        switch eligibility.requirement {
        case .all: "须全部具备"
        case .any: "具备其中一项即可"
        }
    }

    private func count(_ verdict: CandidateResult.Verdict) -> Int { results.filter { $0.verdict == verdict }.count }

    // MARK: Terminal

    package func renderText(color: Bool = false) -> String {
        let style = ANSIStyle(enabled: color)
        var out = "\(policy.metadata.name)（版本 \(policy.metadata.version)）· 任职条件"
        out += eligibility.clause.map { "（条款 \($0)，\(requirementWords)）" } ?? "（\(requirementWords)）"
        out += "\n候选人名单：\(list.file)，\(results.count) 人：符合 \(count(.eligible)) 人，不符合 \(count(.ineligible)) 人"
        if count(.undecided) > 0 { out += "，无法判断 \(count(.undecided)) 人" }
        out += "\n\n条件\n"
        let titleWidth = eligibility.criteria.map { TerminalWidth.width(of: columnTitle($0)) }.max() ?? 0
        for criterion in eligibility.criteria {
            let title = columnTitle(criterion)
            out += "  \(title)\(String(repeating: " ", count: titleWidth - TerminalWidth.width(of: title)))  \(criterion.title)\n"
        }
        out += "\n"

        let areaTitle = policy.roster?.area == "shift" || policy.roster == nil ? "班次" : "责任片区"
        var columns: [TextTable.Column] = [.init("候选人"), .init("单位"), .init(areaTitle)]
        columns += eligibility.criteria.map { TextTable.Column(columnTitle($0)) }
        columns.append(.init("结论"))
        var table = TextTable(columns: columns)
        for result in results {
            let candidate = result.candidate
            table.addRow(
                [candidate.id + " " + candidate.name, candidate.unit, candidate.area]
                    + result.outcomes.map { Self.word($0.verdict) } + [Self.word(result.verdict)])
        }
        out += table.render()

        let unmet = results.filter { $0.verdict != .eligible }
        if unmet.isEmpty {
            out += results.isEmpty ? "\n名单中没有可以判断的候选人。\n" : "\n全部候选人都符合任职条件。\n"
            return out
        }
        out += "\n不符合或无法判断的原因\n"
        for result in unmet {
            let candidate = result.candidate
            out += "\n\(candidate.id) \(candidate.name)（\(candidate.unit) \(candidate.area)）："
            out += style.apply(ANSIStyle.bold, to: Self.word(result.verdict)) + "\n"
            for (criterion, outcome) in zip(eligibility.criteria, result.outcomes) where outcome.verdict != .holds {
                let mark = style.apply(outcome.verdict == .fails ? ANSIStyle.red : ANSIStyle.yellow, to: Self.word(outcome.verdict))
                out += "  \(mark) \(columnTitle(criterion)) \(criterion.title)\n"
                out += "      要求：\(criterion.requirement.source)（\(criterion.requirement.location)）\n"
                if !outcome.inputs.isEmpty {
                    let values = outcome.inputs.map { input in
                        var text = input.field.id + (input.field.name.map { "（\($0)）= " } ?? " = ") + input.value.reportText
                        if let location = input.location { text += "（\(location)）" } else if input.value != .missing { text += "（默认值）" }
                        return text
                    }
                    out += "      记录：" + values.joined(separator: "；") + "\n"
                }
                if case .undecided(let problem) = outcome.verdict { out += "      原因：\(problem.message)\n" }
            }
        }
        return out
    }

    // MARK: JSON

    package func renderJSON() -> String {
        let document: JSONValue = .object([
            (
                "policy",
                .object([
                    ("id", .string(policy.metadata.id)), ("name", .string(policy.metadata.name)),
                    ("version", .string(policy.metadata.version)), ("effective", .string(policy.metadata.effective.description)),
                ])
            ),
            ("clause", .text(eligibility.clause)),
            ("require", .string(eligibility.requirement.rawValue)),
            ("file", .string(list.file)),
            (
                "criteria",
                .array(
                    eligibility.criteria.map { criterion in
                        .object([
                            ("id", .string(criterion.id)), ("title", .string(criterion.title)), ("clause", .text(criterion.clause)),
                            ("require", .string(criterion.requirement.source)),
                        ])
                    })
            ),
            (
                "candidates",
                .array(
                    results.map { result in
                        .object([
                            ("candidate", .string(result.candidate.id)), ("name", .string(result.candidate.name)),
                            ("unit", .string(result.candidate.unit)), ("area", .string(result.candidate.area)),
                            ("verdict", .string(result.verdict.rawValue)),
                            (
                                "criteria",
                                .array(
                                    result.outcomes.map { outcome in
                                        .object([
                                            ("id", .string(outcome.criterionID)), ("result", .string(Self.code(outcome.verdict))),
                                            ("values", .object(outcome.inputs.map { ($0.field.id, Self.json($0.value)) })),
                                        ])
                                    })
                            ),
                            ("failures", .array(result.failures.map(diagnosticJSON))),
                        ])
                    })
            ),
            (
                "not_judged",
                .array(
                    list.rejected.map { row in
                        .object([
                            ("candidate", .text(row.id)), ("name", .text(row.name)),
                            ("file", .string(row.location.file)), ("line", .number(String(row.location.line))),
                        ])
                    })
            ),
            (
                "summary",
                .object([
                    ("eligible", .number(String(count(.eligible)))), ("ineligible", .number(String(count(.ineligible)))),
                    ("undecided", .number(String(count(.undecided)))),
                ])
            ),
        ])
        return document.rendered() + "\n"
    }

    static func json(_ value: Value) -> JSONValue {
        switch value {
        case .number(let n): .number(n.description)
        case .string(let s): .string(s)
        case .boolean(let b): .bool(b)
        case .date(let d): .string(d.description)
        case .list(let rows): .number(String(rows.count))
        case .missing: .null
        }
    }

    // MARK: CSV

    /// One row per candidate, the words as in the table, for Excel (UTF-8 with a BOM).
    package func renderCSV(bom: Bool = true) -> String {
        var writer = CSVWriter(bom: bom)
        writer.row(["candidate", "name", "unit", "area"] + eligibility.criteria.map(\.id) + ["verdict"])
        for result in results {
            let candidate = result.candidate
            writer.row(
                [candidate.id, candidate.name, candidate.unit, candidate.area]
                    + result.outcomes.map { Self.word($0.verdict) } + [Self.word(result.verdict)])
        }
        return writer.text
    }
}
