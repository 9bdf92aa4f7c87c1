import ScorecardBase
import ScorecardEvaluation
import ScorecardRules

extension QuarterReport {
    /// The CSV's column titles: ids for programs (the layout in docs/output.md), or Chinese for
    /// people; the columns and their order are the same.
    func csvHeader(_ style: HeaderStyle) -> [String] {
        switch style {
        case .id:
            ["officer", "name", "unit", "area"] + policy.items.map(\.id) + ["total", "grade"]
                + policy.rewards.map { "reward_\($0.id)" } + ["reward_total"]
        case .zh:
            ["工号", "姓名", "单位", areaTitleForSheets] + policy.items.map(\.id) + ["总分", "等级"]
                + policy.rewards.map { "奖励：\($0.title)" } + ["奖励合计"]
        }
    }

    var areaTitleForSheets: String { policy.roster?.area == "shift" || policy.roster == nil ? "班次" : "责任片区" }

    /// The quarter as an Excel workbook: one sheet per section (results, rewards, per unit, per
    /// manager, per fund), Chinese headers, scores and money as numbers with their places.
    package func renderXLSX() -> [UInt8] {
        let scorePlaces = policy.scoring.precision, moneyPlaces = policy.money.precision
        func score(_ value: ExactDecimal?) -> XLSXWorkbook.Cell { value.map { .number($0, places: scorePlaces) } ?? .empty }
        func money(_ value: ExactDecimal?) -> XLSXWorkbook.Cell { value.map { .number($0, places: moneyPlaces) } ?? .empty }
        func average(_ group: GroupTotal) -> XLSXWorkbook.Cell {
            score(group.shownAverage(precision: scorePlaces, rounding: policy.scoring.rounding))
        }

        let results = XLSXWorkbook.Sheet(
            name: "考核结果",
            header: ["工号", "姓名", "单位", areaTitleForSheets, "汇报对象"] + policy.items.map(\.id) + ["总分", "等级"]
                + policy.rewards.map { "奖励：\($0.title)" } + ["奖励合计"],
            rows: collected.officers.map { officer in
                var row: [XLSXWorkbook.Cell] = [
                    .text(officer.officer.id), .text(officer.officer.name), .text(officer.officer.unit), .text(officer.officer.area),
                    .text(officer.officer.reportsTo.name),
                ]
                row += officer.items.map { score($0.score) }
                row += [score(officer.total), officer.grade.map { .text($0) } ?? (officer.isComplete ? .empty : .text("未算出"))]
                row += policy.rewards.map { rule in money(officer.rewards.first { $0.rewardID == rule.id }?.amount) }
                row.append(money(officer.rewardTotal))
                return row
            },
            formats: [.text])
        var rewardRows: [[XLSXWorkbook.Cell]] = []
        for officer in collected.officers {
            for reward in officer.rewards where reward.amount > .zero {
                let rule = policy.rewards.first { $0.id == reward.rewardID }
                rewardRows.append([
                    .text(officer.officer.id), .text(officer.officer.name), .text(rule?.title ?? reward.rewardID),
                    .text(rewardBreakdownText(reward)), money(reward.amount), .text(policy.fund(withID: reward.fund)?.name ?? reward.fund),
                ])
            }
        }
        let rewards = XLSXWorkbook.Sheet(
            name: "奖励明细", header: ["工号", "姓名", "奖励", "明细", "金额", "经费"], rows: rewardRows, formats: [.text])
        let units = XLSXWorkbook.Sheet(
            name: "按单位", header: ["单位", "人数", "平均分", "奖励合计"],
            rows: collected.byUnit.map { [.text($0.key), .integer($0.officers), average($0), money($0.reward)] })
        let managers = XLSXWorkbook.Sheet(
            name: "按汇报对象", header: ["汇报对象", "姓名", "人数", "平均分", "奖励合计"],
            rows: collected.byManager.map {
                [.text($0.role), .text($0.name), .integer($0.total.officers), average($0.total), money($0.total.reward)]
            })
        let funds = XLSXWorkbook.Sheet(
            name: "按经费", header: ["经费", "金额", "依据"],
            rows: collected.byFund.map { fund, amount in [.text(fund.name), money(amount), .text(fund.clause.map { "条款 \($0)" } ?? "")] })
        return XLSXWorkbook(sheets: [results, rewards, units, managers, funds]).bytes()
    }
}
