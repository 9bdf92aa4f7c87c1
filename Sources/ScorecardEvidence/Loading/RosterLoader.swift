import ScorecardBase
import ScorecardRules

/// Reads the roster (`officers.csv`): who serves in which area, whom they report to, how they
/// were chosen and trained. Headers may be the ids below or their Chinese names.
public enum RosterLoader {
    /// Column id, Chinese names accepted, required.
    static let columns: [(id: String, names: [String], required: Bool)] = [
        ("officer", ["工号", "联系员编号", "编号"], true),
        ("name", ["姓名"], true),
        ("unit", ["单位", "区队", "科区"], true),
        ("area", ["责任片区", "班次"], true),
        ("manager_role", ["管理者类别"], false),
        ("manager", ["管理者", "汇报对象"], false),
        ("selection", ["选配方式", "产生方式"], false),
        ("reason", ["指定理由", "理由"], false),
        ("trained_on", ["培训日期"], false),
        ("from", ["任职日期", "起始日期"], false),
        ("until", ["离任日期", "截止日期"], false),
    ]

    public static func load(from source: inout some EvidenceRowSource & ~Copyable, file: String) -> (roster: Roster, problems: [Diagnostic]) {
        var problems: [Diagnostic] = []
        var columnOf: [String: Int] = [:]
        for (index, cell) in source.header.enumerated() {
            let title = cell.text.trimmedForEvidence
            if title.isEmpty { continue }
            if let column = columns.first(where: { $0.id == title || $0.names.contains(title) }) {
                if columnOf[column.id] != nil {
                    problems.append(.error("evidence.duplicate-column", "名册的\(MessageText.quoted(title))列重复了", at: cell.location))
                }
                columnOf[column.id] = index
            } else {
                // A near miss of a known column is a typo that would lose data: an error. Anything
                // else is a note the office keeps beside the roster (备注…): a warning that it is unused.
                let all = columns.flatMap { [$0.id] + $0.names }
                if let suggestion = NameSuggestion.closest(to: title, among: all) {
                    problems.append(.error(
                        "evidence.unknown-column", "名册中没有\(MessageText.quoted(title))这一列", hint: "是否想写“\(suggestion)”？", at: cell.location))
                } else {
                    problems.append(.warning(
                        "evidence.unused-column", "名册中的\(MessageText.quoted(title))列不会被使用",
                        hint: "名册用到的列：\(columns.map(\.id).joined(separator: "、"))", at: cell.location))
                }
            }
        }
        let headerLocation = source.header.first?.location ?? SourceLocation(file: file, line: 1, column: 1)
        for column in columns where column.required && columnOf[column.id] == nil {
            problems.append(.error(
                "evidence.missing-column", "名册缺少“\(column.id)”（\(column.names[0])）这一列", hint: "在第一行表头加上这一列", at: headerLocation))
        }
        guard columns.allSatisfy({ !$0.required || columnOf[$0.id] != nil }) else {
            return (Roster(officers: []), problems)
        }

        var officers: [Officer] = []
        // Each id's index in `officers`, which becomes the roster's own index; a cell's place
        // is worked out only for a duplicate.
        var firstRow: [String: Int] = [:]
        // Column positions looked up once, not per row and cell.
        let position = columns.map { columnOf[$0.id] }
        let required = columns.indices.filter { columns[$0].required }
        let (officerAt, nameAt, unitAt, areaAt) = (position[0], position[1], position[2], position[3])
        let (managerRoleAt, managerAt, selectionAt, reasonAt) = (position[4], position[5], position[6], position[7])
        let (trainedOnAt, fromAt, untilAt) = (position[8], position[9], position[10])
        var droppedRows: [String: SourceLocation] = [:]
        func noteDropped(_ dropped: [DroppedRow]) {
            for lost in dropped {
                guard let officerAt, let id = lost.row.text(at: officerAt)?.trimmedForEvidence, !id.isEmpty,
                      firstRow[id] == nil, droppedRows[id] == nil, let place = lost.problem.location else { continue }
                droppedRows[id] = place
            }
        }
        while let row = source.nextRow(problems: &problems) {
            noteDropped(source.takeDroppedRows())
            func text(_ index: Int?) -> String? {
                guard let index, let cellText = row.text(at: index) else { return nil }
                let value = cellText.trimmedForEvidence
                return value.isEmpty ? nil : value
            }
            func location(_ index: Int?) -> SourceLocation {
                guard let index else { return row.location }
                return row.location(at: index)
            }
            func date(_ index: Int?) -> LocalDate? {
                guard let value = text(index) else { return nil }
                if let date = LocalDate(value) { return date }
                problems.append(.error("evidence.bad-value", "名册中的日期\(MessageText.quoted(value))无法识别", hint: "按“年-月-日”填写，如 2025-03-31", at: location(index)))
                return nil
            }
            var missing: Diagnostic?
            for column in required where text(position[column]) == nil {
                let problem = Diagnostic.error("evidence.missing-value", "名册这一行没有填写“\(columns[column].names[0])”", at: location(position[column]))
                problems.append(problem)
                if missing == nil { missing = problem }
            }
            guard missing == nil, let id = text(officerAt), let name = text(nameAt), let unit = text(unitAt), let area = text(areaAt) else {
                if let missing { noteDropped([DroppedRow(row: row, problem: missing)]) }
                continue
            }
            if let earlier = firstRow[id].map({ officers[$0].location(ofColumn: "officer") }) {
                problems.append(.error(
                    "evidence.duplicate-officer", "名册中工号\(MessageText.quoted(id))出现了两次", hint: "每名联系员在名册中只登记一行",
                    at: location(officerAt), notes: [.init("第一次在这里", at: earlier)]))
                continue
            }
            firstRow[id] = officers.count
            let officer = Officer(
                id: id, name: name, unit: unit, area: area, managerRole: text(managerRoleAt), manager: text(managerAt),
                selection: text(selectionAt), reason: text(reasonAt), trainedOn: date(trainedOnAt), from: date(fromAt),
                until: date(untilAt), location: row.location, row: row, columns: columnOf)
            if let from = officer.from, let until = officer.until, until < from {
                problems.append(.error("evidence.bad-dates", "联系员 \(id) 的离任日期早于任职日期", at: location(untilAt)))
            }
            officers.append(officer)
        }
        noteDropped(source.takeDroppedRows())
        var roster = Roster(officers: officers, index: firstRow)
        // A row dropped before a later row of the same id was kept is no echo: the id is there.
        roster.droppedRows = droppedRows.filter { firstRow[$0.key] == nil }
        return (roster, problems)
    }
}
