import ScorecardBase
import ScorecardEvaluation
import ScorecardRules

/// Renders the list of liaison officers for vacant full-time posts (clause 2.3.2).
package struct VacancyReport: Sendable {
    package let policy: Policy
    package let list: VacancyList

    package init(policy: Policy, list: VacancyList) {
        self.policy = policy
        self.list = list
    }

    private var scorePlaces: Int { policy.scoring.precision }
    private func score(_ value: ExactDecimal?) -> String { value.map { $0.formatted(scale: scorePlaces) } ?? "—" }
    private var orderWords: String {
        list.rules.orderBy == .latestAnnualTotal ? "\(list.year) 年的年度成绩" : "\(list.year) 年最近一个季度的总分"
    }

    /// With `color`: the officers rated excellent this year green, those without an annual
    /// total yellow.
    package func renderText(color: Bool = false) -> String {
        let clause = list.rules.clause.map { "条款 \($0)" } ?? "专职岗位补缺"
        var out = "\(policy.metadata.name) · 专职政工岗位补缺人选（\(clause)）\n"
        out += "按 \(orderWords)从高到低排列（order_by: \(list.rules.orderBy.rawValue)，规则版本 \(list.version)）；同分按年度评选的比较项排列。\n"
        out += "只列出 \(list.asOf) 仍在任的联系员"
        out +=
            list.left.isEmpty
            ? "。\n\n"
            : "；年内离任的 \(list.left.count) 名不在其中："
                + list.left.map { "\($0.id) \($0.name)（\($0.until.map { "\($0) 离任" } ?? "")）" }.joined(separator: "、") + "。\n\n"
        var table = TextTable(columns: [
            .init("序号", alignment: .right), .init("工号"), .init("姓名"), .init("单位"), .init("班次"),
            .init("年度成绩", alignment: .right), .init("年度名次", alignment: .right), .init("最近季度总分", alignment: .right), .init("说明"),
        ])
        for candidate in list.candidates {
            let officer = candidate.officer
            table.addRow([
                String(candidate.position), officer.officer.id, officer.officer.name, officer.officer.unit, officer.officer.area,
                score(officer.annualTotal), officer.rank.map(String.init) ?? "—", score(officer.latestQuarterTotal), candidate.note ?? "",
            ])
        }
        let excellent = Set(list.candidates.filter(\.officer.excellent).map(\.officer.officer.name))
        out += table.render(style: color ? Self.style(excellent: excellent) : nil)
        return out
    }

    /// The list in colour: the excellent officers' names green, a missing annual total yellow.
    private static func style(excellent: Set<String>) -> TextTable.CellStyle {
        let ansi = ANSIStyle(enabled: true)
        return { (column: Int, cell: String) -> String in
            if column == 2, excellent.contains(cell) { return ansi.apply(ANSIStyle.bold, ANSIStyle.green, to: cell) }
            if column == 5, cell == "—" { return ansi.apply(ANSIStyle.yellow, to: cell) }
            return cell
        }
    }

    package func renderJSON() -> String {
        let document: JSONValue = .object([
            ("year", .number(String(list.year))),
            ("version", .string(list.version)),
            ("clause", .text(list.rules.clause)),
            ("order_by", .string(list.rules.orderBy.rawValue)),
            ("as_of", .string(list.asOf.description)),
            (
                "candidates",
                .array(
                    list.candidates.map { candidate in
                        .object([
                            ("position", .number(String(candidate.position))),
                            ("officer", .string(candidate.officer.officer.id)), ("name", .string(candidate.officer.officer.name)),
                            ("unit", .string(candidate.officer.officer.unit)), ("area", .string(candidate.officer.officer.area)),
                            ("annual_total", candidate.officer.annualTotal.map { .number($0.formatted(scale: scorePlaces)) } ?? .null),
                            ("annual_rank", candidate.officer.rank.map { .number(String($0)) } ?? .null),
                            (
                                "latest_quarter_total",
                                candidate.officer.latestQuarterTotal.map { .number($0.formatted(scale: scorePlaces)) } ?? .null
                            ),
                            ("note", .text(candidate.note)),
                        ])
                    })
            ),
            (
                "left",
                .array(
                    list.left.map { officer in
                        .object([
                            ("officer", .string(officer.id)), ("name", .string(officer.name)), ("until", .text(officer.until?.description)),
                        ])
                    })
            ),
        ])
        return document.rendered() + "\n"
    }

    package func renderCSV(bom: Bool = true) -> String {
        var writer = CSVWriter(bom: bom)
        writer.row(["position", "officer", "name", "unit", "area", "annual_total", "annual_rank", "latest_quarter_total", "note"])
        for candidate in list.candidates {
            let officer = candidate.officer
            writer.row([
                String(candidate.position), officer.officer.id, officer.officer.name, officer.officer.unit, officer.officer.area,
                officer.annualTotal.map { $0.formatted(scale: scorePlaces) } ?? "", officer.rank.map(String.init) ?? "",
                officer.latestQuarterTotal.map { $0.formatted(scale: scorePlaces) } ?? "", candidate.note ?? "",
            ])
        }
        return writer.text
    }
}
