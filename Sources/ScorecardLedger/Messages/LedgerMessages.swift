import ScorecardBase

/// The wording of the result ledger's problems, for the person who records quarters and keeps
/// the results folder: what happened to a record, and what to run or restore. Each situation
/// is one function, so its code and words live together.
enum LedgerMessages {
    static let recordHint = "记录文件夹由程序写出，不要手工修改；如已损坏，用 --force 重新记录该季度"
    /// The hint of a file in a record that does not read back.
    static let fileHint = "这个文件由程序写出，不要手工修改；如已损坏，用 --force 重新记录该季度"

    /// A record folder without its provenance.json.
    static func missingProvenance(_ quarter: Quarter, path: String) -> Diagnostic {
        .error(LedgerCode.badRecord, "\(quarter) 的记录缺少来源文件“\(path)”，无法确认结果的来源", hint: recordHint, at: nil)
    }

    /// The folder of one quarter holding another's record.
    static func wrongQuarter(_ quarter: Quarter, recorded: Quarter, path: String) -> Diagnostic {
        .error(
            LedgerCode.badRecord, "文件夹 \(quarter) 中的记录写的是季度 \(recorded)",
            hint: "记录文件夹由程序写出，不要手工改名；用 --force 重新记录该季度", at: SourceLocation(file: path, line: 1, column: 1))
    }

    static func cannotOpenFolder(_ root: String, reason: String) -> Diagnostic {
        .error(InputCode.write, "无法打开结果文件夹“\(root)”：\(reason)", hint: "检查文件夹是否存在、是否有权限", at: nil)
    }

    static func exchangeFailed(_ first: String, _ second: String, reason: String) -> Diagnostic {
        .error(
            InputCode.write, "无法交换“\(first)”和“\(second)”：\(reason)",
            hint: "检查文件夹是否存在、是否有写入权限、磁盘是否已满", at: nil)
    }

    /// A value missing or of the wrong kind in a file the ledger wrote.
    static func damagedRecord(_ code: LedgerCode, _ what: String, hint: String, at location: SourceLocation) -> Diagnostic {
        .error(code, "记录文件内容不完整或被改动：\(what)", hint: hint, at: location)
    }
}
