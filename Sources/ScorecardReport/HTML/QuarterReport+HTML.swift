import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardRules

extension QuarterReport {
    /// The quarter as one self-contained page for the leadership: the headline figures and
    /// the grade distribution, per unit and per manager, the officers' table, then each
    /// officer's items with the reason for every computed or conditioned score. `evidence`
    /// (the records the quarter was evaluated on) adds the values each item read and where
    /// they were recorded; without it the reasons are given from the results alone.
    package func renderHTML(evidence: QuarterEvidence? = nil) -> String {
        let records = Dictionary((evidence?.records ?? []).map { ($0.officer.id, $0) }, uniquingKeysWith: { first, _ in first })
        var out = HTMLWriter()
        let title = "\(policy.metadata.name) · \(collected.quarter) 季度考核结果"

        out.element("header", [("class", "cover")]) { header in
            header.heading(1, title)
            header.paragraph(
                "共 \(collected.officers.count) 名联系员；\(policy.items.count) 个考核项目，满分 \(policy.scoring.total.normalized)；金额单位：\(policy.money.currency)",
                class: "sub")
            header.paragraph(versionLine, class: "version")
        }
        out.newline()

        out.element("section", [("id", "summary")]) { section in
            section.heading(2, "概况")
            section.figures(headlineFigures)
            if !collected.gradeCounts.isEmpty {
                section.heading(3, "等级分布")
                section.raw(gradeChart)
                section.newline()
            }
            if !collected.byFund.isEmpty {
                section.heading(3, "按经费汇总")
                section.table(
                    [HTMLColumn("经费"), HTMLColumn("金额（\(policy.money.currency)）", numeric: true), HTMLColumn("依据")],
                    rows: collected.byFund.map { fund, amount in
                        [HTMLCell(fund.name), HTMLCell(money(amount)), HTMLCell(fund.clause.map { "条款 \($0)" } ?? "")]
                    }, class: "compact")
            }
        }
        out.newline()

        out.element("section", [("id", "units"), ("class", "page")]) { section in
            section.heading(2, "按单位汇总")
            let averages = collected.byUnit.map { ($0, $0.shownAverage(precision: scorePlacesForHTML, rounding: policy.scoring.rounding)) }
            section.raw(
                SVGChart.bars(
                    averages.map { unit, average in
                        SVGChart.Bar(
                            label: unit.key, permille: average.map { SVGChart.permille($0, of: policy.scoring.total) } ?? 0,
                            value: average.map { score($0) } ?? "—", className: "b1")
                    }, title: "各单位平均分（满分 \(policy.scoring.total.normalized)）"))
            section.newline()
            section.table(
                [HTMLColumn("单位"), HTMLColumn("人数", numeric: true), HTMLColumn("平均分", numeric: true), HTMLColumn("奖励合计", numeric: true)],
                rows: averages.map { unit, average in
                    [HTMLCell.rowHeader(unit.key), HTMLCell(String(unit.officers)), HTMLCell(score(average)), HTMLCell(money(unit.reward))]
                }, class: "compact", sortable: true)
            section.heading(2, "按汇报对象汇总")
            section.table(
                [
                    HTMLColumn("汇报对象"), HTMLColumn("姓名"), HTMLColumn("人数", numeric: true), HTMLColumn("平均分", numeric: true),
                    HTMLColumn("奖励合计", numeric: true),
                ],
                rows: collected.byManager.map { manager in
                    [
                        HTMLCell(manager.role), HTMLCell(manager.name), HTMLCell(String(manager.total.officers)),
                        HTMLCell(score(manager.total.shownAverage(precision: scorePlacesForHTML, rounding: policy.scoring.rounding))),
                        HTMLCell(money(manager.total.reward)),
                    ]
                }, sortable: true)
        }
        out.newline()

        out.element("section", [("id", "officers"), ("class", "page")]) { section in
            section.heading(2, "联系员成绩")
            section.paragraph("点击表头可排序（需要浏览器允许脚本）；打印时按本表的顺序。", class: "muted")
            section.table(
                [
                    HTMLColumn("工号"), HTMLColumn("姓名"), HTMLColumn("单位"), HTMLColumn(areaTitleForHTML), HTMLColumn("汇报对象"),
                    HTMLColumn("总分", numeric: true), HTMLColumn("等级"), HTMLColumn("奖励", numeric: true),
                ],
                rows: collected.officers.map(officerRow), class: "officers", sortable: true)
            let rewarded = collected.officers.filter { ($0.rewardTotal ?? .zero) > .zero }
            if !policy.rewards.isEmpty {
                section.heading(3, "奖励明细")
                if rewarded.isEmpty {
                    section.paragraph("本季度没有奖励。")
                } else {
                    var rows: [[HTMLCell]] = []
                    for officer in rewarded {
                        for reward in officer.rewards where reward.amount > .zero {
                            let rule = policy.rewards.first { $0.id == reward.rewardID }
                            rows.append([
                                HTMLCell(officer.officer.id), HTMLCell(officer.officer.name), HTMLCell(rule?.title ?? reward.rewardID),
                                HTMLCell(rewardBreakdownText(reward)), HTMLCell(money(reward.amount)),
                                HTMLCell(policy.fund(withID: reward.fund)?.name ?? reward.fund),
                            ])
                        }
                    }
                    section.table(
                        [
                            HTMLColumn("工号"), HTMLColumn("姓名"), HTMLColumn("奖励"), HTMLColumn("明细"), HTMLColumn("金额", numeric: true),
                            HTMLColumn("经费"),
                        ],
                        rows: rows)
                }
            }
        }
        out.newline()

        out.element("section", [("id", "details"), ("class", "page")]) { section in
            section.heading(2, "逐人逐项说明")
            section.paragraph("每名联系员各项的得分：考核人打分的项目照录打分；按公式计算或按条件确定的项目（表中加底色）另写明公式或条件、所用的记录及其在证据文件中的位置。", class: "muted")
            section.table(
                [HTMLColumn("项目"), HTMLColumn("内容"), HTMLColumn("分值", numeric: true), HTMLColumn("计分方式"), HTMLColumn("依据")],
                rows: itemLegend, class: "legend", caption: "考核项目")
            for officer in collected.officers {
                section.raw(officerCard(officer, record: records[officer.officer.id]))
                section.newline()
            }
        }
        out.newline()
        out.element("footer") { footer in
            footer.paragraph("规则文件：\(policy.files.joined(separator: "、"))")
            if let evidence, !evidence.files.isEmpty { footer.paragraph("证据文件：\(evidence.files.joined(separator: "、"))") }
            footer.paragraph("由 scorecard \(ScorecardVersion.current) 生成；同样的规则和证据总是得出同样的报告。")
        }
        out.newline()
        return HTMLPage(title: title, body: out.html).rendered()
    }

