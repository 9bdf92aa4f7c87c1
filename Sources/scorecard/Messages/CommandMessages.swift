import ScorecardBase
import ScorecardEvaluation
import ScorecardRules

/// The wording of the problems the command line itself finds: what to run on, and `diff`'s
/// reading of a git revision. Each situation is one function, so its code and words live together.
enum CommandMessages {
    static func noEvidenceQuarters(_ evidence: String) -> Diagnostic {
        .warning(EvaluationCode.evidenceNoQuarters, "证据文件夹“\(evidence)”中没有任何季度的记录", at: nil)
    }

    static func noEligibility() -> Diagnostic {
        .error(
            CommandCode.rulesNoEligibility, "规则中没有任职条件（eligibility）一节，无法审查候选人",
            hint: "在规则中写出 eligibility：候选人字段（candidate_fields）和各项条件（criteria），格式见 docs/rules.md", at: nil)
    }

    /// `summary`: the versions there are.
    static func unknownVersion(_ version: String, summary: String) -> Diagnostic {
        .error(EvaluationCode.rulesUnknownVersion, "规则中没有版本“\(version)”", hint: "已有的版本：\(summary)", at: nil)
    }

    static func noTestFiles(rules: String) -> Diagnostic {
        .error(
            CommandCode.testNoFiles, "没有找到测试文件", hint: "测试文件放在规则文件夹的 tests/ 中，如 \(rules)/tests/cases.yaml（见 docs/testing.md）",
            at: nil)
    }

    static func noVacancyRules(version: String, at location: SourceLocation?) -> Diagnostic {
        .error(
            CommandCode.vacancyNoRules, "规则版本 \(version) 中没有 vacancy 一节，无法排出补缺顺序",
            hint: "在年末所用的规则版本中加上 vacancy 一节（见 docs/rules.md 3.12）", at: location)
    }
}

/// `diff`'s reading of rules at a git revision (`HEAD~1:rules`).
extension CommandMessages {
    static func gitUnavailable(_ label: String) -> Diagnostic {
        .error(
            CommandCode.diffGitUnavailable, "无法运行 git，读不到“\(label)”",
            hint: "安装 git，或把要比较的版本放在文件夹里，直接写文件夹的路径", at: nil)
    }

    static func notACheckout(_ label: String) -> Diagnostic {
        .error(
            CommandCode.diffNotACheckout, "当前文件夹不在 git 仓库中，无法读取“\(label)”",
            hint: "在规则所在的 git 仓库里运行；或直接写文件夹的路径，如 rules/2025-07-01", at: nil)
    }

    static func unknownRevision(_ revision: String) -> Diagnostic {
        .error(
            CommandCode.diffUnknownRevision, "git 仓库中没有“\(revision)”这个版本",
            hint: "用 git log --oneline 查看已有的提交，如 HEAD、HEAD~1、提交号或分支名", at: nil)
    }

    static func notInRevision(_ path: String, revision: String) -> Diagnostic {
        .error(
            CommandCode.diffNotInRevision, "版本 \(revision) 中没有“\(path)”",
            hint: "路径相对于当前文件夹；用 git ls-tree \(revision) 查看那个版本里有哪些文件", at: nil)
    }

    static func noRuleFiles(_ path: String, revision: String) -> Diagnostic {
        .error(
            RulesCode.emptyFolder, "版本 \(revision) 的文件夹“\(path)”里没有规则文件（.yaml）",
            hint: "规则文件的扩展名应为 .yaml 或 .yml", at: nil)
    }

    /// git ran and failed: its own words, when it said any, are the hint (`said`); else what to
    /// check, whether git could not be run at all (`ran` false) or ran and failed.
    static func gitFailed(_ label: String, said: String?, ran: Bool) -> Diagnostic {
        .error(
            CommandCode.diffGitUnavailable, "git 没能读出“\(label)”",
            hint: said.map { "git 说：\($0)" } ?? (ran ? "检查 git 仓库是否完好（git status）" : "检查 git 是否已安装、在 PATH 中"), at: nil)
    }
}
