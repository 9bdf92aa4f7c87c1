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

    /// How much of a file, a row or a cell is read before it is refused (docs/limits.md).
    public var limits: InputLimits

    public init(rulesPath: String, evidencePath: String, limits: InputLimits = .default) {
        self.rulesPath = rulesPath
        self.evidencePath = evidencePath
        self.limits = limits
        var ruleProblems = DiagnosticSink()
        versions = PolicyLoader.loadVersions(path: rulesPath, limits: limits, sink: &ruleProblems)
        ruleDiagnostics = ruleProblems.diagnostics
        if versions != nil {
            let folder = EvidenceFolder(root: evidencePath, limits: limits)
            var sink = DiagnosticSink()
            roster = folder.loadRoster(sink: &sink)
            rosterDiagnostics = sink.diagnostics
        }
    }

    public var evidenceFolder: EvidenceFolder { EvidenceFolder(root: evidencePath, limits: limits) }

    /// The quarter asked for, or the latest one with evidence.
    public func resolveQuarter(_ requested: Quarter?) throws(Diagnostic) -> Quarter {
        if let requested { return requested }
        guard FileSystem.kind(of: evidencePath) == .directory else {
            throw EvaluationMessages.evidenceNotFound(evidencePath)
        }
        guard let latest = evidenceFolder.quarters().last else {
            throw EvaluationMessages.evidenceNoQuarters(evidencePath)
        }
        return latest
    }

    /// A quarter read and evaluated with its records and results kept: what `explain`, the
    /// year and the impact of a rule change work from (a mine's quarter is small). A command
    /// that writes a quarter out streams it through `pipeline(for:under:)` instead.
    public struct QuarterRun: Sendable {
        public var outcome: QuarterOutcome
        public var evidence: QuarterEvidence
        /// The results, when they may be published (see `outcome.publication`).
        public var result: QuarterResult?

        public var quarter: Quarter { outcome.quarter }
        /// The version of the rules the quarter was evaluated under.
        public var policy: Policy { outcome.policy }
        /// Problems in the quarter's evidence, record checks included; the roster's are the
        /// roster's (`rosterDiagnostics`).
        public var evidenceProblems: [Diagnostic] { outcome.problems }
    }

    /// Loads and evaluates a quarter under the version of the rules in force for it.
    public func run(_ quarter: Quarter, partial: Bool = false) throws(Diagnostic) -> QuarterRun {
        try run(quarter, under: policy(for: quarter), partial: partial)
    }

    /// The version of the rules for a quarter: the one named by `version` when given (by its
    /// `policy.version` or its folder), otherwise the one in force on the quarter's first day.
    public func policy(for quarter: Quarter, version: String? = nil) throws(Diagnostic) -> Policy {
        guard let versions else {
            throw EvaluationMessages.unusableRules()
        }
        if let version { return try self.version(named: version) }
        guard let inForce = versions.inForce(for: quarter) else {
            throw EvaluationMessages.noVersionInForce(for: quarter, versions: versions)
        }
        return inForce
    }

    /// A version named on the command line, by its `policy.version` or its folder.
    public func version(named name: String) throws(Diagnostic) -> Policy {
        guard let versions else {
            throw EvaluationMessages.unusableRules()
        }
        guard let named = versions.version(named: name) else {
            throw EvaluationMessages.unknownVersion(name, versions: versions)
        }
        return named
    }

    /// The quarter's pipeline under the given version of the rules: every command's way in.
    public func pipeline(for quarter: Quarter, under policy: Policy) -> QuarterPipeline {
        QuarterPipeline(
            quarter: quarter, policy: policy, roster: roster ?? Roster(officers: []), folder: evidenceFolder,
            rosterUnusable: roster == nil || (roster?.officers.isEmpty == true && rosterDiagnostics.hasErrors))
    }

    /// Loads and evaluates a quarter under the given version of the rules, keeping the records
    /// and results. By default nothing is evaluated when the evidence has an error; with
    /// `partial`, the officers whose rows are sound are evaluated all the same (the problems
    /// are still reported, and the run still counts as having findings).
    public func run(_ quarter: Quarter, under policy: Policy, partial: Bool = false) -> QuarterRun {
        var sink = CollectingSink()
        let outcome = pipeline(for: quarter, under: policy).run(partial: partial, into: &sink)
        let evidence = QuarterEvidence(quarter: quarter, records: sink.records, files: outcome.files)
        let result = outcome.summary.map { QuarterResult(quarter: quarter, policy: policy, officers: sink.results, summary: $0) }
        return QuarterRun(outcome: outcome, evidence: evidence, result: result)
    }
}
