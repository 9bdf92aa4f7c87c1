import ScorecardBase
import ScorecardYAML

// MARK: Evidence written as YAML (records: and quarter:)

extension EvidenceMessages {
    static func yamlRootNotMapping(at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.yamlShape, "证据文件的最外层应当有 records:（以及可选的 quarter:）", at: location)
    }

    static func yamlRecordsNotList(at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.yamlShape, "records 应当是一个列表，每名联系员以“- ”开头", at: location)
    }

    static func yamlUnknownTopKey(_ key: String?, at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.yamlShape, "证据文件中没有\(MessageText.quoted(key ?? "?"))这一项",
            hint: "最外层只能有 quarter 和 records", at: location)
    }

    static func yamlRecordNotMapping(at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.yamlShape, "每名联系员的记录应当是“字段: 值”的映射", at: location)
    }

    static func yamlListNotList(_ key: String, at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.yamlShape, "“\(key)”应当是一个列表", at: location)
    }

    static func yamlListEntryNotMapping(_ key: String, at location: SourceLocation) -> Diagnostic {
        .error(EvidenceCode.yamlShape, "“\(key)”的每一条应当是“字段: 值”的映射", at: location)
    }

    static func yamlFieldTwice(_ written: String, at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.duplicateColumn, "这条记录里\(MessageText.quoted(written))写了两次（编号与中文名算同一项）",
            hint: "只保留一个", at: location)
    }

    static func yamlNotAValue(_ node: YAMLNode) -> Diagnostic {
        .error(EvidenceCode.yamlShape, "这里应当是一个值，而不是\(node.kindDescription)", at: node.location)
    }
}
