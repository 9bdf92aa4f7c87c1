import ScorecardBase
import ScorecardRules

/// Finding the quarter, the year and the version of the rules a command runs on.
extension EvaluationMessages {
    static func evidenceNotFound(_ path: String) -> Diagnostic {
        .error(
            EvaluationCode.evidenceNotFound, "找不到证据文件夹“\(path)”",
            hint: "检查 --evidence 的路径；不写时使用当前目录下的 seeds/", at: nil)
    }

    static func evidenceNoQuarters(_ path: String) -> Diagnostic {
        .error(
            EvaluationCode.evidenceNoQuarters, "证据文件夹“\(path)”中没有任何季度的记录",
            hint: "季度记录放在以季度命名的子文件夹中，如 \(path)/2025-Q1/scores.csv", at: nil)
    }

    /// No quarter of the `requested` year (nil: of any year) in the evidence folder at `path`;
    /// `known` are the years it has.
    static func evidenceNoYear(_ requested: Int?, known years: [Int], in path: String) -> Diagnostic {
        let known = years.isEmpty ? "没有任何季度的记录" : "有记录的年份：\(years.map(String.init).joined(separator: "、"))"
        return .error(
            EvaluationCode.evidenceNoYear,
            requested.map { "证据文件夹“\(path)”中没有 \($0) 年任何季度的记录" } ?? "证据文件夹“\(path)”中没有任何季度的记录",
            hint: "\(known)；季度记录放在以季度命名的子文件夹中，如 \(path)/2025-Q1/scores.csv", at: nil)
    }

    static func noVersionInForce(for quarter: Quarter, versions: PolicyVersions) -> Diagnostic {
        .error(
            EvaluationCode.rulesNoVersionInForce, "\(quarter) 开始时（\(quarter.firstDay)）还没有生效的规则版本",
            hint: "已有的版本：\(versions.summary)；或用 --rules-version 指定一个版本", at: nil)
    }

    static func unknownVersion(_ name: String, versions: PolicyVersions) -> Diagnostic {
        .error(EvaluationCode.rulesUnknownVersion, "规则中没有版本“\(name)”", hint: "已有的版本：\(versions.summary)", at: nil)
    }
}
