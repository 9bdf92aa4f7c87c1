import ScorecardBase
import ScorecardEvaluation

extension ImpactReport {
    /// The terminal section: funds, grade movements, the officers who changed, then the notes.
    package func text() -> String {
        var out = heading + "\n" + versionsLine + "\n\n"
        guard impact.officersCompared > 0 else {
            out += "两个版本没有都能算出结果的联系员，无法比较。\n"
            return out + notesText()
        }

        var funds = TextTable(columns: [
            .init("经费"), .init(ImpactSide.old.word, alignment: .right), .init(ImpactSide.new.word, alignment: .right),
            .init("变化", alignment: .right),
        ])
        var deltas: [(plain: String, colored: String)] = []
        for fund in impact.funds {
            funds.addRow([fund.fund.name, money(fund.amount.old), money(fund.amount.new), signedMoney(fund.amount.delta)])
            deltas.append(colored(signedMoney(fund.amount.delta), Self.direction(of: fund.amount.delta)))
        }
        if impact.funds.count > 1 {
            let total = impact.rewardTotal
            funds.addRow(["合计", money(total.old), money(total.new), signedMoney(total.delta)])
            deltas.append(colored(signedMoney(total.delta), Self.direction(of: total.delta)))
        }
        if !impact.funds.isEmpty {
            out += "按经费（\(impact.currency)）\n" + paintLastColumn(funds.render(), deltas) + "\n"
        }

        out += gradeLine + "\n"
        for movement in impact.gradeMovements { out += "  " + movementText(movement, colored: true) + "\n" }
        out += "\n" + changedLine + "\n"

        if !impact.changes.isEmpty {
            var table = TextTable(columns: [
                .init("工号"), .init("姓名"), .init("单位"), .init("总分 旧→新", alignment: .right), .init("等级 旧→新"),
                .init("奖励 旧→新", alignment: .right), .init("变化"),
            ])
            var cells: [(plain: String, colored: String)] = []
            for change in impact.changes {
                let parts = changeParts(change)
                table.addRow([
                    change.officer.id, change.officer.name, change.officer.unit,
                    fromTo(score(change.total.old), score(change.total.new)), gradeCell(change.grade),
                    fromTo(money(change.reward.old), money(change.reward.new)), parts.map(\.text).joined(separator: "，"),
                ])
                cells.append((parts.map(\.text).joined(separator: "，"), parts.map { paint($0.text, $0.direction) }.joined(separator: "，")))
            }
            out += paintLastColumn(table.render(), cells)
        }
        return out + notesText()
    }

    private func notesText() -> String {
        guard !impact.notes.isEmpty else { return "" }
        return "\n说明\n" + impact.notes.map { "  - " + message($0) + "\n" }.joined()
    }

    private func colored(_ text: String, _ direction: GradeDirection) -> (plain: String, colored: String) {
        (text, paint(text, direction))
    }

    /// Colours the last column of a rendered table. `TextTable` measures escape codes as
    /// printable text, so colour goes in after the columns are laid out: the last cell of each
    /// row is the end of its line (trailing spaces are trimmed), and only it is replaced.
    private func paintLastColumn(_ rendered: String, _ cells: [(plain: String, colored: String)]) -> String {
        var lines = rendered.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, cell) in cells.enumerated() where !cell.plain.isEmpty && cell.plain != cell.colored {
            let line = index + 2 // after the header and the rule
            guard line < lines.count, lines[line].hasSuffix(cell.plain) else { continue }
            lines[line] = String(lines[line].dropLast(cell.plain.count)) + cell.colored
        }
        return lines.joined(separator: "\n")
    }
}
