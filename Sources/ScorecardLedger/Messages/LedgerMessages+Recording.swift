import ScorecardBase

/// Why `evaluate --record` did not record.
extension LedgerMessages {
    static func noReason(_ quarter: Quarter) -> Diagnostic {
        .error(
            LedgerCode.noReason, "重新记录 \(quarter) 的最终结果必须写明理由",
            hint: "加 --reason “理由”，例如 --reason “经矿党委批准，更正石磊的上报次数”", at: nil)
    }

    /// The hint a damaged record's problem gets when recording over it is refused.
    static let replaceDamagedHint = "用 --force --reason “理由” 重新记录：损坏的记录会改名保留，不会删除"

    static func final(_ quarter: Quarter, recordedAt time: String, changes: [LedgerChange], keptIn folder: String) -> Diagnostic {
        .error(
            LedgerCode.final,
            "\(quarter) 的结果已于 \(time) 记录，是最终结果；这次的输入或结果与记录时不同（\(changes.count) 处），没有重新记录",
            hint: "如改动是有意的，加 --force --reason “理由” 重新记录：原记录会改名为 \(quarter).superseded-<时间> 保留在 \(folder)，不会删除",
            at: nil, notes: changes.map(\.note))
    }

    /// `evidence`: where it shows the quarter was recorded (its history, or an older record).
    static func noFinal(_ quarter: Quarter, evidence: String, folder: String) -> Diagnostic {
        .error(
            LedgerCode.noFinal, "\(quarter) 曾经记录过（\(evidence)），但最终记录“\(folder)”不见了",
            hint: "从备份中取回这个文件夹；找不回时用 scorecard evaluate --quarter \(quarter) --record --force --reason “理由” 重新记录",
            at: nil)
    }

    static let simulatedCrash = Diagnostic.error(InputCode.write, "（测试）写入中途停止", at: nil)
}
