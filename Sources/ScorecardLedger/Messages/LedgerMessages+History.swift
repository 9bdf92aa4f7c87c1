import ScorecardBase

/// A quarter's history (`results/2025-Q4.history`) that does not hold.
extension LedgerMessages {
    static let historyHint = "历史由程序写出、只增不改；不要手工修改或删除其中的行。被改动时从备份中取回原文件"

    static func cannotReadHistory(_ path: String) -> Diagnostic {
        .error(LedgerCode.history, "无法读取记录历史“\(path)”", hint: historyHint, at: nil)
    }

    static func truncatedHistory(_ path: String, lines: Int) -> Diagnostic {
        .error(
            LedgerCode.history, "记录历史“\(path)”的最后一行不完整（没有换行），文件可能被截断或手工修改过",
            hint: historyHint, at: SourceLocation(file: path, line: lines, column: 1))
    }

    /// Line `index + 1` does not chain to the line before it (or, the first, to nothing).
    static func brokenChain(_ path: String, index: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            LedgerCode.history,
            index == 0
                ? "记录历史“\(path)”的第一条之前还有被删去的内容：第 1 行指向了更早的一行"
                : "记录历史“\(path)”在第 \(index + 1) 行断开：它记下的上一行校验值与第 \(index) 行不符，其间的行被改动或删去过",
            hint: historyHint, at: location)
    }

    static func supersededNotPreviousFinal(line: Int, at location: SourceLocation?) -> Diagnostic {
        .error(LedgerCode.history, "记录历史第 \(line) 行记下的被替换的记录不是上一行记下的最终记录", hint: historyHint, at: location)
    }

    static func otherQuarter(_ path: String, line: Int, quarter: Quarter, at location: SourceLocation?) -> Diagnostic {
        .error(LedgerCode.history, "记录历史“\(path)”第 \(line) 行写的是季度 \(quarter)", hint: historyHint, at: location)
    }

    static func supersededMissing(_ aside: String, line: Int, at location: SourceLocation?) -> Diagnostic {
        .error(LedgerCode.history, "记录历史第 \(line) 行记下的被替换的记录“\(aside)”不见了", hint: "被替换的记录要保留：从备份中取回这个文件夹", at: location)
    }

    static func supersededChanged(_ aside: String, line: Int, at location: SourceLocation?) -> Diagnostic {
        .error(
            LedgerCode.history, "被替换的记录“\(aside)”与记录历史第 \(line) 行记下的不同，被改动过",
            hint: "被替换的记录要原样保留：从备份中取回这个文件夹", at: location)
    }

    /// The last entry names the final record, but its time, recorder or reason differ from it.
    static func lastEntryEdited(line: Int, provenance: String, at location: SourceLocation?) -> Diagnostic {
        .error(
            LedgerCode.history, "记录历史的最后一条（第 \(line) 行）的时间、记录人或理由与最终记录“\(provenance)”中的不同，被改动过",
            hint: historyHint, at: location)
    }

    /// The last entry names another final record than the one in place.
    static func lastEntryOtherRecord(line: Int, time: String, folder: String, at location: SourceLocation?) -> Diagnostic {
        .error(
            LedgerCode.history,
            "记录历史的最后一条（第 \(line) 行，\(time)）记下的最终记录与现在的“\(folder)”不同：记录被替换或改动过而历史中没有，或历史的最后几行被删去",
            hint: historyHint, at: location)
    }

    static func historyMissing(_ quarter: Quarter, path: String, provenance: String) -> Diagnostic {
        .error(
            LedgerCode.history, "\(quarter) 的记录历史“\(path)”不见了",
            hint: "记录历史与记录一起保存，不能删除：从备份中取回这个文件", at: SourceLocation(file: provenance, line: 1, column: 1))
    }
}
