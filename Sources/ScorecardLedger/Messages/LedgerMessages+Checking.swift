import ScorecardBase

/// What `check` finds in the results folder: inputs, results and rosters no longer as recorded,
/// recordings cut short.
extension LedgerMessages {
    /// What to do about an input changed since the quarter was recorded.
    static func rerecordHint(_ quarter: Quarter) -> String {
        "如改动是有意的，用 scorecard evaluate --quarter \(quarter) --record --force --reason “理由” 重新记录（原记录会保留）；否则把文件恢复成记录时的内容"
    }

    static func incomplete(_ path: String) -> Diagnostic {
        .warning(
            LedgerCode.incomplete, "结果文件夹中有一个没有写完的记录“\(path)”（记录时程序被中断）",
            hint: "它不算记录，已被忽略，可以删除；下次记录该季度时程序也会把它删掉", at: nil)
    }

    /// `when`: `于 … 开始的` or empty; `state`: whether the final record is in place meanwhile.
    static func interrupted(_ quarter: Quarter, when: String, state: String, manualSteps: String, at location: SourceLocation?)
        -> Diagnostic
    {
        .error(
            LedgerCode.interrupted, "\(quarter) \(when)一次记录在中途被中断（程序被强行结束或断电）：\(state)",
            hint: "再运行一次 scorecard evaluate --quarter \(quarter) --record 会自动做完；也可以手工\(manualSteps)。不要删除其中的隐藏文件夹：里面是完整的记录",
            at: location)
    }

    /// `kind`: 规则文件 or 证据文件.
    static func missingInput(_ quarter: Quarter, kind: String, path: String, at location: SourceLocation?) -> Diagnostic {
        .error(LedgerCode.missingInput, "\(quarter) 的记录所用的\(kind)“\(path)”已不存在", hint: rerecordHint(quarter), at: location)
    }

    static func changedInput(_ quarter: Quarter, kind: String, path: String, at location: SourceLocation?) -> Diagnostic {
        .error(
            LedgerCode.changedInput, "\(quarter) 的记录所用的\(kind)“\(path)”在记录后被改动过，内容与记录时不同",
            hint: rerecordHint(quarter), at: location)
    }

    /// A recorded result file gone (`missing`) or edited.
    static func changedResult(_ quarter: Quarter, path: String, missing: Bool, at location: SourceLocation?) -> Diagnostic {
        .error(
            LedgerCode.changedResult,
            missing ? "\(quarter) 的记录结果“\(path)”不见了" : "\(quarter) 的记录结果“\(path)”在记录后被改动过",
            hint: "记录的结果不应手工修改；用 scorecard evaluate --quarter \(quarter) --record --force --reason “理由” 重新记录（原记录会保留）",
            at: location)
    }

    static func rosterOfficerRemoved(_ quarter: Quarter, id: String, name: String, roster: String, at location: SourceLocation?)
        -> Diagnostic
    {
        .error(
            LedgerCode.changedInput, "\(quarter) 的记录所用的联系员 \(id)（\(name)）已不在名册“\(roster)”中，或已不在 \(quarter) 在任",
            hint: rerecordHint(quarter), at: location)
    }

    static func rosterRowChanged(
        _ quarter: Quarter, id: String, name: String, roster: String, at location: SourceLocation?, now: SourceLocation?
    ) -> Diagnostic {
        .error(
            LedgerCode.changedInput, "\(quarter) 的记录所用的名册“\(roster)”中联系员 \(id)（\(name)）一行在记录后被改动过，内容与记录时不同",
            hint: rerecordHint(quarter), at: location, notes: [.init("名册中现在的这一行", at: now)])
    }

    static func rosterOfficerAdded(
        _ quarter: Quarter, id: String, name: String, roster: String, at location: SourceLocation?, recorded: SourceLocation?
    ) -> Diagnostic {
        .error(
            LedgerCode.changedInput, "名册“\(roster)”中多了在 \(quarter) 在任的联系员 \(id)（\(name)），记录时没有",
            hint: rerecordHint(quarter), at: location, notes: [.init("记录中的名册", at: recorded)])
    }
}
