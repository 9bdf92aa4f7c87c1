import ScorecardBase
import ScorecardExpression
import ScorecardRules

/// Binds rows of a quarter's tables to officers' records, checking every value against the
/// rules: unknown officers and columns, types and ranges, duplicates, dates outside the quarter.
/// Every problem is collected; nothing stops at the first.
public struct RecordBinder: Sendable {
    public let policy: Policy
    public let roster: Roster
    public let quarter: Quarter
    /// What binding found, in file order.
    private(set) var found = DiagnosticSink()
    public var problems: [Diagnostic] { found.diagnostics }

    /// Records kept by the collecting form of `bindRecords` (tests, small front ends); the
    /// streaming form hands each record on and keeps none.
    private var collected: [OfficerRecord] = []
    /// For each roster position, the line of the officer's record row (0: none yet): enough to
    /// find a duplicate and point at the first row, without keeping a string per officer.
    var recordLines: [UInt32]
    /// The file of the record rows `recordLines` counts in.
    private var recordFile = ""
    /// Officers with a problem in any of their rows: left out of a partial run, and never also
    /// reported as having no record (they have one).
    public private(set) var rejected: Set<String> = []
    /// Officers rejected after their record was handed on (a second row for the same officer):
    /// a streaming caller that kept their result must take it back out.
    public private(set) var rejectedAfterHandover: Set<String> = []
    /// Whether a record table with an officer column was read. Without one nobody is reported
    /// as missing a record: the table's own problem (absent, ambiguous, no officer column) says why.
    private var readRecordTable = false
    /// Every list's rows, packed, by roster position (`PackedLists`).
    private var lists: PackedLists
    /// Unknown officer ids given a "did you mean" so far (see `suggestionLimit`).
    private var suggestionsMade = 0
    static let suggestionLimit = 200

    public init(policy: Policy, roster: Roster, quarter: Quarter) {
        self.policy = policy
        self.roster = roster
        self.quarter = quarter
        self.recordLines = Array(repeating: 0, count: roster.officers.count)
        self.lists = PackedLists(
            officers: roster.officers.count,
            interned: policy.evidence.lists.map { $0.fields.map { $0.type.choices != nil } }, kept: policy.keptListFields)
    }

    /// The main table, kept: one row per officer, one column per field. Lists may be bound
    /// before or after; `finish` attaches them.
    public mutating func bindRecords(from source: inout some EvidenceRowSource & ~Copyable, file: String) {
        var kept: [OfficerRecord] = []
        bindRows(from: &source, file: file, attachLists: false) { kept.append($0) }
        collected += kept
    }

    /// The main table, streamed: each sound record is handed to `body` as soon as it is bound,
    /// with its lists attached, and none is kept. Bind the lists first.
    public mutating func bindRecords(
        from source: inout some EvidenceRowSource & ~Copyable, file: String, each body: (OfficerRecord) -> Void
    ) {
        bindRows(from: &source, file: file, attachLists: true, body)
    }

    /// Maps the record table's header to the fields once, for every part of the table; its
    /// problems are this binder's.
    mutating func mapRecordHeader(_ header: [EvidenceCell], file: String) -> ColumnMapping {
        ColumnMapping(header: header, fields: policy.evidence.fields, file: file, problems: &found)
    }

    /// Problems met reading a part's file (its bytes, not its values).
    mutating func add(_ more: [Diagnostic]) { found.append(contentsOf: more) }

    /// A binder for one part of the record table, read at the same time as the others: it
    /// shares this binder's lists and starts with no problems of its own. Join the parts back
    /// with `join(_:)`, in file order.
    public func part() -> RecordBinder {
        var part = self
        part.found = DiagnosticSink()
        return part
    }

    /// The rows of one part of the record table (its header mapped already), streamed.
    /// With `plain`, a row that is plain (see `PlainRecords`) goes to `plainRow` instead, as
    /// fixed-point numbers; a row it declines, and every other row, is bound as usual.
    mutating func bindRecordPart(
        from source: inout some EvidenceRowSource & ~Copyable, header: [EvidenceCell], mapping: ColumnMapping,
        file: String, plain: PlainRecords? = nil, plainRow: PlainRecords.Body = { _, _ in false }, each body: (OfficerRecord) -> Void
    ) {
        bindRows(from: &source, header: header, mapping: mapping, file: file, attachLists: true, plain: plain, plainRow: plainRow, body)
    }

    /// Takes in the parts bound from this binder (`part()`), in file order: their problems,
    /// their rejections, and the records they saw, reporting an officer with rows in two parts
    /// as any second row is reported.
    public mutating func join(_ parts: [RecordBinder]) {
        for part in parts {
            found.append(contentsOf: part.problems)
            rejected.formUnion(part.rejected)
            rejectedAfterHandover.formUnion(part.rejectedAfterHandover)
            readRecordTable = readRecordTable || part.readRecordTable
            if recordFile.isEmpty { recordFile = part.recordFile }
            for position in part.recordLines.indices where part.recordLines[position] != 0 {
                guard recordLines[position] != 0 else {
                    recordLines[position] = part.recordLines[position]
                    continue
                }
                let officer = roster.officers[position]
                found.append(
                    EvidenceMessages.duplicateRecord(
                        officer, at: SourceLocation(file: part.recordFile, line: Int(part.recordLines[position]), column: 1),
                        first: SourceLocation(file: recordFile, line: Int(recordLines[position]), column: 1)))
                // Both rows may have been handed on, each part taking its own for the first.
                rejectedAfterHandover.insert(officer.id)
                rejected.insert(officer.id)
            }
        }
    }

