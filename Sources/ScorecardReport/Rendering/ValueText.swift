import ScorecardExpression

extension Value {
    /// A recorded value as a policy officer reads it in an explanation: text in Chinese quotes
    /// (so `“合格”` is seen to be a word), yes/no as 是/否, lists by their count.
    var reportText: String {
        switch self {
        case .number(let n): n.description
        case .string(let s): "“\(s)”"
        case .boolean(let b): b ? "是" : "否"
        case .date(let d): d.description
        case .list(let rows): "\(rows.count) 条"
        case .missing: "（未填写）"
        }
    }
}
