import ScorecardBase
import ScorecardRules

/// The columns a table has besides its fields: the one saying whose row it is (an officer's
/// id, a candidate's), the optional name beside it, and fixed columns such as a candidate's unit.
struct TableKeys {
    /// Headers accepted for the key column.
    var key: [String]
    var name: [String] = ["name", "姓名"]
    /// Other required columns, each as its accepted headers (the id first, then a Chinese name).
    var fixed: [[String]] = []
    /// Reported when the key column is absent.
    var missingKeyCode: EvidenceCode
    var missingKeyMessage: String
    var missingKeyHint: String

    static let officer = TableKeys(
        key: ["officer", "工号", "联系员编号", "编号"], missingKeyCode: EvidenceCode.missingOfficerColumn,
        missingKeyMessage: "表中没有联系员工号这一列", missingKeyHint: "第一行表头应当有“officer”或“工号”")
}

/// Which column of a table holds which field. Headers may use a field's id (`reports_due`) or
/// its Chinese name (`应报信息次数`), since offices keep their sheets in Chinese.
struct ColumnMapping {
    /// Column index of the key (the officer id in quarterly tables).
    var keyColumn: Int?
    /// Column index of the name, if the sheet carries one (checked against the roster).
    var nameColumn: Int?
    /// Column index of each of `TableKeys.fixed`, in that order.
    var fixedColumns: [Int?]
    /// Column index for each field, by field index.
    var fieldColumns: [Int?]

    static let officerHeaders = TableKeys.officer.key

    init(header: [EvidenceCell], fields: [EvidenceField], keys: TableKeys = .officer, file: String, problems: inout DiagnosticSink) {
        fieldColumns = Array(repeating: nil, count: fields.count)
        fixedColumns = Array(repeating: nil, count: keys.fixed.count)
        var byName: [String: Int] = [:]
        for (index, field) in fields.enumerated() {
            byName[field.id] = index
            if let name = field.name { byName[name] = index }
        }
        var seen: [String: SourceLocation] = [:]
        for (column, cell) in header.enumerated() {
            let title = cell.text.trimmedForEvidence
            if title.isEmpty { continue }
            if let earlier = seen[title] {
                problems.append(EvidenceMessages.duplicateHeader(title, at: cell.location, first: earlier))
                continue
            }
            seen[title] = cell.location
            if keys.key.contains(title) {
                keyColumn = column
            } else if keys.name.contains(title) {
                nameColumn = column
            } else if let fixedIndex = keys.fixed.firstIndex(where: { $0.contains(title) }) {
                fixedColumns[fixedIndex] = column
            } else if let fieldIndex = byName[title] {
                if fieldColumns[fieldIndex] != nil {
                    problems.append(EvidenceMessages.fieldInTwoColumns(fields[fieldIndex].id, at: cell.location))
                }
                fieldColumns[fieldIndex] = column
            } else {
                let candidates = fields.flatMap { [$0.id] + ($0.name.map { [$0] } ?? []) } + keys.key + keys.fixed.flatMap { $0 }
                let suggestion = NameSuggestion.closest(to: title, among: candidates)
                problems.append(EvidenceMessages.unknownColumn(title, fields: fields, suggestion: suggestion, at: cell.location))
            }
        }
        let headerLocation = header.first?.location ?? SourceLocation(file: file, line: 1, column: 1)
        if keyColumn == nil {
            problems.append(.error(keys.missingKeyCode, keys.missingKeyMessage, hint: keys.missingKeyHint, at: headerLocation))
        }
        for (index, headers) in keys.fixed.enumerated() where fixedColumns[index] == nil {
            let title = headers.count > 1 ? "“\(headers[0])”（\(headers[1])）" : "“\(headers[0])”"
            problems.append(EvidenceMessages.missingTableColumn(title, at: headerLocation))
        }
        for (index, field) in fields.enumerated() where fieldColumns[index] == nil && field.defaultValue == nil {
            problems.append(EvidenceMessages.missingFieldColumn(field, at: headerLocation))
        }
    }
}

extension String {
    /// Cells lose surrounding spaces and a stray BOM, which spreadsheets add without asking.
    var trimmedForEvidence: String {
        // Nearly every cell needs nothing: decide that from the bytes at both ends.
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
            return self
        }
        // Nor does a cell that starts with a scalar of U+4000…U+9FFF (CJK: 张三, 甲班) and ends
        // with printable ASCII or such a scalar: none of them is whitespace, a BOM or a mark that
        // joins a preceding character.
        if let first = utf8.first, (0xE4...0xE9).contains(first), endsPlainly { return self }
        var text = Substring(self)
        while let first = text.first, first.isWhitespace || first == "\u{FEFF}" { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }

    /// Whether the last scalar is printable ASCII or in U+4000…U+9FFF.
    private var endsPlainly: Bool {
        let bytes = utf8
        guard let last = bytes.last else { return false }
        if last > 0x20 && last < 0x80 { return true }
        guard bytes.count >= 3, last & 0xC0 == 0x80 else { return false }
        let end = bytes.endIndex
        let middle = bytes[bytes.index(end, offsetBy: -2)]
        let lead = bytes[bytes.index(end, offsetBy: -3)]
        return middle & 0xC0 == 0x80 && (0xE4...0xE9).contains(lead)
    }
}
