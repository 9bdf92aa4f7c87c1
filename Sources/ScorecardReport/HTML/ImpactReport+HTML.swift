import ScorecardBase
import ScorecardEvaluation

extension ImpactReport {
    /// The impact as a section of the diff's page: the funds before and after, the grade
    /// movements, who changes and by how much (largest first), and what to know about the
    /// figures. Never coloured by ANSI codes: the page's own classes mark rises and falls.
    package func html() -> String {
        var out = HTMLWriter()
        out.element("section", [("id", "impact"), ("class", "page")]) { section in
            section.heading(2, heading)
            section.paragraph(versionsLine, class: "version")
            guard impact.officersCompared > 0 else {
                section.paragraph("两个版本没有都能算出结果的联系员，无法比较。")
                notes(&section)
                return
            }
            let total = impact.rewardTotal
            section.figures([
                ("对比的联系员", "\(impact.officersCompared) 名", nil),
                ("结果有变化", "\(impact.changes.count) 名", "其余 \(impact.unchangedCount) 名不变"),
                (
                    "等级变化", "\(impact.gradeMovements.reduce(0) { $0 + $1.count }) 名",
                    "升 \(impact.gradeChanges(.up)) 名，降 \(impact.gradeChanges(.down)) 名"
                ),
                ("奖励合计（旧版本）", money(total.old), impact.currency),
                ("奖励合计（新版本）", money(total.new), "\(signedMoney(total.delta)) \(impact.currency)"),
            ])
            if !impact.funds.isEmpty {
                section.heading(3, "按经费（\(impact.currency)）")
                var rows: [[HTMLCell]] = impact.funds.map { fund in
                    [
                        HTMLCell(fund.fund.name), HTMLCell(money(fund.amount.old)), HTMLCell(money(fund.amount.new)),
                        deltaCell(signedMoney(fund.amount.delta), fund.amount.delta),
                    ]
                }
                if impact.funds.count > 1 {
                    rows.append([
                        HTMLCell.rowHeader("合计"), HTMLCell(money(total.old)), HTMLCell(money(total.new)),
                        deltaCell(signedMoney(total.delta), total.delta),
                    ])
                }
                section.table(
                    [
                        HTMLColumn("经费"), HTMLColumn(ImpactSide.old.word, numeric: true), HTMLColumn(ImpactSide.new.word, numeric: true),
                        HTMLColumn("变化", numeric: true),
                    ], rows: rows)
                let largest = impact.funds.flatMap { [$0.amount.old, $0.amount.new] }.max() ?? .zero
                section.raw(
                    SVGChart.bars(
                        impact.funds.flatMap { fund in
                            [
                                SVGChart.Bar(
                                    label: "\(fund.fund.name) 旧", permille: SVGChart.permille(fund.amount.old, of: largest),
                                    value: money(fund.amount.old), className: "bx"),
                                SVGChart.Bar(
                                    label: "\(fund.fund.name) 新", permille: SVGChart.permille(fund.amount.new, of: largest),
                                    value: money(fund.amount.new), className: "b1"),
                            ]
                        }, title: "各经费在两个版本下的金额", labelWidth: 150))
                section.newline()
            }
            section.heading(3, "等级变化")
            if impact.gradeMovements.isEmpty {
                section.paragraph(gradeLine)
            } else {
                section.table(
                    [HTMLColumn("旧等级"), HTMLColumn("新等级"), HTMLColumn("人数", numeric: true), HTMLColumn("方向")],
                    rows: impact.gradeMovements.map { movement in
                        [
                            HTMLCell(movement.from), HTMLCell(movement.to), HTMLCell(String(movement.count)),
                            HTMLCell(Self.directionWord(movement.direction), className: Self.className(movement.direction)),
                        ]
                    })
            }
            if !impact.gradeCounts.isEmpty {
                section.table(
                    [HTMLColumn("等级"), HTMLColumn("旧版本人数", numeric: true), HTMLColumn("新版本人数", numeric: true)],
                    rows: impact.gradeCounts.map { [HTMLCell($0.grade), HTMLCell(String($0.old)), HTMLCell(String($0.new))] },
                    caption: "各等级人数")
            }
            section.heading(3, "结果有变化的联系员")
            section.paragraph(changedLine + (impact.changes.isEmpty ? "" : "。"))
            if !impact.changes.isEmpty {
                section.table(
                    [
                        HTMLColumn("工号"), HTMLColumn("姓名"), HTMLColumn("单位"), HTMLColumn("总分 旧→新", numeric: true),
                        HTMLColumn("等级 旧→新"), HTMLColumn("奖励 旧→新", numeric: true), HTMLColumn("变化"),
                    ],
                    rows: impact.changes.map { change in
                        var parts = HTMLWriter()
                        for (index, part) in changeParts(change).enumerated() {
                            if index > 0 { parts.text("，") }
                            parts.element("span", [("class", Self.className(part.direction))], text: part.text)
                        }
                        return [
                            HTMLCell(change.officer.id), HTMLCell(change.officer.name), HTMLCell(change.officer.unit),
                            HTMLCell(fromTo(score(change.total.old), score(change.total.new)), sortKey: change.total.delta.description),
                            HTMLCell(gradeCell(change.grade)),
                            HTMLCell(fromTo(money(change.reward.old), money(change.reward.new)), sortKey: change.reward.delta.description),
                            .markup(parts.html),
                        ]
                    }, sortable: true)
            }
            notes(&section)
        }
        out.newline()
        return out.html
    }

