import ScorecardBase
import ScorecardEvidence
import ScorecardRules

extension Workspace {
    /// A year's quarters, each read and evaluated under the version of the rules in force on
    /// its first day, and the version whose `annual` rules close the year (the last quarter's).
    public struct YearRun: Sendable {
        public var year: Int
        /// Each quarter's outcome, oldest first.
        public var outcomes: [QuarterOutcome]
        public var yearEndPolicy: Policy
        /// The quarters as the annual evaluator takes them, each kept slim (`AnnualQuarterSink`);
        /// nil while any quarter has no result.
        public var annualQuarters: [AnnualQuarter]?
    }

    /// The years with evidence, oldest first.
    public func years() -> [Int] {
        var years: [Int] = []
        for quarter in evidenceFolder.quarters() where years.last != quarter.year { years.append(quarter.year) }
        return years
    }

    /// The year asked for (it must have evidence), or the latest with evidence.
    public func resolveYear(_ requested: Int?) throws(Diagnostic) -> Int {
        let years = years()
        if let requested, years.contains(requested) { return requested }
        if requested == nil, let latest = years.last { return latest }
        throw EvaluationMessages.evidenceNoYear(requested, known: years, in: evidencePath)
    }

    /// Loads and evaluates every quarter of `year` with evidence. Every quarter's evidence
    /// problems go to `sink`, the roster's said once; errors there mean no results. A quarter
    /// for which no version of the rules is in force stops the run (a rule-level problem).
    public func runYear(_ year: Int, sink: inout DiagnosticSink) throws(Diagnostic) -> YearRun {
        var outcomes: [QuarterOutcome] = []
        var quarters: [AnnualQuarter] = []
        for quarter in evidenceFolder.quarters() where quarter.year == year {
            let policy = try policy(for: quarter)
            var sink = AnnualQuarterSink(policy: policy)
            let outcome = pipeline(for: quarter, under: policy).run(into: &sink)
            outcomes.append(outcome)
            if let summary = outcome.summary {
                quarters.append(AnnualQuarter(quarter: quarter, policy: policy, officers: sink.table, byFund: summary.byFund))
            }
        }
        guard let last = outcomes.last else {
            _ = try resolveYear(year)
            throw unusableRules
        }
        // The roster's problems are the roster's: said once, beside every quarter's own.
        sink.append(contentsOf: rosterDiagnostics)
        for outcome in outcomes { sink.append(contentsOf: outcome.problems) }
        return YearRun(
            year: year, outcomes: outcomes, yearEndPolicy: last.policy,
            annualQuarters: quarters.count == outcomes.count ? quarters : nil)
    }

    private var unusableRules: Diagnostic { EvaluationMessages.unusableRules() }
}