    private var scorePlacesForHTML: Int { policy.scoring.precision }
    private var areaTitleForHTML: String { policy.roster?.area == "shift" || policy.roster == nil ? "班次" : "责任片区" }

    /// The complete results' mean total, at the scoring precision.
    private var averageTotal: ExactDecimal? {
        let totals = collected.officers.filter(\.isComplete).compactMap(\.total)
        var sum = ExactDecimal.zero
        do throws(DecimalError) {
            for total in totals { sum = try sum.adding(total) }
        } catch {
            // The evaluator's own sums reported it (`eval.overflow`): no figure, not a wrong one.
            return nil
        }
        // As a unit's average is worked out.
        return GroupTotal(key: "", officers: totals.count, scoreSum: sum, reward: .zero)
            .shownAverage(precision: scorePlacesForHTML, rounding: policy.scoring.rounding)
    }

    private var headlineFigures: [(label: String, value: String, note: String?)] {
        let failed = collected.officers.filter { !$0.isComplete }.count
        var items: [(label: String, value: String, note: String?)] = [
            ("联系员", "\(collected.officers.count) 名", failed > 0 ? "其中 \(failed) 名未算出" : nil),
            ("平均总分", score(averageTotal), "满分 \(policy.scoring.total.normalized)"),
        ]
        for count in collected.gradeCounts { items.append((count.grade, "\(count.count) 人", nil)) }
        items.append(("奖励合计", money(collected.rewardTotal), policy.money.currency))
        if collected.byFund.count > 1 {
            for (fund, amount) in collected.byFund { items.append((fund.name, money(amount), policy.money.currency)) }
        }
        return items
    }

