import ScorecardBase

// MARK: One table written twice, in two formats or two places

extension EvidenceMessages {
    /// The quarter's record table both as a workbook and as `other` (CSV or YAML).
    static func recordsInWorkbookAndText(_ quarter: Quarter, other: String) -> Diagnostic {
        .error(
            EvidenceCode.twoFormats, "\(quarter) 同时有 \(EvidenceFolder.recordsWorkbook) 和 \(other)，不知道以哪个为准",
            hint: "只保留其中一个", at: nil)
    }

    static func recordsInCSVAndYAML(_ quarter: Quarter, yamlPath: String) -> Diagnostic {
        .error(
            EvidenceCode.twoFormats, "\(quarter) 同时有 \(EvidenceFolder.recordsFile) 和 \(EvidenceFolder.yamlFile)，不知道以哪个为准",
            hint: "只保留其中一个", at: SourceLocation(file: yamlPath, line: 1, column: 1))
    }

    static func listInTwoPlaces(_ quarter: Quarter, list: String, first: String, second: String) -> Diagnostic {
        .error(
            EvidenceCode.twoFormats, "\(quarter) 的“\(list)”既在 \(first)，又在 \(second)，不知道以哪个为准",
            hint: "只保留其中一处", at: nil)
    }

    static func listInYAMLAndCSV(_ quarter: Quarter, list: String, id: String, listPath: String) -> Diagnostic {
        .error(
            EvidenceCode.twoFormats, "\(quarter) 的“\(list)”既写在 \(EvidenceFolder.yamlFile) 中，又有 \(id).csv，不知道以哪个为准",
            hint: "只保留其中一处", at: SourceLocation(file: listPath, line: 1, column: 1))
    }

    /// A roster or candidate list both as CSV and as a workbook.
    static func tableInCSVAndWorkbook(_ csv: String, _ workbook: String) -> Diagnostic {
        .error(EvidenceCode.twoFormats, "同时有“\(csv)”和“\(workbook)”，不知道以哪个为准", hint: "只保留其中一个", at: nil)
    }

    static func yamlDocuments(_ count: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.yamlDocuments, "证据文件里有 \(count) 个文档（用“---”分开），只能有一个",
            hint: "把各部分合并到一个 records: 列表中", at: location)
    }

    static func wrongQuarter(_ written: String, folder quarter: Quarter, at location: SourceLocation) -> Diagnostic {
        .error(
            EvidenceCode.wrongQuarter, "文件写的是季度\(MessageText.quoted(written))，却放在 \(quarter) 的文件夹里",
            hint: "改正 quarter:，或把文件移到对应的文件夹", at: location)
    }
}

// MARK: Reading a file's bytes

extension EvidenceMessages {
    static func cannotOpen(_ file: String, errno code: Int32) -> Diagnostic {
        ioProblem(EvidenceCode.ioOpenFailed, "无法打开文件", errno: code, file: file)
    }

    static func readFailed(_ file: String, errno code: Int32) -> Diagnostic {
        ioProblem(EvidenceCode.ioReadFailed, "读取文件时出错", errno: code, file: file)
    }

    private static func ioProblem(_ code: EvidenceCode, _ message: String, errno: Int32, file: String) -> Diagnostic {
        .error(
            code, "\(message)：\(FileSystem.errorText(errno))", hint: "请检查文件路径是否正确、文件是否存在以及是否有读取权限",
            at: SourceLocation(file: file, line: 1, column: 1))
    }
}
