import ScorecardBase
import ScorecardRules

/// Which column of a table holds which field. Headers may use a field's id (`reports_due`) or
/// its Chinese name (`应报信息次数`), since offices keep their sheets in Chinese.
struct ColumnMapping {
    /// Column index of the officer id.
    var officerColumn: Int?
    /// Column index of the officer's name, if the sheet carries one (checked against the roster).
    var nameColumn: Int?
    /// Column index for each field, by field index.
    var fieldColumns: [Int?]

    static let officerHeaders = ["officer", "工号", "联系员编号", "编号"]
    static let nameHeaders = ["name", "姓名"]

    init(header: [EvidenceCell], fields: [EvidenceField], file: String, problems: inout [Diagnostic]) {
        fieldColumns = Array(repeating: nil, count: fields.count)
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
                problems.append(.error(
                    "evidence.duplicate-column", "表头“\(title)”出现了两次", hint: "删去重复的一列",
                    at: cell.location, notes: [.init("第一次出现在这里", at: earlier)]))
                continue
            }
            seen[title] = cell.location
            if Self.officerHeaders.contains(title) {
                officerColumn = column
            } else if Self.nameHeaders.contains(title) {
                nameColumn = column
            } else if let fieldIndex = byName[title] {
                if fieldColumns[fieldIndex] != nil {
                    problems.append(.error(
                        "evidence.duplicate-column", "字段 \(fields[fieldIndex].id) 有两列（编号和中文名各一列）",
                        hint: "只保留一列", at: cell.location))
                }
                fieldColumns[fieldIndex] = column
            } else {
                let candidates = fields.flatMap { [$0.id] + ($0.name.map { [$0] } ?? []) } + Self.officerHeaders
                let suggestion = NameSuggestion.closest(to: title, among: candidates)
                problems.append(.error(
                    "evidence.unknown-column", "规则中没有“\(title)”这一列",
                    hint: suggestion.map { "是否想写“\($0)”？" }
                        ?? "可用的列：\(fields.map { field in field.name.map { "\(field.id)（\($0)）" } ?? field.id }.joined(separator: "、"))",
                    at: cell.location))
            }
        }
        if officerColumn == nil {
            problems.append(.error(
                "evidence.missing-officer-column", "表中没有联系员工号这一列",
                hint: "第一行表头应当有“officer”或“工号”", at: header.first?.location ?? SourceLocation(file: file, line: 1, column: 1)))
        }
        for (index, field) in fields.enumerated() where fieldColumns[index] == nil && field.defaultValue == nil {
            problems.append(.error(
                "evidence.missing-column", "表中缺少“\(field.id)”（\(field.displayName)）这一列，且规则没有给它默认值",
                hint: "加上这一列，或在规则中为它写 default", at: header.first?.location ?? SourceLocation(file: file, line: 1, column: 1)))
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
        var text = Substring(self)
        while let first = text.first, first.isWhitespace || first == "\u{FEFF}" { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return String(text)
    }
}
