import ScorecardBase
import ScorecardRules

/// The wording of evidence problems (files, tables, the roster, the candidates), one static
/// func per situation, so the code and the words live together and call sites stay short.
/// CSV syntax is worded in `CSVMessages`, decoding in `TextMessages`.
enum EvidenceMessages {}

// MARK: Files and tables

extension EvidenceMessages {
    static func noRoster(_ path: String) -> Diagnostic {
        .error(
            EvidenceCode.noRoster, "找不到联系员名册“\(path)”", hint: "名册是证据文件夹中的 officers.csv（或 officers.xlsx），格式见 docs/evidence.md",
            at: nil)
    }

    static func noCandidates(_ path: String) -> Diagnostic {
        .error(
            EvidenceCode.noCandidates, "找不到候选人名单“\(path)”",
            hint: "候选人名单是证据文件夹中的 \(EvidenceFolder.candidatesFile)（或 \(EvidenceFolder.candidatesWorkbook)），格式见 docs/evidence.md",
            at: nil)
    }

    static func emptyCSV(_ path: String) -> Diagnostic {
        .error(
            EvidenceCode.emptyFile, "文件“\(path)”是空的，没有表头", hint: "第一行应当是表头，如 officer,i01,…",
            at: SourceLocation(file: path, line: 1, column: 1))
    }

    static func emptySheet(_ path: String, sheet: String, at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.emptyFile, "工作簿“\(path)”的工作表“\(sheet)”是空的，没有表头", hint: "第一行应当是表头，如 工号、i01、…", at: location)
    }

    static func noSheet(_ path: String) -> Diagnostic {
        .error(EvidenceCode.xlsxNoSheet, "工作簿“\(path)”中没有工作表", hint: "在 Excel 中至少保留一个工作表", at: nil)
    }

    static func extraCSVCells(_ count: Int, header: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.extraCells, "这一行有 \(count) 格，比表头多 \(count - header) 格", hint: "检查是否多了逗号；含逗号的内容要用英文双引号括起来",
            at: location)
    }

    static func extraSheetCells(beyond: Int, width: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.extraCells, "这一行在表头以外的第 \(beyond) 列还有内容（表头只有 \(width) 列）", hint: "删去表头以外的内容，或为这一列加上表头",
            at: location)
    }

    static func blankRows(_ count: Int, first: SourceLocation) -> Diagnostic {
        .warning(
            EvidenceCode.blankRows, count == 1 ? "跳过了 1 行空行（每格都是空的）" : "跳过了 \(count) 行空行（每格都是空的），第一行在这里",
            hint: "Excel 保存时常在表格下方留下只有逗号的行；可以不管，或在 Excel 中选中这些行删除后重新保存", at: first)
    }
}

// MARK: The roster

extension EvidenceMessages {
    static func duplicateRosterColumn(_ title: String, at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.duplicateColumn, "名册的\(MessageText.quoted(title))列重复了", at: location)
    }

    static func unknownRosterColumn(_ title: String, suggestion: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic.error(EvidenceCode.unknownColumn, "名册中没有\(MessageText.quoted(title))这一列", at: location)
            .suggesting(suggestion, replacing: location)
    }

    static func unusedRosterColumn(_ title: String, used: [String], at location: SourceLocation) -> Diagnostic {
        .warning(
            EvidenceCode.unusedColumn, "名册中的\(MessageText.quoted(title))列不会被使用", hint: "名册用到的列：\(used.joined(separator: "、"))",
            at: location)
    }

    static func missingRosterColumn(_ id: String, name: String, at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.missingColumn, "名册缺少“\(id)”（\(name)）这一列", hint: "在第一行表头加上这一列", at: location)
    }

    static func badRosterDate(_ value: String, at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.badValue, "名册中的日期\(MessageText.quoted(value))无法识别", hint: FieldValueParsing.dateHint, at: location)
    }

    static func missingRosterValue(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.missingValue, "名册这一行没有填写“\(name)”", at: location)
    }

    static func duplicateOfficer(_ id: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.duplicateOfficer, "名册中工号\(MessageText.quoted(id))出现了两次", hint: "每名联系员在名册中只登记一行", at: location,
            notes: [.init("第一次在这里", at: first)])
    }

    static func leftBeforeStarting(_ id: String, at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.badDates, "联系员 \(id) 的离任日期早于任职日期", at: location)
    }
}

// MARK: The candidates

extension EvidenceMessages {
    static func missingCandidateValue(_ title: String, at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.missingValue, "候选人名单这一行没有填写“\(title)”", at: location)
    }

    static func duplicateCandidate(_ id: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.duplicateCandidate, "候选人 \(id) 在名单中出现了两次", hint: "每名候选人只登记一行；合并或删去一行", at: location,
            notes: [.init("第一次在这里", at: first)])
    }
}

// MARK: A quarter's folder

extension EvidenceMessages {
    static func noQuarter(_ quarter: Quarter, path: String, known: [String]) -> Diagnostic {
        .error(
            EvidenceCode.noQuarter, "找不到 \(quarter) 的证据文件夹“\(path)”",
            hint: known.isEmpty ? "证据文件夹中应有以季度命名的子文件夹，如 2025-Q1" : "已有的季度：\(known.joined(separator: "、"))", at: nil)
    }

    static func noRecords(_ quarter: Quarter) -> Diagnostic {
        .error(
            EvidenceCode.noRecords,
            "\(quarter) 的文件夹里没有考核记录表（\(EvidenceFolder.recordsFile)、\(EvidenceFolder.recordsWorkbook) 或 \(EvidenceFolder.yamlFile)）",
            hint: "格式见 docs/evidence.md", at: nil)
    }

    static func noList(_ quarter: Quarter, list: EvidenceList, path: String) -> Diagnostic {
        .warning(
            EvidenceCode.noList, "\(quarter) 没有“\(list.displayName)”明细（\(list.id).csv），按本季度没有此类记录计算", hint: "如有记录，放在 \(path)",
            at: nil
        ).about(list.id)
    }
}
