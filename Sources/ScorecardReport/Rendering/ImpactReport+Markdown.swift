import ScorecardEvaluation

extension ImpactReport {
    /// For a revision proposal: a heading, the fund table, the grade movements, the officers
    /// who changed and the notes, in GitHub-flavoured Markdown. Never coloured.
    package func markdown() -> String {
        var out = "## \(heading)\n\n\(versionsLine)\n\n"
        guard impact.officersCompared > 0 else {
            return out + "两个版本没有都能算出结果的联系员，无法比较。\n" + notesMarkdown()
        }
        if !impact.funds.isEmpty {
            out += "### 按经费（\(impact.currency)）\n\n| 经费 | 旧版本 | 新版本 | 变化 |\n|---|---:|---:|---:|\n"
            for fund in impact.funds {
                out += row([fund.fund.name, money(fund.amount.old), money(fund.amount.new), signedMoney(fund.amount.delta)])
            }
            if impact.funds.count > 1 {
                let total = impact.rewardTotal
                out += row(["**合计**", money(total.old), money(total.new), signedMoney(total.delta)])
            }
            out += "\n"
        }
        out += "### 等级变化\n\n"
        out +=
            impact.gradeMovements.isEmpty
            ? gradeLine + "\n"
            : impact.gradeMovements.map { "- " + movementText($0, colored: false) + "\n" }.joined()
        out += "\n### 结果有变化的联系员\n\n" + changedLine + (impact.changes.isEmpty ? "\n" : "。\n")
        if !impact.changes.isEmpty {
            out += "\n| 工号 | 姓名 | 单位 | 总分 旧→新 | 等级 旧→新 | 奖励 旧→新 | 变化 |\n|---|---|---|---:|---|---:|---|\n"
            for change in impact.changes {
                out += row([
                    change.officer.id, change.officer.name, change.officer.unit,
                    fromTo(score(change.total.old), score(change.total.new)), gradeCell(change.grade),
                    fromTo(money(change.reward.old), money(change.reward.new)), changeParts(change).map(\.text).joined(separator: "，"),
                ])
            }
        }
        return out + notesMarkdown()
    }

    private func notesMarkdown() -> String {
        guard !impact.notes.isEmpty else { return "" }
        return "\n### 说明\n\n" + impact.notes.map { "- " + Self.escaped(message($0)) + "\n" }.joined()
    }

    private func row(_ cells: [String]) -> String { "| " + cells.map(Self.escaped).joined(separator: " | ") + " |\n" }

    /// A `|` would end a table cell, and `*`, `_` or a backquote in a name would turn on emphasis or code.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "|*_`\\".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }
}
