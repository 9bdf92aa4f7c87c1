import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// Renders a quarter's results for people (a terminal) and for machines (JSON, CSV): the parts
/// of each format, which `QuarterWriter` puts together as the results stream past.
package struct QuarterReport: Sendable {
    package let policy: Policy
    package let quarter: Quarter
    /// The collected results, when the report is rendered whole (`renderText()` and the rest).
    package let result: QuarterResult?
    /// Whether the version was named on the command line rather than chosen by date, so the
    /// report can say why these rules were used.
    package let versionPinned: Bool

    package init(policy: Policy, result: QuarterResult, versionPinned: Bool = false) {
        self.policy = policy
        self.quarter = result.quarter
        self.result = result
        self.versionPinned = versionPinned
    }

    init(policy: Policy, quarter: Quarter, versionPinned: Bool) {
        self.policy = policy
        self.quarter = quarter
        self.result = nil
        self.versionPinned = versionPinned
    }

    /// `规则版本 2025.1（2025-07-01 起施行）：本季度第一天（2025-10-01）有效的版本。`
    var versionLine: String {
        let version = "规则版本 \(policy.metadata.version)（\(policy.metadata.effective) 起施行）"
        return versionPinned
            ? version + "：按 --rules-version 指定，不一定是本季度实际有效的版本。"
            : version + "：本季度第一天（\(quarter.firstDay)）有效的版本。"
    }

    private var scorePlaces: Int { policy.scoring.precision }
    private var moneyPlaces: Int { policy.money.precision }

    func score(_ value: ExactDecimal?) -> String { value.map { $0.formatted(scale: scorePlaces) } ?? "—" }
    func money(_ value: ExactDecimal?) -> String { value.map { $0.formatted(scale: moneyPlaces) } ?? "—" }
    /// Item cells are narrow: `5`, `4.5`, `4.17`.
    func itemCell(_ value: ExactDecimal?) -> String { value.map { $0.normalized.description } ?? "—" }

    /// The whole report in one format, from the collected results.
    private func render(
        _ format: QuarterWriter.Format, headers: HeaderStyle = .id, layout: QuarterWriter.TextLayout = .init()
    ) -> String {
        let output = StringOutput()
        var writer = QuarterWriter(
            format: format, policy: policy, quarter: quarter, versionPinned: versionPinned, headers: headers, layout: layout, to: output)
        if let result {
            for officer in result.officers { writer.add(officer) }
            writer.finish(result.summary)
        }
        return output.text
    }

    // MARK: Terminal

    package func renderText(layout: QuarterWriter.TextLayout = .init()) -> String { render(.text, layout: layout) }

    func textHead(officers: Int, partial: QuarterWriter.Partial? = nil) -> String {
        var out = "\(policy.metadata.name)（版本 \(policy.metadata.version)）· \(quarter) 季度考核结果\n"
        out += versionLine + "\n"
        out += "共 \(officers) 名联系员；分值：\(policy.items.count) 项，满分 \(policy.scoring.total.normalized)；金额单位：\(policy.money.currency)\n"
        if let partial { out += partialNotice(partial) + "\n" }
        return out + "\n"
    }

    /// `部分结果（--partial）：…`: what a partial report says of itself, in every format.
    func partialNotice(_ partial: QuarterWriter.Partial) -> String {
        let head = "部分结果（--partial），不是本季度的最终结果："
        guard !partial.omitted.isEmpty else { return head + "证据有问题（见错误信息），改正后重新计算" }
        let who = partial.omitted.map { $0.name.isEmpty ? $0.id : "\($0.id) \($0.name)" }.joined(separator: "、")
        return head + "证据有问题的 \(partial.omitted.count) 名联系员未计入本表和各项合计：\(who)"
    }

    func partialJSON(_ partial: QuarterWriter.Partial) -> JSONValue {
        .object([
            ("excluded", .array(partial.omitted.map { .object([("officer", .string($0.id)), ("name", .string($0.name))]) })),
            ("note", .string(partialNotice(partial))),
        ])
    }

    var officerColumns: [TextTable.Column] {
        var columns: [TextTable.Column] = [.init("工号"), .init("姓名"), .init("单位"), .init(areaTitle)]
        columns += policy.items.map { TextTable.Column(shortItemTitle($0.id), alignment: .right) }
        columns += [.init("总分", alignment: .right), .init("等级"), .init("奖励", alignment: .right)]
        return columns
    }

    func officerRow(_ officer: OfficerResult) -> [String] {
        var row = [officer.officer.id, officer.officer.name, officer.officer.unit, officer.officer.area]
        row += officer.items.map { itemCell($0.score) }
        row += [score(officer.total), officer.grade ?? (officer.isComplete ? "—" : "未算出"), money(officer.rewardTotal)]
        return row
    }

    /// The officers' table in colour: the best grade green, the lowest red, a result that could
    /// not be computed red. Nil without colour, so nothing is done per cell.
    func gradeStyle(color: Bool) -> TextTable.CellStyle? {
        guard color else { return nil }
        let gradeColumn = 4 + policy.items.count + 1
        let ansi = ANSIStyle(enabled: true)
        let bands = policy.grades?.bands ?? []
        let best = bands.max { $0.min < $1.min }?.name
        let worst = bands.count > 1 ? bands.min { $0.min < $1.min }?.name : nil
        return { column, cell in
            guard column == gradeColumn else { return cell }
            if cell == "未算出" || cell == worst { return ansi.apply(ANSIStyle.bold, ANSIStyle.red, to: cell) }
            if cell == best { return ansi.apply(ANSIStyle.bold, ANSIStyle.green, to: cell) }
            return cell
        }
    }

    var rewardColumns: [TextTable.Column] {
        [.init("工号"), .init("姓名"), .init("奖励"), .init("明细"), .init("金额", alignment: .right), .init("经费")]
    }

    func rewardRows(_ officer: OfficerResult) -> [[String]] {
        officer.rewards.filter { $0.amount > .zero }.map { reward in
            let rule = policy.rewards.first { $0.id == reward.rewardID }
            return [
                officer.officer.id, officer.officer.name, rule?.title ?? reward.rewardID, rewardBreakdownText(reward),
                money(reward.amount), policy.fund(withID: reward.fund)?.name ?? reward.fund,
            ]
        }
    }

    func textSummary(_ summary: QuarterSummary) -> String {
        var out = ""
        var units = TextTable(columns: [
            .init("单位"), .init("人数", alignment: .right), .init("平均分", alignment: .right), .init("奖励合计", alignment: .right),
        ])
        for unit in summary.byUnit {
            units.addRow([
                unit.key, String(unit.officers),
                score(unit.shownAverage(precision: scorePlaces, rounding: policy.scoring.rounding)), money(unit.reward),
            ])
        }
        out += "按单位汇总\n" + units.render() + "\n"

        var managers = TextTable(columns: [
            .init("汇报对象"), .init("姓名"), .init("人数", alignment: .right), .init("平均分", alignment: .right), .init("奖励合计", alignment: .right),
        ])
        for manager in summary.byManager {
            managers.addRow([
                manager.role, manager.name, String(manager.total.officers),
                score(manager.total.shownAverage(precision: scorePlaces, rounding: policy.scoring.rounding)), money(manager.total.reward),
            ])
        }
        out += "按汇报对象汇总\n" + managers.render() + "\n"

        if !summary.byFund.isEmpty {
            var funds = TextTable(columns: [.init("经费"), .init("金额", alignment: .right), .init("依据")])
            for (fund, amount) in summary.byFund {
                funds.addRow([fund.name, money(amount), fund.clause.map { "条款 \($0)" } ?? ""])
            }
            out += "按经费汇总\n" + funds.render() + "\n"
        }
        if !summary.gradeCounts.isEmpty {
            out += "等级分布：" + summary.gradeCounts.map { "\($0.grade) \($0.count) 人" }.joined(separator: "，") + "\n"
        }
        out += "奖励合计：\(money(summary.rewardTotal)) \(policy.money.currency)\n"
        if summary.incompleteCount > 0 {
            out += "有 \(summary.incompleteCount) 名联系员的结果未能算出，原因见下。\n"
        }
        return out
    }

    private var areaTitle: String { policy.roster?.area == "shift" || policy.roster == nil ? "班次" : "责任片区" }

    /// `i07` → `07`; other ids stay as written.
    private func shortItemTitle(_ id: String) -> String {
        if id.count == 3, id.first == "i", id.dropFirst().allSatisfy(\.isNumber) { return String(id.dropFirst()) }
        return id
    }

    // MARK: JSON

    package func renderJSON() -> String { render(.json) }

    var policyJSON: JSONValue {
        .object([
            ("id", .string(policy.metadata.id)), ("name", .string(policy.metadata.name)),
            ("version", .string(policy.metadata.version)), ("effective", .string(policy.metadata.effective.description)),
        ])
    }

    func officerJSON(_ officer: OfficerResult) -> JSONValue {
        .object([
            ("officer", .string(officer.officer.id)),
            ("name", .string(officer.officer.name)),
            ("unit", .string(officer.officer.unit)),
            ("area", .string(officer.officer.area)),
            ("manager", .text(officer.officer.manager)),
            (
                "items",
                .array(
                    officer.items.map { item in
                        .object([
                            ("id", .string(item.itemID)),
                            ("score", item.score.map { .number($0.formatted(scale: scorePlaces)) } ?? .null),
                            ("basis", basisJSON(item.basis)),
                        ])
                    })
            ),
            ("total", officer.total.map { .number($0.formatted(scale: scorePlaces)) } ?? .null),
            ("grade", .text(officer.grade)),
            (
                "rewards",
                .array(
                    officer.rewards.map { reward in
                        .object([
                            ("id", .string(reward.rewardID)), ("fund", .string(reward.fund)),
                            ("amount", .number(reward.amount.formatted(scale: moneyPlaces))),
                            (
                                "breakdown",
                                .array(
                                    reward.breakdown.map {
                                        .object([
                                            ("key", .string($0.key)), ("count", .number(String($0.count))),
                                            ("rate", .number($0.rate.description)),
                                        ])
                                    })
                            ),
                            ("withheld", .bool(reward.withheld)), ("capped", .bool(reward.capped)),
                        ])
                    })
            ),
            ("reward_total", officer.rewardTotal.map { .number($0.formatted(scale: moneyPlaces)) } ?? .null),
            ("failures", .array(officer.failures.map(diagnosticJSON))),
        ])
    }

    /// The members after `officers`, in order.
    func summaryJSON(_ summary: QuarterSummary) -> [(String, JSONValue)] {
        [
            (
                "units",
                .array(
                    summary.byUnit.map { unit in
                        .object([
                            ("unit", .string(unit.key)), ("officers", .number(String(unit.officers))),
                            ("score_sum", .number(unit.scoreSum.formatted(scale: scorePlaces))),
                            ("average", .decimal(unit.shownAverage(precision: scorePlaces, rounding: policy.scoring.rounding))),
                            ("reward", .number(unit.reward.formatted(scale: moneyPlaces))),
                        ])
                    })
            ),
            (
                "managers",
                .array(
                    summary.byManager.map { manager in
                        .object([
                            ("role", .string(manager.role)), ("manager", .string(manager.name)),
                            ("officers", .number(String(manager.total.officers))),
                            ("score_sum", .number(manager.total.scoreSum.formatted(scale: scorePlaces))),
                            (
                                "average",
                                manager.total.shownAverage(precision: scorePlaces, rounding: policy.scoring.rounding).map {
                                    .number($0.formatted(scale: scorePlaces))
                                } ?? .null
                            ),
                            ("reward", .number(manager.total.reward.formatted(scale: moneyPlaces))),
                        ])
                    })
            ),
            (
                "funds",
                .array(
                    summary.byFund.map { fund, amount in
                        .object([
                            ("id", .string(fund.id)), ("name", .string(fund.name)),
                            ("amount", .number(amount.formatted(scale: moneyPlaces))),
                        ])
                    })
            ),
            ("grades", .object(summary.gradeCounts.map { ($0.grade, .number(String($0.count))) })),
            ("reward_total", .number(summary.rewardTotal.formatted(scale: moneyPlaces))),
        ]
    }

    private func basisJSON(_ basis: ItemResult.Basis?) -> JSONValue {
        switch basis {
        case .assessed(let raw): .object([("method", .string("assessed")), ("raw", .number(raw.description))])
        case .computed(let raw): .object([("method", .string("computed")), ("raw", .number(raw.description))])
        case .condition(let index, let reason):
            .object([("method", .string("condition")), ("condition", .number(String(index + 1))), ("reason", .text(reason))])
        case nil: .null
        }
    }

    // MARK: CSV

    /// One row per officer; opens in Chinese Excel as UTF-8 thanks to the BOM.
    /// `headers`: the ids (the documented layout, the default) or Chinese titles for people.
    package func renderCSV(headers: HeaderStyle = .id) -> String { render(.csv, headers: headers) }

    /// The result the report was made with; only the collected forms (`renderText()` and the
    /// rest, HTML, workbooks) are rendered from it, and they are made only with one.
    var collected: QuarterResult {
        guard let result else { preconditionFailure("a streamed QuarterReport has no collected result") }
        return result
    }

    /// The officer's row, written into `row` (reused from officer to officer).
    func writeCSVRow(_ row: inout CSVRowBytes, for officer: OfficerResult) {
        row.start()
        row.cell(officer.officer.id)
        row.cell(officer.officer.name)
        row.cell(officer.officer.unit)
        row.cell(officer.officer.area)
        for item in officer.items { row.cell(item.score, scale: scorePlaces) }
        row.cell(officer.total, scale: scorePlaces)
        row.cell(officer.grade ?? "")
        for rule in policy.rewards {
            row.cell(officer.rewards.first { $0.rewardID == rule.id }?.amount, scale: moneyPlaces)
        }
        row.cell(officer.rewardTotal, scale: moneyPlaces)
        row.end()
    }

    /// The same row for a result from the kernel: the same bytes `writeCSVRow(_:for:)` writes
    /// for the same result computed the general way.
    func writeCSVRow(_ row: inout CSVRowBytes, for result: borrowing PlainResult, of officer: Officer, kernel: QuarterKernel) {
        row.start()
        officer.withUTF8(.id) { row.cell(utf8: $0) }
        officer.withUTF8(.name) { row.cell(utf8: $0) }
        officer.withUTF8(.unit) { row.cell(utf8: $0) }
        officer.withUTF8(.area) { row.cell(utf8: $0) }
        let places = kernel.scorePlaces, money = kernel.moneyPlaces
        for score in result.scores { row.cell(fixed: score, places: places) }
        row.cell(fixed: result.total, places: places)
        if let grade = result.grade {
            var name = kernel.bandNames[grade]
            name.withUTF8 { row.cell(utf8: $0) }
        } else {
            row.cell("")
        }
        for amount in result.rewards { row.cell(fixed: amount, places: money) }
        row.cell(fixed: result.rewardTotal, places: money)
        row.end()
    }

}

