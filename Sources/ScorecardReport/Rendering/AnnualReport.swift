import ScorecardBase
import ScorecardEvaluation
import ScorecardRules

/// Renders the year-end assessment (clause 2.4) for people and for programs. Numbers use the
/// year-end version's precision, as the ranking did.
package struct AnnualReport: Sendable {
    package let policy: Policy
    package let result: AnnualResult

    package init(policy: Policy, result: AnnualResult) {
        self.policy = policy
        self.result = result
    }

    var scorePlaces: Int { policy.scoring.precision }
    var moneyPlaces: Int { policy.money.precision }
    func score(_ value: ExactDecimal?) -> String { value.map { $0.formatted(scale: scorePlaces) } ?? "—" }
    func money(_ value: ExactDecimal?) -> String { value.map { $0.formatted(scale: moneyPlaces) } ?? "—" }
    func average(_ group: AnnualGroupTotal) -> ExactDecimal? {
        group.ranked.shownAverage(precision: scorePlaces, rounding: policy.scoring.rounding)
    }
    private var clause: String { result.rules.clause.map { "条款 \($0)" } ?? "年度评选" }

    /// 优秀, —, or 未参加评选：<why>.
    func outcome(_ officer: AnnualOfficerResult) -> String {
        if let exclusion = officer.exclusion { return "未参加评选：\(exclusion)" }
        return officer.excellent ? "优秀" : "—"
    }

    // MARK: Terminal

    /// With `color`: the excellent green, the unranked yellow, a quarter not computed red.
    package func renderText(color: Bool = false) -> String {
        let output = StringOutput()
        writeText(to: output, color: color)
        return output.text
    }

    /// `renderText`'s bytes, the ranking's rows spooled (their widths are known only at the end)
    /// and written a line at a time: a large year is never one string.
    package func writeText(to output: some ByteOutput, color: Bool = false) {
        var out = "\(policy.metadata.name) · \(result.year) 年度评选（\(clause)）\n"
        out += versionsSentence() + "\n"
        out += rulesSentences().joined(separator: "\n") + "\n"
        out += "共 \(result.officers.count) 名联系员有本年的考核记录，参加评选 \(result.rankedCount) 名；金额单位：\(policy.money.currency)\n\n"

        var columns: [TextTable.Column] = [.init("名次", alignment: .right), .init("工号"), .init("姓名"), .init("单位"), .init(areaTitle)]
        columns += result.quarters.map { TextTable.Column("Q\($0.quarter.number)", alignment: .right) }
        columns += [.init("年度成绩", alignment: .right), .init("结果"), .init("年终奖励", alignment: .right)]
        output.write(out)
        var table = SpooledTable(columns: columns)
        for officer in result.officers {
            var row = [
                officer.rank.map(String.init) ?? "—", officer.officer.id, officer.officer.name, officer.officer.unit, officer.officer.area,
            ]
            row += result.quarters.map { quarter in
                guard let line = officer.quarters.first(where: { $0.quarter == quarter.quarter }) else { return "—" }
                return line.total.map { $0.formatted(scale: scorePlaces) } ?? "未算出"
            }
            row += [score(officer.annualTotal), outcome(officer), officer.excellent ? money(officer.yearEndReward) : "—"]
            table.addRow(row)
        }
        output.write("年度排名（列 Q1–Q4 为各季度总分）\n")
        table.render(style: color ? Self.rankingStyle(outcomeColumn: columns.count - 2) : nil) { output.write($0) }
        output.write("\n")

        var explained = false
        for officer in result.officers {
            let parts = [officer.scaling.map { "折算 \($0)" }, officer.tieNote].compactMap { $0 }
            guard !parts.isEmpty else { continue }
            output.write((explained ? "\n" : "折算与并列\n") + "  \(officer.officer.id) \(officer.officer.name)：" + parts.joined(separator: "；"))
            explained = true
        }
        if explained { output.write("\n\n") }

        out = excellentParagraph(color: color)
        for note in result.notes { out += "注意：\(note)。\n" }
        out += "\n" + groupTable("按单位汇总", title: "单位", groups: result.byUnit, role: false)
        out += groupTable("按汇报对象汇总", title: "姓名", groups: result.byManager, role: true)

        var funds = TextTable(columns: [
            .init("经费"), .init("季度奖励", alignment: .right), .init("年终奖励", alignment: .right), .init("合计", alignment: .right), .init("依据"),
        ])
        for fund in result.byFund {
            funds.addRow([fund.name, money(fund.quarterly), money(fund.yearEnd), money(fund.total), fund.clause.map { "条款 \($0)" } ?? ""])
        }
        out += "按经费汇总（全年）\n" + funds.render() + "\n"
        out +=
            "奖励合计：\(money(result.rewardTotal)) \(policy.money.currency)（季度奖励 \(money(result.quarterlyRewardTotal)) + 年终奖励 \(money(result.yearEndRewardTotal))）\n"
        if !result.incompleteOfficers.isEmpty {
            out += "有 \(result.incompleteOfficers.count) 名联系员某季度的结果未能算出，未参加评选，原因见下。\n"
        }
        output.write(out)
    }

    /// The ranking in colour: excellent green, not ranked yellow, a quarter not computed red.
    private static func rankingStyle(outcomeColumn: Int) -> TextTable.CellStyle {
        let ansi = ANSIStyle(enabled: true)
        return { (column: Int, cell: String) -> String in
            if cell == "未算出" { return ansi.apply(ANSIStyle.bold, ANSIStyle.red, to: cell) }
            guard column == outcomeColumn else { return cell }
            if cell == "优秀" { return ansi.apply(ANSIStyle.bold, ANSIStyle.green, to: cell) }
            if cell.hasPrefix("未参加评选") { return ansi.apply(ANSIStyle.yellow, to: cell) }
            return cell
        }
    }

    /// Which version each quarter used, and whose annual rules apply.
    func versionsSentence() -> String {
        var runs: [(version: String, quarters: [String])] = []
        for (quarter, version) in result.quarters {
            if runs.last?.version == version {
                runs[runs.count - 1].quarters.append(quarter.description)
            } else {
                runs.append((version, [quarter.description]))
            }
        }
        let used = runs.map { "\($0.quarters.joined(separator: "、")) 用 \($0.version)" }.joined(separator: "；")
        let last = result.quarters.last.map { "年末（\($0.quarter)）" } ?? "年末"
        return "规则版本：\(used)（各季度按各自的版本计分）；年度评选规则取\(last)所用的版本 \(result.annualVersion)。"
    }

    /// The annual rules in words: how quarters combine, partial years, tie-breakers, excellent.
    func rulesSentences() -> [String] {
        let rules = result.rules
        let required = rules.quartersRequired
        var lines = [
            "年度成绩 = 各季度总分" + (rules.aggregate == .sum ? "之和" : "的平均") + "（aggregate: \(rules.aggregate.rawValue)）；"
                + "须参加 \(required) 个季度的考核（quarters_required: \(required)），不足的" + partialWords(rules)
                + "（partial_year: \(rules.partialYear.rawValue)）。"
        ]
        if !rules.tieBreakers.isEmpty {
            lines.append("年度成绩相同时依次比较：" + rules.tieBreakers.map(\.title).joined(separator: "，") + "；仍相同的名次并列。")
        }
        var excellent: [String] = []
        if let limit = result.excellentLimit { excellent.append(limit.why) }
        if let minTotal = rules.excellent.minTotal { excellent.append("年度成绩不低于 \(minTotal.normalized)（min_total）") }
        lines.append("优秀：" + excellent.joined(separator: "；") + "；各项同时满足，名次并列而名额不够时并列者都不评。")
        return lines
    }

    private func partialWords(_ rules: AnnualRules) -> String {
        switch rules.partialYear {
        case .exclude: "不参加评选"
        case .include: "按已有季度的成绩参加评选"
        case .scale where rules.aggregate == .average: "按已有季度的平均分参加评选（平均分无需折算）"
        case .scale: "把已有季度的成绩折算成全年（之和 × 4 ÷ 季度数，按计分精度舍入）再参加评选"
        }
    }

    func excellentParagraph(color: Bool = false) -> String {
        let excellent = result.excellentOfficers
        guard !excellent.isEmpty else { return "本年没有评出优秀政工联系员。\n" }
        let ansi = ANSIStyle(enabled: color)
        let names = excellent.map {
            "第 \($0.rank ?? 0) 名 \(ansi.apply(ANSIStyle.bold, ANSIStyle.green, to: $0.officer.name))（\($0.officer.id)，\($0.officer.unit)，年度成绩 \(score($0.annualTotal))）"
        }
        var out = "评为优秀政工联系员（\(clause)）：" + names.joined(separator: "，") + "。\n"
        if let reward = result.rules.reward {
            let fund = policy.fund(withID: reward.fund)?.name ?? reward.fund
            out +=
                "每人\(reward.title) \(money(reward.amount)) \(policy.money.currency)，从\(fund)列支，共 \(money(result.yearEndRewardTotal)) \(policy.money.currency)。\n"
        }
        return out
    }

    private func groupTable(_ heading: String, title: String, groups: [AnnualGroupTotal], role: Bool) -> String {
        var columns: [TextTable.Column] = role ? [.init("汇报对象"), .init(title)] : [.init(title)]
        columns += [
            .init("人数", alignment: .right), .init("参评", alignment: .right), .init("平均年度成绩", alignment: .right),
            .init("优秀", alignment: .right),
            .init("季度奖励", alignment: .right), .init("年终奖励", alignment: .right), .init("奖励合计", alignment: .right),
        ]
        var table = TextTable(columns: columns)
        for group in groups {
            var row = role ? [group.role ?? "—", group.key] : [group.key]
            row += [
                String(group.officers), String(group.ranked.officers), score(average(group)), String(group.excellent),
                money(group.quarterlyRewards), money(group.yearEndRewards), money(group.rewards),
            ]
            table.addRow(row)
        }
        return heading + "\n" + table.render() + "\n"
    }

    private var areaTitle: String { policy.roster?.area == "shift" || policy.roster == nil ? "班次" : "责任片区" }
}
