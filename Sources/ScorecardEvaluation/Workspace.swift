import ScorecardBase
import ScorecardEvidence
import ScorecardRules

/// Rules plus recorded evidence, loaded and checked together: what every command starts from.
/// Holds the loading order and the "which quarter" default in one place so the command line
/// stays a thin layer.
public struct Workspace: Sendable {
    public var rulesPath: String
    public var evidencePath: String
    /// Every version of the rules; nil when the rules have errors.
    public private(set) var versions: PolicyVersions?
    /// The newest version: what checks that concern the rules rather than a quarter look at.
    public var policy: Policy? { versions?.latest }
    public private(set) var roster: Roster?
    /// Problems in the rule files: usage-level, nothing can run (exit 2).
    public private(set) var ruleDiagnostics: [Diagnostic] = []
    /// Problems in the roster (exit 1).
    public private(set) var rosterDiagnostics: [Diagnostic] = []

    public init(rulesPath: String, evidencePath: String) {
        self.rulesPath = rulesPath
        self.evidencePath = evidencePath
        let loaded = PolicyLoader.loadVersions(path: rulesPath)
        versions = loaded.versions
        ruleDiagnostics = loaded.diagnostics
        if versions != nil {
            let folder = EvidenceFolder(root: evidencePath)
            let rosterLoad = folder.loadRoster()
            roster = rosterLoad.roster
            rosterDiagnostics = rosterLoad.problems
        }
    }

    public var evidenceFolder: EvidenceFolder { EvidenceFolder(root: evidencePath) }

    /// The quarter asked for, or the latest one with evidence.
    public func resolveQuarter(_ requested: Quarter?) -> Result<Quarter, Diagnostic> {
        if let requested { return .success(requested) }
        guard FileSystem.kind(of: evidencePath) == .directory else {
            return .failure(.error(
                "evidence.not-found", "找不到证据文件夹“\(evidencePath)”",
                hint: "检查 --evidence 的路径；不写时使用当前目录下的 seeds/", at: nil))
        }
        guard let latest = evidenceFolder.quarters().last else {
            return .failure(.error(
                "evidence.no-quarters", "证据文件夹“\(evidencePath)”中没有任何季度的记录",
                hint: "季度记录放在以季度命名的子文件夹中，如 \(evidencePath)/2025-Q1/scores.csv", at: nil))
        }
        return .success(latest)
    }

    /// A quarter's evidence and results. `evidenceProblems` holds reading problems (bad values,
    /// unknown officers…); when it has errors the result must not be published.
    public struct QuarterRun: Sendable {
        public var quarter: Quarter
        /// The version of the rules the quarter was evaluated under.
        public var policy: Policy
        public var evidence: QuarterEvidence
        public var evidenceProblems: [Diagnostic]
        public var result: QuarterResult?
    }

    /// Loads and evaluates a quarter. By default nothing is evaluated when the evidence has an
    /// error; with `partial`, the officers whose rows are sound are evaluated all the same (the
    /// problems are still reported, and the run still counts as having findings).
    public func run(_ quarter: Quarter, partial: Bool = false) -> QuarterRun? {
        guard case .success(let policy) = policy(for: quarter) else { return nil }
        return run(quarter, under: policy, partial: partial)
    }

    /// The version of the rules for a quarter: the one named by `version` when given (by its
    /// `policy.version` or its folder), otherwise the one in force on the quarter's first day.
    public func policy(for quarter: Quarter, version: String? = nil) -> Result<Policy, Diagnostic> {
        guard let versions else {
            return .failure(.error("rules.unusable", "规则有错误，无法使用", hint: "先用 scorecard check 改正规则", at: nil))
        }
        if let version { return self.version(named: version) }
        guard let inForce = versions.inForce(for: quarter) else {
            return .failure(.error(
                "rules.no-version-in-force", "\(quarter) 开始时（\(quarter.firstDay)）还没有生效的规则版本",
                hint: "已有的版本：\(versions.summary)；或用 --rules-version 指定一个版本", at: nil))
        }
        return .success(inForce)
    }

    /// A version named on the command line, by its `policy.version` or its folder.
    public func version(named name: String) -> Result<Policy, Diagnostic> {
        guard let versions else {
            return .failure(.error("rules.unusable", "规则有错误，无法使用", hint: "先用 scorecard check 改正规则", at: nil))
        }
        guard let named = versions.version(named: name) else {
            return .failure(.error(
                "rules.unknown-version", "规则中没有版本“\(name)”", hint: "已有的版本：\(versions.summary)", at: nil))
        }
        return .success(named)
    }

    /// Loads and evaluates a quarter under the given version of the rules.
    public func run(_ quarter: Quarter, under policy: Policy, partial: Bool = false) -> QuarterRun? {
        guard let roster else { return nil }
        if roster.officers.isEmpty && rosterDiagnostics.hasErrors {
            // Without a roster every row would be "unknown officer": report the roster alone.
            return QuarterRun(
                quarter: quarter, policy: policy, evidence: QuarterEvidence(quarter: quarter, records: [], files: []),
                evidenceProblems: rosterDiagnostics, result: nil)
        }
        let loaded = evidenceFolder.loadQuarter(quarter, policy: policy, roster: roster)
        let evaluator = QuarterEvaluator(policy: policy)
        var problems = rosterDiagnostics + loaded.problems
        // Record checks run on every sound record, so one run lists every problem in the evidence.
        let checks = loaded.evidence.records.map { evaluator.check($0) }
        for checked in checks { problems += checked.findings }
        var result: QuarterResult?
        if partial || !problems.hasErrors {
            result = evaluator.evaluate(loaded.evidence, checks: checks)
        }
        return QuarterRun(
            quarter: quarter, policy: policy, evidence: loaded.evidence, evidenceProblems: problems.sortedForDisplay(), result: result)
    }
}
