import ScorecardBase
import ScorecardEvaluation
import ScorecardRules

extension AnnualReport {
    /// The year-end assessment as one self-contained page: the rules applied and why, the
    /// ranking with the excellent officers marked and why, each officer's quarters as a small
    /// trend, partial years explained, the year-end reward, per unit, per manager and per fund.
    package func renderHTML() -> String {
        let output = StringOutput()
        writeHTML(to: output)
        return output.text
    }

    /// `renderHTML`'s bytes, handed to `output` as the ranking's rows are made: a large year's
    /// page is never held whole.
    package func writeHTML(to output: some ByteOutput) {
        let title = "\(policy.metadata.name) · \(result.year) 年度评选"
        output.write(HTMLPage.head(title: title))
        var out = HTMLWriter(streamingTo: output)
        out.element("header", [("class", "cover")]) { header in
            header.heading(1, title)
            header.paragraph(
                "共 \(result.officers.count) 名联系员有本年的考核记录，参加评选 \(result.rankedCount) 名；金额单位：\(policy.money.currency)", class: "sub")
            header.paragraph(versionsSentence(), class: "version")
        }
        out.newline()

        out.element("section", [("id", "summary")]) { section in
            section.heading(2, "概况")
            var figures: [(label: String, value: String, note: String?)] = [
                ("有考核记录", "\(result.officers.count) 名", nil),
                (
                    "参加评选", "\(result.rankedCount) 名",
                    result.officers.count > result.rankedCount ? "\(result.officers.count - result.rankedCount) 名未参加" : nil
                ),
                ("优秀", "\(result.excellentOfficers.count) 名", result.excellentLimit.map { "名额 \($0.count) 名" }),
                ("季度奖励", money(result.quarterlyRewardTotal), policy.money.currency),
                ("年终奖励", money(result.yearEndRewardTotal), policy.money.currency),
                ("奖励合计", money(result.rewardTotal), policy.money.currency),
            ]
            if result.quarters.count < 4 { figures.insert(("季度", "\(result.quarters.count) 个", "本年的结果是临时的"), at: 0) }
            section.figures(figures)
            section.heading(3, "评选规则")
            section.element("ul", [("class", "note-list")]) { list in
                for line in rulesSentences() { list.element("li", text: line) }
            }
            section.heading(3, "优秀政工联系员")
            section.paragraph(excellentParagraph().replacingAll("\n", with: ""))
            if !result.notes.isEmpty {
                section.element("ul", [("class", "note-list")]) { list in
                    for note in result.notes { list.element("li", text: "注意：\(note)。") }
                }
            }
            let ranked = result.officers.filter { $0.annualTotal != nil }.prefix(10)
            if let top = ranked.first?.annualTotal {
                section.heading(3, "年度成绩前 \(ranked.count) 名")
                section.raw(
                    SVGChart.bars(
                        ranked.map { officer in
                            SVGChart.Bar(
                                label: "\(officer.rank.map(String.init) ?? "—") \(officer.officer.name)",
                                permille: officer.annualTotal.map { SVGChart.permille($0, of: top) } ?? 0,
                                value: score(officer.annualTotal), className: officer.excellent ? "b0" : "b1")
                        }, title: "年度成绩前 \(ranked.count) 名（绿色为优秀）", labelWidth: 130))
                section.newline()
            }
        }
        out.newline()

        out.element("section", [("id", "ranking"), ("class", "page")]) { section in
            section.heading(2, "年度排名")
            section.paragraph("各季度总分按该季度所用的规则版本计算；趋势线画出本人各季度的总分。点击表头可排序。", class: "muted")
            var columns = [HTMLColumn("名次", numeric: true), HTMLColumn("工号"), HTMLColumn("姓名"), HTMLColumn("单位")]
            columns += result.quarters.map { HTMLColumn("Q\($0.quarter.number)", numeric: true) }
            columns += [HTMLColumn("趋势"), HTMLColumn("年度成绩", numeric: true), HTMLColumn("结果"), HTMLColumn("年终奖励", numeric: true)]
            // One scale for every officer's line, worked out once for the whole table.
            let range = trendRange
            section.table(columns, rows: result.officers.lazy.map { rankingRow($0, trendRange: range) }, class: "ranking", sortable: true)
            let explained = result.officers.filter {
                $0.scaling != nil || $0.tieNote != nil || $0.exclusion != nil || $0.excellentReason != nil
            }
            if !explained.isEmpty {
                section.heading(3, "每人的结果为何如此")
                section.table(
                    [HTMLColumn("工号"), HTMLColumn("姓名"), HTMLColumn("说明")],
                    rows: explained.lazy.map { officer in
                        [
                            HTMLCell(officer.officer.id, className: "nowrap"), HTMLCell(officer.officer.name, className: "nowrap"),
                            HTMLCell(explanation(officer)),
                        ]
                    })
            }
        }
        out.newline()

        out.element("section", [("id", "groups"), ("class", "page")]) { section in
            section.heading(2, "按单位汇总")
            section.table(groupColumns(role: false), rows: result.byUnit.map { groupRow($0, role: false) }, sortable: true)
            section.heading(2, "按汇报对象汇总")
            section.table(groupColumns(role: true), rows: result.byManager.map { groupRow($0, role: true) }, sortable: true)
            section.heading(2, "按经费汇总（全年）")
            section.table(
                [
                    HTMLColumn("经费"), HTMLColumn("季度奖励", numeric: true), HTMLColumn("年终奖励", numeric: true),
                    HTMLColumn("合计", numeric: true), HTMLColumn("依据"),
                ],
                rows: result.byFund.map { fund in
                    [
                        HTMLCell(fund.name), HTMLCell(money(fund.quarterly)), HTMLCell(money(fund.yearEnd)), HTMLCell(money(fund.total)),
                        HTMLCell(fund.clause.map { "条款 \($0)" } ?? ""),
                    ]
                })
            section.paragraph(
                "奖励合计：\(money(result.rewardTotal)) \(policy.money.currency)（季度奖励 \(money(result.quarterlyRewardTotal)) + 年终奖励 \(money(result.yearEndRewardTotal))）"
            )
        }
        out.newline()
        out.element("footer") { footer in
            footer.paragraph(
                "年度评选规则：版本 \(result.annualVersion)（\(policy.metadata.effective) 起施行）；规则文件：\(policy.files.joined(separator: "、"))")
            footer.paragraph("由 scorecard \(ScorecardVersion.current) 生成；同样的规则和证据总是得出同样的报告。")
        }
        out.newline()
        out.finish()
        output.write(HTMLPage.tail)
    }

