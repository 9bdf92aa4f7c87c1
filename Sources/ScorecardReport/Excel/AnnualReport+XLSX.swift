import ScorecardBase
import ScorecardEvaluation
import ScorecardRules

extension AnnualReport {
    func csvHeader(_ style: HeaderStyle) -> [String] {
        let quarters = result.quarters.map(\.quarter.description)
        switch style {
        case .id:
            return ["rank", "officer", "name", "unit", "area", "manager_role", "manager"] + quarters
                + ["quarter_sum", "annual_total", "result", "quarterly_rewards", "year_end_reward", "reward_total"]
        case .zh:
            let area = policy.roster?.area == "shift" || policy.roster == nil ? "班次" : "责任片区"
            return ["名次", "工号", "姓名", "单位", area, "管理者类别", "汇报对象"] + quarters
                + ["季度合计", "年度成绩", "结果", "季度奖励", "年终奖励", "奖励合计"]
        }
    }

    /// The year as an Excel workbook: the ranking (with why), the year-end rewards, per unit,
    /// per manager and per fund; Chinese headers, numbers as numbers with their places.
    package func renderXLSX() -> [UInt8] {
        func score(_ value: ExactDecimal?) -> XLSXWorkbook.Cell { value.map { .number($0, places: scorePlaces) } ?? .empty }
        // Empty for a sum past what a decimal holds: reported (`eval.overflow`), and such a year is not published.
        func money(_ value: ExactDecimal?) -> XLSXWorkbook.Cell { value.map { .number($0, places: moneyPlaces) } ?? .empty }
        let area = policy.roster?.area == "shift" || policy.roster == nil ? "班次" : "责任片区"

        let ranking = XLSXWorkbook.Sheet(
            name: "年度排名",
            header: ["名次", "工号", "姓名", "单位", area, "管理者类别", "汇报对象"] + result.quarters.map(\.quarter.description)
                + ["季度合计", "年度成绩", "结果", "说明", "季度奖励", "年终奖励", "奖励合计"],
            rows: result.officers.map { officer in
                var row: [XLSXWorkbook.Cell] = [
                    officer.rank.map { .integer($0) } ?? .empty, .text(officer.officer.id), .text(officer.officer.name),
                    .text(officer.officer.unit), .text(officer.officer.area), .text(officer.officer.reportsTo.role),
                    .text(officer.officer.reportsTo.name),
                ]
                row += result.quarters.map { quarter in
                    guard let line = officer.quarters.first(where: { $0.quarter == quarter.quarter }) else { return .empty }
                    return line.total.map { .number($0, places: scorePlaces) } ?? .text("未算出")
                }
                let why = [officer.scaling.map { "折算 \($0)" }, officer.tieNote, officer.excellentReason].compactMap { $0 }.joined(
                    separator: "；")
                row += [
                    score(officer.quarterSum), score(officer.annualTotal), .text(outcome(officer)), why.isEmpty ? .empty : .text(why),
                    money(officer.quarterlyRewards), money(officer.yearEndReward), money(officer.rewardTotal),
                ]
                return row
            },
            formats: [.general, .text])
        let fundName = result.rules.reward.map { policy.fund(withID: $0.fund)?.name ?? $0.fund } ?? ""
        let yearEnd = XLSXWorkbook.Sheet(
            name: "年终奖励", header: ["名次", "工号", "姓名", "单位", "年度成绩", "奖励", "金额", "经费"],
            rows: result.excellentOfficers.map { officer in
                [
                    officer.rank.map { .integer($0) } ?? .empty, .text(officer.officer.id), .text(officer.officer.name),
                    .text(officer.officer.unit),
                    score(officer.annualTotal), .text(result.rules.reward?.title ?? ""), money(officer.yearEndReward), .text(fundName),
                ]
            },
            formats: [.general, .text])
        func groupRows(_ groups: [AnnualGroupTotal], role: Bool) -> [[XLSXWorkbook.Cell]] {
            groups.map { group in
                (role ? [.text(group.role ?? "—")] : []) + [
                    .text(group.key), .integer(group.officers), .integer(group.ranked.officers), score(average(group)),
                    .integer(group.excellent), money(group.quarterlyRewards), money(group.yearEndRewards), money(group.rewards),
                ]
            }
        }
        let totals = ["人数", "参评", "平均年度成绩", "优秀", "季度奖励", "年终奖励", "奖励合计"]
        let units = XLSXWorkbook.Sheet(name: "按单位", header: ["单位"] + totals, rows: groupRows(result.byUnit, role: false))
        let managers = XLSXWorkbook.Sheet(name: "按汇报对象", header: ["汇报对象", "姓名"] + totals, rows: groupRows(result.byManager, role: true))
        let funds = XLSXWorkbook.Sheet(
            name: "按经费", header: ["经费", "季度奖励", "年终奖励", "合计", "依据"],
            rows: result.byFund.map {
                [.text($0.name), money($0.quarterly), money($0.yearEnd), money($0.total), .text($0.clause.map { "条款 \($0)" } ?? "")]
            })
        return XLSXWorkbook(sheets: [ranking, yearEnd, units, managers, funds]).bytes()
    }
}
