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

    /// Rows packed before the packed roster makes room for the whole file at once.
    static let sampleRows = 4096

    /// The roster as far as it could be read; its problems go to `sink`.
    public static func load(from source: inout some EvidenceRowSource & ~Copyable, file: String, sink: inout DiagnosticSink) -> Roster {
        var columnOf: [String: Int] = [:]
        for (index, cell) in source.header.enumerated() {
            let title = cell.text.trimmedForEvidence
            if title.isEmpty { continue }
            if let column = columns.first(where: { $0.id == title || $0.names.contains(title) }) {
                if columnOf[column.id] != nil {
                    sink.append(EvidenceMessages.duplicateRosterColumn(title, at: cell.location))
                }
                columnOf[column.id] = index
            } else {
                // A near miss of a known column is a typo that would lose data: an error. Anything
                // else is a note the office keeps beside the roster (备注…): a warning that it is unused.
                let all = columns.flatMap { [$0.id] + $0.names }
                if let suggestion = NameSuggestion.closest(to: title, among: all) {
                    sink.append(EvidenceMessages.unknownRosterColumn(title, suggestion: suggestion, at: cell.location))
                } else {
                    sink.append(EvidenceMessages.unusedRosterColumn(title, used: columns.map(\.id), at: cell.location))
                }
            }
        }
        let headerLocation = source.header.first?.location ?? SourceLocation(file: file, line: 1, column: 1)
        for column in columns where column.required && columnOf[column.id] == nil {
            sink.append(EvidenceMessages.missingRosterColumn(column.id, name: column.names[0], at: headerLocation))
        }
        guard columns.allSatisfy({ !$0.required || columnOf[$0.id] != nil }) else {
            return Roster(officers: [])
        }

        var officers: [Officer] = []
        // A roster file is packed (a hundred bytes an officer, not a kilobyte); officers from
        // other sources (a workbook) are kept as they are.
        var packed = PackedRosterBuilder()
        var packing: Bool?
        // Each id's index in `officers`, which becomes the roster's own index; a cell's place
        // is worked out only for a duplicate.
        var firstRow: [String: Int] = [:]
        // Duplicates of packed officers: the first row's cell is found once the roster is packed.
        var duplicates: [(id: String, first: Int, at: SourceLocation)] = []
        // Column positions looked up once, not per row and cell.
        let position = columns.map { columnOf[$0.id] }
        let required = columns.indices.filter { columns[$0].required }
        let (officerAt, nameAt, unitAt, areaAt) = (position[0], position[1], position[2], position[3])
        let (managerRoleAt, managerAt, selectionAt, reasonAt) = (position[4], position[5], position[6], position[7])
        let (trainedOnAt, fromAt, untilAt) = (position[8], position[9], position[10])
        var droppedRows: [String: SourceLocation] = [:]
        // While packing, the packed ids are the index; `firstRow` is kept only unpacked.
        func known(_ id: String) -> Int? { packing == false ? firstRow[id] : packed.index(ofID: id) }
        func noteDropped(_ dropped: [DroppedRow]) {
            for lost in dropped {
                guard let officerAt, let id = lost.row.text(at: officerAt)?.trimmedForEvidence, !id.isEmpty,
                    known(id) == nil, droppedRows[id] == nil, let place = lost.problem.location
                else { continue }
                droppedRows[id] = place
            }
        }
        var plainRanges: [Range<Int>] = []
        let fileSize = FileSystem.size(of: file)
        while let row = source.nextRow(problems: &sink) {
            noteDropped(source.takeDroppedRows())
            // A plain row (every cell as it stands, dates as YYYY-MM-DD, a new id) is packed
            // from its bytes; any other row is read below, which words its problems.
            if packing != false, let raw = row.csvRecord,
                packPlain(raw, positions: position, into: &packed, ranges: &plainRanges)
            {
                packing = true
                if packed.entries.count == Self.sampleRows, raw.offset > 0, let size = fileSize {
                    // The rows so far tell how many the file holds, about; never more than a
                    // packed row's least bytes (four cells, three commas, a line end) allow.
                    let estimate = (Double(size) / Double(raw.offset) * Double(Self.sampleRows)).rounded(.up)
                    packed.reserve(officers: min(Int(min(estimate, Double(Int32.max))), size / 8))
                }
                continue
            }
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
                sink.append(EvidenceMessages.badRosterDate(value, at: location(index)))
                return nil
            }
            var missing: Diagnostic?
            for column in required where text(position[column]) == nil {
                let problem = EvidenceMessages.missingRosterValue(columns[column].names[0], at: location(position[column]))
                sink.append(problem)
                if missing == nil { missing = problem }
            }
            guard missing == nil, let id = text(officerAt), let name = text(nameAt), let unit = text(unitAt), let area = text(areaAt) else {
                if let missing { noteDropped([DroppedRow(row: row, problem: missing)]) }
                continue
            }
            if let first = known(id) {
                if packing == true {
                    duplicates.append((id, first, location(officerAt)))
                } else {
                    sink.append(
                        EvidenceMessages.duplicateOfficer(id, at: location(officerAt), first: officers[first].location(ofColumn: "officer"))
                    )
                }
                continue
            }
            let (trainedOn, from, until) = (date(trainedOnAt), date(fromAt), date(untilAt))
            if let from, let until, until < from {
                sink.append(EvidenceMessages.leftBeforeStarting(id, at: location(untilAt)))
            }
            if packing == nil { packing = row.decodedOffset != nil }
            if packing == true, let offset = row.decodedOffset {
                let texts = [id, name, unit, area, text(managerRoleAt), text(managerAt), text(selectionAt), text(reasonAt)]
                if packed.add(texts: texts, trainedOn: trainedOn, from: from, until: until, line: row.location.line, rowOffset: offset) {
                    continue
                }
                // A value too long to pack: what is packed so far is not lost, only this roster is kept unpacked.
                packing = false
                let built = packed.build(file: file, columns: columnOf, offsetShift: source.decodedOffsetShift)
                officers = (0..<built.count).map { Officer(packed: built, index: $0) }
                for index in 0..<built.count { firstRow[built.text(.id, of: index)] = index }
            }
            firstRow[id] = officers.count
            officers.append(
                Officer(
                    id: id, name: name, unit: unit, area: area, managerRole: text(managerRoleAt), manager: text(managerAt),
                    selection: text(selectionAt), reason: text(reasonAt), trainedOn: trainedOn, from: from,
                    until: until, location: row.location, row: row, columns: columnOf))
        }
        noteDropped(source.takeDroppedRows())
        if packing == true {
            let built = packed.build(file: file, columns: columnOf, offsetShift: source.decodedOffsetShift)
            for duplicate in duplicates {
                let earlier =
                    officerAt.map { built.location(ofColumn: $0, of: duplicate.first) }
                    ?? SourceLocation(file: file, line: Int(built.entries[duplicate.first].line), column: 1)
                sink.append(EvidenceMessages.duplicateOfficer(duplicate.id, at: duplicate.at, first: earlier))
            }
            var roster = Roster(packed: built)
            roster.droppedRows = droppedRows.filter { packed.index(ofID: $0.key) == nil }
            return roster
        }
        var roster = Roster(officers: officers, index: firstRow)
        // A row dropped before a later row of the same id was kept is no echo: the id is there.
        roster.droppedRows = droppedRows.filter { firstRow[$0.key] == nil }
        return roster
    }
}