    private mutating func bindRows(
        from source: inout some EvidenceRowSource & ~Copyable, file: String, attachLists: Bool, _ body: (OfficerRecord) -> Void
    ) {
        let header = source.header
        let mapping = mapRecordHeader(header, file: file)
        bindRows(from: &source, header: header, mapping: mapping, file: file, attachLists: attachLists, body)
    }

    private mutating func bindRows(
        from source: inout some EvidenceRowSource & ~Copyable, header: [EvidenceCell], mapping: ColumnMapping,
        file: String, attachLists: Bool, plain: PlainRecords? = nil, plainRow: PlainRecords.Body = { _, _ in false },
        _ body: (OfficerRecord) -> Void
    ) {
        let fields = policy.evidence.fields
        guard let officerColumn = mapping.keyColumn else { return }
        readRecordTable = true
        recordFile = file
        let layout = policy.layout
        defer { rejectDropped(source.takeDroppedRows(), officerColumn: officerColumn) }
        var plainValues = [Int64](repeating: 0, count: plain?.fields.count ?? 0)
        while let row = source.nextRow(problems: &found) {
            rejectDropped(source.takeDroppedRows(), officerColumn: officerColumn)
            if let plain, let raw = row.csvRecord,
                bindPlain(
                    raw, plain, headerCount: header.count, mapping: mapping, officerColumn: officerColumn, values: &plainValues, plainRow)
            {
                continue
            }
            let short = reportIfShort(row, header: header)
            guard let (officer, position) = officer(in: row, column: officerColumn, nameColumn: mapping.nameColumn) else { continue }
            if short { rejected.insert(officer.id) }
            if recordLines[position] != 0 {
                found.append(
                    EvidenceMessages.duplicateRecord(
                        officer, at: row.location, first: SourceLocation(file: recordFile, line: Int(recordLines[position]), column: 1)))
                if !rejected.contains(officer.id) && attachLists { rejectedAfterHandover.insert(officer.id) }
                rejected.insert(officer.id)
                continue
            }
            recordLines[position] = UInt32(truncatingIfNeeded: max(1, row.location.line))
            var slots = layout.emptySlots()
            var sound = !short && !rejected.contains(officer.id)
            for index in fields.indices {
                // The field is borrowed from the policy, not copied: a copy retains every one of its parts.
                guard let value = value(of: fields[index], column: mapping.fieldColumns[index], row: row, officer: officer) else {
                    rejected.insert(officer.id)
                    sound = false
                    continue
                }
                slots[layout.fieldsStart + index] = value
            }
            if attachLists {
                // Rejected officers are not handed on: a partial run leaves them out.
                guard sound else { continue }
                // Read, not removed: parts read at once share the lists.
                for listIndex in 0..<lists.listCount {
                    slots[layout.listsStart + listIndex] = .list(lists.rows(list: listIndex, officer: position))
                }
            }
            body(OfficerRecord(officer: officer, slots: slots, row: row, fieldColumns: mapping.fieldColumns))
        }
    }

    /// An itemised list (e.g. adopted suggestions): one row per item, with the officer's id.
    public mutating func bindList(_ list: EvidenceList, from source: inout some EvidenceRowSource & ~Copyable, file: String) {
        guard let listIndex = policy.evidence.lists.firstIndex(where: { $0.id == list.id }) else { return }
        let mapping = ColumnMapping(header: source.header, fields: list.fields, file: file, problems: &found)
        guard let officerColumn = mapping.keyColumn else { return }
        defer { rejectDropped(source.takeDroppedRows(), officerColumn: officerColumn) }
        while let row = source.nextRow(problems: &found) {
            rejectDropped(source.takeDroppedRows(), officerColumn: officerColumn)
            let short = reportIfShort(row, header: source.header)
            guard let (officer, position) = officer(in: row, column: officerColumn, nameColumn: mapping.nameColumn) else { continue }
            if short { rejected.insert(officer.id) }
            var values: [Value] = []
            var rowOK = true
            for (index, field) in list.fields.enumerated() {
                guard let value = value(of: field, column: mapping.fieldColumns[index], row: row, officer: officer) else {
                    rowOK = false
                    values.append(.missing)
                    continue
                }
                values.append(value)
            }
            guard rowOK else {
                rejected.insert(officer.id)
                continue
            }
            lists.append(values, list: listIndex, officer: position)
        }
    }

