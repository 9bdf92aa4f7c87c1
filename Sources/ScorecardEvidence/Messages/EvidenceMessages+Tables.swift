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
        ).suggesting(suggestion, replacing: location).about(title)
    }

    /// `title` as the header would show it: `“unit”（单位）`.
    static func missingTableColumn(_ title: String, at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.missingColumn, "表中缺少\(title)这一列", hint: "在第一行表头加上这一列", at: location)
    }

    static func missingFieldColumn(_ field: EvidenceField, at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.missingColumn, "表中缺少“\(field.id)”（\(field.displayName)）这一列，且规则没有给它默认值",
            hint: "加上这一列，或在规则中为它写 default", at: location
        ).about(field.id)
    }

    static func shortRow(_ count: Int, header: Int, missing: String, at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.shortRow, "这一行只有 \(count) 格，比表头少 \(header - count) 格，缺少 \(missing)",
            hint: "检查这一行是否少了逗号；没有数值的格子也要留出逗号", at: location)
    }
}

// MARK: Values in cells

extension EvidenceMessages {
    /// `owner` names whose row it is: `联系员 10231（田晓东）`.
    static func missingFieldValue(_ field: EvidenceField, owner: String, at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.missingValue, "\(owner)的“\(field.displayName)”没有填写",
            hint: field.assessedItem != nil ? "填写考核人打分，0 到 \(field.max?.normalized.description ?? "")" : "填写这一项，或在规则中给它默认值",
            at: location)
    }

    static func badFieldValue(_ field: EvidenceField, owner: String, problem: FieldValueParsing.Problem, at location: SourceLocation)
        -> Diagnostic
    {
        Diagnostic.error(EvidenceCode.badValue, "\(owner)的“\(field.displayName)”：\(problem.message)", at: location)
            .passingOn(problem.suggestion, advice: problem.advice, replacing: location)
    }

    static func dateOutsideQuarter(_ field: EvidenceField, date: LocalDate, quarter: Quarter, at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.dateOutsideQuarter, "“\(field.displayName)”\(date) 不在 \(quarter)（\(quarter.firstDay) 至 \(quarter.lastDay)）之内",
            hint: "核对日期，或把这条记录放到它所属季度的文件里", at: location)
    }
}
