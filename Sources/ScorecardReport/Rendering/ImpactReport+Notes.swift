import ScorecardEvaluation
import ScorecardEvidence

extension ImpactReport {
    /// A note as one sentence for a policy officer, saying what it means for the figures.
    package func message(_ note: ImpactNote) -> String {
        switch note {
        case .evidence(let need):
            return evidenceMessage(need)
        case .evaluatedUnderOneSide(let side, let officers):
            return "以下 \(officers.count) 名联系员只在\(label(side))下算出了结果，在\(label(side.other))下算不出（原因见问题列表），不计入对比：\(names(officers))"
        case .evaluatedUnderNeither(let officers):
            return "以下 \(officers.count) 名联系员在两个版本下都没有算出结果（原因见问题列表），不计入对比：\(names(officers))"
        case .evidenceProblems(let side, let errors, let warnings):
            let counts = [errors > 0 ? "\(errors) 个错误" : nil, warnings > 0 ? "\(warnings) 个警告" : nil].compactMap { $0 }.joined(
                separator: "、")
            let reading = side.map { "只在按\(label($0))读" } ?? "按两个版本读"
            return "\(reading) \(impact.quarter) 的记录时发现了问题：\(counts)，见问题列表。"
        }
    }

    private func evidenceMessage(_ need: EvidenceNeed) -> String {
        let what: String
        switch need.kind {
        case .field:
            what =
                need.assessedItem != nil
                ? "考核项目 \(need.id)\(need.name.map { "（\($0)）" } ?? " ")的打分"
                : need.name.map { "字段“\($0)”（\(need.id)）" } ?? "字段“\(need.id)”"
        case .list:
            what = "“\(need.displayName)”明细（\(need.id).csv）"
        }
        let head = "\(label(need.neededBy))要用\(what)，\(label(need.neededBy.other))不用"
        switch need.presence {
        case .present:
            return need.kind == .field
                ? "\(head)；\(impact.quarter) 的考核记录表里有这一列，\(need.neededBy.other.word)不读它。"
                : "\(head)；\(impact.quarter) 有这份明细。"
        case .defaulted(let value):
            return "\(head)；\(impact.quarter) 的考核记录表里没有这一列（或都没有填写），\(need.neededBy.word)按默认值 \(value.reportText) 计算。"
        case .missing:
            return "\(head)；\(impact.quarter) 的考核记录表里没有这一列，规则也没有给默认值，\(need.neededBy.word)因此算不出结果：补上这一列后再比较。"
        case .empty:
            return "\(head)；\(impact.quarter) 没有这份明细，\(need.neededBy.word)按本季度没有此类记录计算。"
        }
    }

    /// `10231 田晓东、10247 许文辉`
    private func names(_ officers: [Officer]) -> String {
        officers.map { "\($0.id) \($0.name)" }.joined(separator: "、")
    }
}