    /// Rows that could not be read still say whose they were, mostly: those officers are left
    /// out of a partial run (a lost suggestion would change a reward) and not reported as
    /// having no record (the lost row is the problem, reported already).
    private mutating func rejectDropped(_ dropped: [DroppedRow], officerColumn: Int) {
        for lost in dropped {
            guard let id = lost.row.text(at: officerColumn)?.trimmedForEvidence, roster.position(ofID: id) != nil else { continue }
            rejected.insert(id)
        }
    }

    /// Reports the officers serving in the quarter without a record. Call once, after every table.
    public mutating func reportMissingRecords() {
        guard readRecordTable else { return }
        for (position, officer) in roster.officers.enumerated()
        where recordLines[position] == 0 && officer.serves(in: quarter) && !rejected.contains(officer.id) {
            found.append(EvidenceMessages.missingRecord(officer, quarter: quarter))
        }
    }

    /// The quarter's valid records kept by the collecting `bindRecords`, in the order they were
    /// read, with their lists attached; officers serving in the quarter without a record are
    /// reported, and officers with a bad row are left out (see `rejected`), so a partial run
    /// evaluates only what is sound.
    public mutating func finish(files: [String]) -> QuarterEvidence {
        reportMissingRecords()
        // Lists are attached in place and the records handed over, not copied.
        for index in collected.indices {
            let position = roster.position(ofID: collected[index].officer.id)
            for listIndex in 0..<lists.listCount {
                let rows = position.map { lists.rows(list: listIndex, officer: $0) } ?? []
                collected[index].slots[policy.layout.listsStart + listIndex] = .list(rows)
            }
        }
        var result: [OfficerRecord] = []
        swap(&result, &collected)
        if !rejected.isEmpty { result.removeAll { rejected.contains($0.officer.id) } }
        return QuarterEvidence(quarter: quarter, records: result, files: files)
    }

    private mutating func officer(in row: EvidenceRow, column: Int, nameColumn: Int?) -> (Officer, position: Int)? {
        // A row too short to hold the officer's id was reported by `reportIfShort`.
        guard let text = row.text(at: column) else { return nil }
        let id = text.trimmedForEvidence
        if id.isEmpty {
            found.append(EvidenceMessages.missingOfficerID(at: row.location(at: column)))
            return nil
        }
        guard let position = roster.position(ofID: id) else {
            if let cause = roster.droppedRows[id] {
                found.append(DroppedRowEcho.diagnostic(id: id, at: row.location(at: column), cause: cause))
                return nil
            }
            // Each suggestion looks through the whole roster: only the first few unknown ids get
            // one, so a file of unknown ids against a large roster stays linear.
            let suggesting = suggestionsMade < Self.suggestionLimit
            suggestionsMade += 1
            let place = row.location(at: column)
            var problem = EvidenceMessages.unknownOfficer(id, at: place)
            if suggesting, let zeros = Self.leadingZeroHint(id, roster: roster) {
                problem.hint = zeros
            } else if suggesting {
                problem = problem.suggesting(NameSuggestion.closest(to: id, among: roster.officers.lazy.map(\.id)), replacing: place)
            }
            found.append(problem)
            return nil
        }
        let officer = roster.officers[position]
        if !officer.serves(in: quarter) {
            found.append(EvidenceMessages.notServing(officer, quarter: quarter, at: row.location(at: column)))
            return nil
        }
        if let nameColumn, let nameText = row.text(at: nameColumn) {
            let name = nameText.trimmedForEvidence
            if !name.isEmpty, name != officer.name {
                found.append(EvidenceMessages.nameMismatch(officer, written: name, at: row.location(at: nameColumn)))
                rejected.insert(officer.id)
                return nil
            }
        }
        return (officer, position)
    }

    /// `10533` where the roster has `010533` (or the other way round): Excel reads an id typed
    /// into a number column as a number and drops its leading zeros.
    static func leadingZeroHint(_ id: String, roster: Roster) -> String? {
        func digits(_ text: String) -> Bool { !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) } }
        guard digits(id) else { return nil }
        let stripped = id.drop { $0 == "0" }
        guard let match = roster.officers.first(where: { $0.id != id && digits($0.id) && $0.id.drop { $0 == "0" } == stripped }) else {
            return nil
        }
        let fix = "在 Excel 中选中工号这一列，右键“设置单元格格式”→“文本”，再重新输入工号（或输入时在前面加英文单引号，如 '\(match.id)）"
        return match.id.count > id.count
            ? "名册中的工号是“\(match.id)”：Excel 把开头的 0 去掉了。\(fix)"
            : "名册中的工号是“\(match.id)”，这里多了开头的 0；名册若用 Excel 保存过，它可能去掉了名册里开头的 0：\(fix)"
    }

    private mutating func reportIfShort(_ row: EvidenceRow, header: [EvidenceCell]) -> Bool {
        FieldCellReading.reportIfShort(row, header: header, problems: &found)
    }

    private mutating func value(of field: borrowing EvidenceField, column: Int?, row: EvidenceRow, officer: Officer) -> Value? {
        FieldCellReading.value(
            of: field, column: column, row: row, owner: "联系员 \(officer.id)（\(officer.name)）", quarter: quarter, problems: &found)
    }
}