    private var gradeChart: String {
        let most = collected.gradeCounts.map(\.count).max() ?? 0
        return SVGChart.bars(
            collected.gradeCounts.enumerated().map { index, count in
                SVGChart.Bar(
                    label: count.grade, permille: most > 0 ? count.count * 1000 / most : 0, value: "\(count.count) 人",
                    className: "b\(min(index, 3))")
            }, title: "等级分布（人数）", labelWidth: 90)
    }

    func gradeMarkup(_ grade: String?) -> String {
        guard let grade else { return "—" }
        let index = policy.grades?.bands.firstIndex { $0.name == grade } ?? 0
        var out = HTMLWriter()
        out.element("span", [("class", "grade grade-\(min(index, 3))")], text: grade)
        return out.html
    }

    private func gradeSortKey(_ grade: String?) -> String {
        guard let grade, let index = policy.grades?.bands.firstIndex(where: { $0.name == grade }) else { return "9" }
        return String(index)
    }

    private func officerRow(_ officer: OfficerResult) -> [HTMLCell] {
        var name = HTMLWriter()
        name.element("a", [("href", "#officer-\(officer.officer.id)")], text: officer.officer.name)
        let (role, manager) = officer.officer.reportsTo
        return [
            HTMLCell(officer.officer.id, className: "nowrap"), .markup(name.html, sortKey: officer.officer.name, className: "nowrap"),
            HTMLCell(officer.officer.unit),
            HTMLCell(officer.officer.area), HTMLCell(role == "—" || role == manager ? manager : "\(role) \(manager)"),
            HTMLCell(score(officer.total), sortKey: officer.total.map { $0.description } ?? ""),
            officer.grade != nil
                ? .markup(gradeMarkup(officer.grade), sortKey: gradeSortKey(officer.grade))
                : HTMLCell(officer.isComplete ? "—" : "未算出", sortKey: "9", className: officer.isComplete ? nil : "fail"),
            HTMLCell(money(officer.rewardTotal), sortKey: officer.rewardTotal.map { $0.description } ?? ""),
        ]
    }

    /// One officer's card: the heading line, every item with its reason, the grade and rewards.
    private func officerCard(_ officer: OfficerResult, record: OfficerRecord?) -> String {
        let places = scorePlacesForHTML
        var out = HTMLWriter()
        let person = officer.officer
        out.element("article", [("class", "officer"), ("id", "officer-\(person.id)")]) { card in
            // The heading, the figures and the grid stay together on a page; the reasons may follow on the next.
            card.open("div", [("class", "keep")])
            card.element("h3") { heading in
                heading.text("\(person.id) \(person.name)")
                heading.element(
                    "span", [("class", "muted")],
                    text: "　\(person.unit) \(person.area)"
                        + (person.manager.map { "，向\(person.managerRole.map { "\($0) " } ?? "")\($0)汇报" } ?? ""))
            }
            card.element("p") { line in
                line.text("总分 \(score(officer.total)) / \(policy.scoring.total.normalized)")
                if let grade = officer.grade {
                    line.text("　等级 ")
                    line.raw(gradeMarkup(grade))
                    if let band = policy.grades?.bands.first(where: { $0.name == grade }) {
                        line.element(
                            "span", [("class", "muted")],
                            text: "（\(band.min.normalized) 分及以上" + (band.below.map { "、低于 \($0.normalized) 分" } ?? "") + "）")
                    }
                }
                line.text("　奖励 \(money(officer.rewardTotal)) \(policy.money.currency)")
            }
            let explanations = ItemExplanation.all(policy: policy, result: officer, record: record)
            card.raw(scoreGrid(explanations))
            card.close("div")
            // Assessed scores are the assessor's: the grid says them. Every other score is explained.
            let explained = explanations.filter { if case .assessed = $0.basis { false } else { true } }
            if !explained.isEmpty {
                card.table(
                    [HTMLColumn("项目"), HTMLColumn("得分", numeric: true), HTMLColumn("来由")],
                    rows: explained.map { explanation in
                        var item = HTMLWriter()
                        item.text(explanation.item.id + " ")
                        item.element("span", [("class", "why")], text: explanation.item.title)
                        return [
                            .markup(item.html),
                            HTMLCell(
                                "\(explanation.score.map { $0.formatted(scale: places) } ?? "未算出") / \(explanation.item.points.normalized)",
                                className: explanation.score == nil ? "fail" : nil),
                            .markup(reasonMarkup(explanation)),
                        ]
                    }, class: "reasons")
            }
            for reward in officer.rewards where reward.amount > .zero || reward.withheld {
                guard let rule = policy.rewards.first(where: { $0.id == reward.rewardID }) else { continue }
                let fund = policy.fund(withID: reward.fund)?.name ?? reward.fund
                var line = "奖励 \(rule.title)：\(money(reward.amount)) \(policy.money.currency)"
                let detail = rewardBreakdownText(reward)
                if !detail.isEmpty { line += "（\(detail)）" }
                line += "，从\(fund)列支" + (rule.clause.map { "；依据 \($0)" } ?? "")
                card.paragraph(line)
            }
            if !officer.failures.isEmpty {
                card.element("ul", [("class", "note-list fail")]) { list in
                    for failure in officer.failures {
                        list.element("li", text: failure.message + (failure.location.map { "（\($0)）" } ?? ""))
                    }
                }
            }
        }
        return out.html
    }

