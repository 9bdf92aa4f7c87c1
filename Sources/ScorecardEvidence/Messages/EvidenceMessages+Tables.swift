import ScorecardBase
import ScorecardRules

// MARK: Headers and cells of an evidence table

extension EvidenceMessages {
    static func duplicateHeader(_ title: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.duplicateColumn, "表头\(MessageText.quoted(title))出现了两次", hint: "删去重复的一列", at: location,
            notes: [.init("第一次出现在这里", at: first)])
    }

    static func fieldInTwoColumns(_ id: String, at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.duplicateColumn, "字段 \(id) 有两列（编号和中文名各一列）", hint: "只保留一列", at: location)
    }

    static func unknownColumn(_ title: String, fields: [EvidenceField], suggestion: String?, at location: SourceLocation) -> Diagnostic {
        Diagnostic.error(
            EvidenceCode.unknownColumn, "规则中没有\(MessageText.quoted(title))这一列",
            hint: "可用的列：\(fields.map { field in field.name.map { "\(field.id)（\($0)）" } ?? field.id }.joined(separator: "、"))",
            at: location
        ).suggesting(suggestion, replacing: location)
    }

    /// `title` as the header would show it: `“unit”（单位）`.
    static func missingTableColumn(_ title: String, at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.missingColumn, "表中缺少\(title)这一列", hint: "在第一行表头加上这一列", at: location)
    }

    static func missingFieldColumn(_ field: EvidenceField, at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.missingColumn, "表中缺少“\(field.id)”（\(field.displayName)）这一列，且规则没有给它默认值",
            hint: "加上这一列，或在规则中为它写 default", at: location)
    }

    static func shortRow(_ count: Int, header: Int, missing: String, at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.shortRow, "这一行只有 \(count) 格，比表头少 \(header - count) 格，缺少 \(missing)",
            hint: "检查这一行是否少了逗号；没有数值的格子也要留出逗号", at: location)
    }
}