    private func notes(_ section: inout HTMLWriter) {
        guard !impact.notes.isEmpty else { return }
        section.heading(3, "说明")
        section.element("ul", [("class", "note-list")]) { list in
            for note in impact.notes { list.element("li", text: message(note)) }
        }
    }

    private func deltaCell(_ text: String, _ delta: ExactDecimal) -> HTMLCell {
        HTMLCell(text, className: Self.className(Self.direction(of: delta)))
    }

    static func className(_ direction: GradeDirection) -> String? {
        switch direction {
        case .up: "up"
        case .down: "down"
        case .same, .unordered: nil
        }
    }
}

extension DiffReport {
    /// A revision proposal as one self-contained page: both versions, every change in policy
    /// terms with its clause and places, then the impact on a quarter's real results.
    package func html() -> String {
        var out = HTMLWriter()
        let title = "规则修订对照：\(old.version) → \(new.version)"
        out.element("header", [("class", "cover")]) { header in
            header.heading(1, title)
            header.paragraph("\(new.name)：比较 \(old.label) 与 \(new.label)", class: "sub")
        }
        out.newline()
        out.element("section", [("id", "changes")]) { section in
            section.heading(2, "两个版本")
            section.table(
                [HTMLColumn(""), HTMLColumn("旧版本"), HTMLColumn("新版本")],
                rows: [
                    [HTMLCell.rowHeader("规则"), HTMLCell(old.label), HTMLCell(new.label)],
                    [HTMLCell.rowHeader("版本"), HTMLCell(old.version), HTMLCell(new.version)],
                    [HTMLCell.rowHeader("生效日期"), HTMLCell(old.effective.description), HTMLCell(new.effective.description)],
                    [HTMLCell.rowHeader("文件"), HTMLCell(Self.filesText(old.files)), HTMLCell(Self.filesText(new.files))],
                ])
            for note in old.notes + new.notes { section.paragraph("注：\(note)", class: "muted") }
            section.heading(2, "政策上的变化")
            section.paragraph(
                changes.isEmpty
                    ? Self.noChange + "（重新排序、改变格式、锚点与合并键的写法都不算变化）。"
                    : "共 \(changes.count) 处变化：" + groups.map { "\($0.group.title) \($0.changes.count)" }.joined(separator: "，") + "。")
            for (group, inGroup) in groups {
                section.heading(3, "\(group.title)（\(inGroup.count)）")
                section.table(
                    [HTMLColumn(""), HTMLColumn("变化"), HTMLColumn("旧"), HTMLColumn("新"), HTMLColumn("条款"), HTMLColumn("出处")],
                    rows: inGroup.map { change in
                        let sign =
                            switch change.action {
                            case .added: "+";
                            case .removed: "−";
                            case .changed: "~"
                            }
                        var what = HTMLWriter()
                        what.text(change.summary)
                        what.element("div", [("class", "why")]) { $0.element("code", text: change.path) }
                        return [
                            HTMLCell(sign, className: change.action == .added ? "up" : change.action == .removed ? "down" : nil),
                            .markup(what.html), .markup(Self.codeMarkup(change.old)), .markup(Self.codeMarkup(change.new)),
                            HTMLCell(change.clause ?? "—"), HTMLCell(Self.places(change), className: "why"),
                        ]
                    })
            }
        }
        out.newline()
        if !changes.isEmpty {
            if let impact {
                out.raw(impact.html)
            } else if let impactNote {
                out.element("section", [("id", "impact"), ("class", "page")]) { section in
                    section.heading(2, "对考核结果的影响")
                    section.paragraph(impactNote)
                }
                out.newline()
            }
        }
        out.element("footer") { footer in
            footer.paragraph("由 scorecard \(ScorecardVersion.current) 生成；同样的规则和证据总是得出同样的报告。")
        }
        out.newline()
        return HTMLPage(title: title, body: out.html).rendered()
    }

    private static func codeMarkup(_ text: String?) -> String {
        var out = HTMLWriter()
        if let text { out.element("code", text: text) } else { out.text("—") }
        return out.html
    }
}