    /// Every item's score in a grid of ten to a row: the item number over its score.
    private func scoreGrid(_ explanations: [ItemExplanation]) -> String {
        let places = scorePlacesForHTML
        var out = HTMLWriter()
        out.element("table", [("class", "grid")]) { table in
            var start = 0
            while start < explanations.count {
                let chunk = explanations[start..<min(start + 10, explanations.count)]
                table.element("tr") { row in
                    for explanation in chunk {
                        row.element("th", [("scope", "col"), ("title", explanation.item.title)], text: explanation.item.id)
                    }
                }
                table.element("tr") { row in
                    for explanation in chunk {
                        let assessed = if case .assessed = explanation.basis { true } else { false }
                        row.element(
                            "td",
                            [
                                ("class", explanation.score == nil ? "fail" : (assessed ? nil : "derived")),
                                ("title", assessed ? "考核人打分" : "按规则计算，来由见下"),
                            ],
                            text: explanation.score.map { $0.formatted(scale: places) } ?? "未算出")
                    }
                }
                start += 10
            }
        }
        return out.html
    }

    /// The items once, before the cards: number, title, points, how scored, clause.
    private var itemLegend: [[HTMLCell]] {
        policy.items.map { item in
            let how: String
            if case .computed = item.scoring.method {
                how = item.scoring.conditions.isEmpty ? "按公式计算" : "按公式计算，有条件时另定"
            } else {
                how = item.scoring.conditions.isEmpty ? "考核人打分" : "考核人打分，有条件时另定"
            }
            return [
                HTMLCell(item.id), HTMLCell(item.title), HTMLCell(item.points.normalized.description), HTMLCell(how),
                HTMLCell(item.clause ?? ""),
            ]
        }
    }

    /// Why an item scored what it did, as `explain` says it, for the card's last column.
    func reasonMarkup(_ explanation: ItemExplanation) -> String {
        let places = scorePlacesForHTML
        var out = HTMLWriter()
        switch explanation.basis {
        case .assessed(_, let location):
            out.element("span", [("title", location?.description)], text: "考核人打分")
        case .computed(let formula, let exact, let roundingChanged):
            out.text("按公式 ")
            out.element("code", text: formula ?? "")
            out.text(" = \(exact.normalized.description)")
            if roundingChanged, let score = explanation.score {
                out.text(" → \(score.formatted(scale: places))（\(policy.scoring.rounding.chineseWord)到 \(places) 位小数）")
            }
        case .condition(let when, let score, let reason):
            out.text("条件成立：")
            out.element("code", text: when)
            out.text(" → 得 \(score) 分")
            if let reason { out.text("（\(reason)）") }
        case .notComputed:
            out.element("span", [("class", "fail")], text: "未能计算，原因见下")
        }
        if !explanation.inputs.isEmpty {
            out.element("div", [("class", "why")], text: "用到：" + explanation.inputTexts.joined(separator: "，"))
        }
        if case .assessed = explanation.basis {
        } else {
            out.element("div", [("class", "why")], text: explanation.basisLine)
        }
        return out.html
    }
}