/// The shape every JSON output gives a problem (`check`, `test`, the diff's impact).
package func diagnosticJSON(_ diagnostic: Diagnostic) -> JSONValue {
    .object(
        [
            ("severity", .string(diagnostic.severity.rawValue)),
            ("code", .string(diagnostic.code)),
            ("message", .string(diagnostic.message)),
            ("hint", .text(diagnostic.hint)),
            ("file", .text(diagnostic.location?.file)),
            ("line", diagnostic.location.map { .number(String($0.line)) } ?? .null),
            ("column", diagnostic.location.map { .number(String($0.column)) } ?? .null),
        ]
            + (diagnostic.location?.sheet.map { sheet in
                // A workbook's cell: line and column are its row and column; these say it Excel's way.
                [("sheet", JSONValue.string(sheet)), ("cell", .string(diagnostic.location?.cellName ?? ""))]
            } ?? []))
}

/// Diagnostics as JSON, for `check --format json` and scripts.
package func renderDiagnosticsJSON(_ diagnostics: [Diagnostic]) -> String {
    JSONValue.object([
        ("errors", .number(String(diagnostics.filter { $0.severity == .error }.count))),
        ("warnings", .number(String(diagnostics.filter { $0.severity == .warning }.count))),
        ("diagnostics", .array(diagnostics.map(diagnosticJSON))),
    ]).rendered() + "\n"
}

/// `矿 2 条 × 30 + 区队 3 条 × 5`: how a per-record reward was reached.
func rewardBreakdownText(_ reward: RewardResult) -> String {
    if reward.withheld { return "条件不满足，不发放" }
    if reward.breakdown.isEmpty { return reward.capped ? "已按上限发放" : "" }
    let parts = reward.breakdown.filter { $0.count > 0 }.map { "\($0.key) \($0.count) 条 × \($0.rate.normalized)" }
    return parts.joined(separator: " + ") + (reward.capped ? "（已按上限发放）" : "")
}