    /// Why the officer stands where they do: scaling, a tie settled, not ranked, excellent or not.
    private func explanation(_ officer: AnnualOfficerResult) -> String {
        var parts: [String] = []
        if let exclusion = officer.exclusion {
            let quarters = officer.quarters.map { $0.quarter.description }.joined(separator: "、")
            parts.append("未参加评选：\(exclusion)（有记录的季度：\(quarters.isEmpty ? "无" : quarters)）")
        }
        if let scaling = officer.scaling { parts.append("折算 \(scaling)") }
        if let tie = officer.tieNote { parts.append(tie) }
        if let reason = officer.excellentReason { parts.append(reason) }
        return parts.joined(separator: "；")
    }

    private func rankingRow(_ officer: AnnualOfficerResult, trendRange: (low: ExactDecimal, high: ExactDecimal)) -> [HTMLCell] {
        var row: [HTMLCell] = [
            HTMLCell(officer.rank.map(String.init) ?? "—", sortKey: officer.rank.map(String.init) ?? "9999"),
            HTMLCell(officer.officer.id, className: "nowrap"),
            HTMLCell(officer.officer.name, className: officer.excellent ? "excellent nowrap" : "nowrap"),
            HTMLCell(officer.officer.unit),
        ]
        var totals: [ExactDecimal?] = []
        for quarter in result.quarters {
            guard let line = officer.quarters.first(where: { $0.quarter == quarter.quarter }) else {
                row.append(HTMLCell("—", sortKey: ""))
                totals.append(nil)
                continue
            }
            row.append(
                HTMLCell(
                    line.total.map { $0.formatted(scale: scorePlaces) } ?? "未算出", sortKey: line.total?.formatted(scale: scorePlaces) ?? "",
                    className: line.total == nil ? "fail" : nil, title: "按版本 \(line.version) 计分"))
            totals.append(line.total)
        }
        // One scale for every officer's line, so that lines can be compared down the table.
        let (low, high) = trendRange
        let points = totals.map { total in total.map { SVGChart.permille($0, low: low, high: high) } }
        let words = zip(result.quarters, totals).map { "Q\($0.quarter.number) \($1.map { $0.formatted(scale: scorePlaces) } ?? "—")" }
        row.append(.markup(SVGChart.trend(points, title: "\(officer.officer.name) 各季度总分：" + words.joined(separator: "，"))))
        row.append(HTMLCell(score(officer.annualTotal), sortKey: officer.annualTotal?.formatted(scale: scorePlaces) ?? ""))
        var outcomeCell = HTMLCell(
            outcome(officer), className: officer.excellent ? "excellent" : (officer.exclusion != nil ? "muted" : nil),
            title: officer.excellentReason)
        if officer.excellent { outcomeCell.text = "★ 优秀" }
        row.append(outcomeCell)
        row.append(HTMLCell(officer.excellent ? money(officer.yearEndReward) : "—", sortKey: officer.yearEndReward.description))
        return row
    }

    /// The lowest and highest quarter total of the year, over everyone: a pass over the year,
    /// so worked out once per page, not once per row.
    private var trendRange: (low: ExactDecimal, high: ExactDecimal) {
        let all = result.officers.flatMap { $0.quarters.compactMap(\.total) }
        return (all.min() ?? .zero, all.max() ?? .zero)
    }

    private func groupColumns(role: Bool) -> [HTMLColumn] {
        var columns = role ? [HTMLColumn("汇报对象"), HTMLColumn("姓名")] : [HTMLColumn("单位")]
        columns += [
            HTMLColumn("人数", numeric: true), HTMLColumn("参评", numeric: true), HTMLColumn("平均年度成绩", numeric: true),
            HTMLColumn("优秀", numeric: true), HTMLColumn("季度奖励", numeric: true), HTMLColumn("年终奖励", numeric: true),
            HTMLColumn("奖励合计", numeric: true),
        ]
        return columns
    }

    private func groupRow(_ group: AnnualGroupTotal, role: Bool) -> [HTMLCell] {
        var row = role ? [HTMLCell(group.role ?? "—"), HTMLCell(group.key)] : [HTMLCell.rowHeader(group.key)]
        row += [
            HTMLCell(String(group.officers)), HTMLCell(String(group.ranked.officers)), HTMLCell(score(average(group))),
            HTMLCell(String(group.excellent)), HTMLCell(money(group.quarterlyRewards)), HTMLCell(money(group.yearEndRewards)),
            HTMLCell(money(group.rewards)),
        ]
        return row
    }
}
