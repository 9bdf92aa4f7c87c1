import ScorecardBase
import ScorecardEvidence
import ScorecardRules

/// A quarter, start to finish, for every command: rows flow from the evidence files through
/// binding, the record checks, the items and the rewards into a sink, officer by officer, while
/// the totals run alongside. Nothing is kept per officer beyond what the sink keeps.
public struct QuarterPipeline: Sendable {
    public let quarter: Quarter
    /// The version of the rules the quarter is evaluated under.
    public let policy: Policy
    public let roster: Roster
    public let source: Source
    /// Whether the roster could not be read at all: every row would then be an unknown officer,
    /// so the quarter is not read and the roster's own problems say why.
    public let rosterUnusable: Bool
    /// How many parts a large record table may be read in at once (see `defaultParts`).
    public var parts: Int
    /// Below this size a record table is read in one part (tests lower it to split small files).
    package var partMinimumSize = CSVSplit.minimumSize
    /// Whether plain rows go through the kernel (`QuarterKernel`) when the policy compiles into
    /// one; off, every row goes through `QuarterEvaluator`, the reference (tests compare the two).
    package var useKernel = true

    public init(
        quarter: Quarter, policy: Policy, roster: Roster, folder: EvidenceFolder, rosterUnusable: Bool = false,
        parts: Int = QuarterPipeline.defaultParts
    ) {
        self.parts = parts
        self.quarter = quarter
        self.policy = policy
        self.roster = roster
        self.source = .folder(folder)
        self.rosterUnusable = rosterUnusable
    }

    /// A quarter whose evidence is tables in memory (a test case's inline records and lists),
    /// run exactly as one read from files.
    public init(quarter: Quarter, policy: Policy, roster: Roster, tables: YAMLEvidenceTables, file: String) {
        self.parts = 1
        self.quarter = quarter
        self.policy = policy
        self.roster = roster
        self.source = .tables(tables, file: file)
        self.rosterUnusable = false
    }

    /// Where the quarter's evidence comes from.
    public enum Source: Sendable {
        /// The quarter's folder in an evidence folder (`seeds/2025-Q4`).
        case folder(EvidenceFolder)
        /// Tables already in memory, every row placed in `file`.
        case tables(YAMLEvidenceTables, file: String)
    }

    /// Runs the quarter into `sink`. By default results stop going to the sink at the first
    /// error in the evidence (they could not be published), while reading and checking go on so
    /// that every problem is listed. With `partial`, the officers whose rows are sound are
    /// evaluated all the same and the others left out.
    /// With `evaluating` false only the evidence is read and checked (`check`): no item is scored.
    public func run(partial: Bool = false, evaluating: Bool = true, into sink: inout some QuarterSink) -> QuarterOutcome {
        if rosterUnusable {
            return QuarterOutcome(
                quarter: quarter, policy: policy, files: [], recordCount: 0, problems: [], failures: [],
                summary: nil, excluded: [], publication: .withheld(evidenceErrors: 0))
        }
        var pass = pass(partial: partial, evaluating: evaluating, excluding: [], into: &sink)
        if partial && !pass.reading.rejectedAfterHandover.isEmpty {
            // A second row for an officer already handed on: run again without them, so that
            // neither the sink nor the totals hold a result for an officer left out.
            sink.restart()
            pass = self.pass(partial: true, evaluating: evaluating, excluding: pass.reading.rejectedAfterHandover, into: &sink)
        }
        let reading = pass.reading
        var problems = reading.problems
        var saidOnce = Set<Diagnostic>()
        for (officerID, findings) in pass.findings where !reading.rejected.contains(officerID) {
            // A check failing for want of a column is the same report on every row: kept once.
            problems += findings.filter { $0.code != EvaluationCode.evidenceCheckAbsentColumn || saidOnce.insert($0).inserted }
        }
        let evidenceErrors = problems.count { $0.severity == .error }
        var failures = pass.failures.take()
        if let overflow = pass.summary.overflow { failures.append(overflow) }
        let publication: Publication
        if evidenceErrors > 0 && !partial {
            publication = .withheld(evidenceErrors: evidenceErrors)
            failures = []
        } else if !failures.isEmpty || evidenceErrors > 0 {
            publication = .incomplete(
                failedOfficers: pass.summary.incompleteCount, excludedOfficers: evidenceErrors > 0 ? reading.rejected.count : 0)
        } else {
            publication = .final
        }
        return QuarterOutcome(
            quarter: quarter, policy: policy, files: reading.files, recordCount: pass.recordCount,
            problems: problems.sortedForDisplay(), failures: failures,
            summary: publication.mayWrite ? pass.summary : nil, excluded: evidenceErrors > 0 ? reading.rejected : [],
            publication: publication)
    }

    private struct Pass {
        var reading: QuarterReading
        var summary: QuarterSummary
        var recordCount = 0
        /// Record checks that failed, by officer: dropped for an officer rejected later.
        var findings: [(String, [Diagnostic])] = []
        var failures = DiagnosticSink()
    }

    /// What one part of the record table gave: totals, findings and failures, in file order.
    private struct PartState {
        var summary: QuarterSummary
        var recordCount = 0
        var findings: [(String, [Diagnostic])] = []
        var failures = DiagnosticSink()
        /// Whether results may still be published; once not, records are only checked.
        var sound: Bool

        mutating func take(
            _ record: OfficerRecord, evaluator: QuarterEvaluator, partial: Bool, excluding: Set<String>,
            into sink: inout some QuarterSink
        ) {
            if !excluding.isEmpty && excluding.contains(record.officer.id) { return }
            recordCount += 1
            guard sound || partial else {
                // The results can no longer be published: only the checks still have something to say.
                // Only the findings are kept: a check that cannot be evaluated concerns results, and none are published.
                var found = DiagnosticSink()
                var unevaluated = DiagnosticSink()
                evaluator.check(record, findings: &found, failures: &unevaluated)
                if !found.isEmpty { findings.append((record.officer.id, found.take())) }
                return
            }
            let result = evaluator.evaluate(record)
            if !result.findings.isEmpty {
                findings.append((record.officer.id, result.findings))
                if result.findings.contains(where: { $0.severity == .error }) { sound = false }
            }
            failures.append(contentsOf: result.failures)
            summary.add(result)
            sink.accept(result, of: record)
        }

        /// A plain row (see `PlainRecords`) through the kernel: what `take` does for the same
        /// row, without an `OfficerRecord` or an `OfficerResult`. False when the kernel declines
        /// it (a check fails, something cannot be computed exactly): the row then goes the general way.
        mutating func takePlain(
            _ position: Int, _ values: UnsafeMutableBufferPointer<Int64>, kernel: QuarterKernel, scratch: inout KernelScratch,
            roster: Roster, partial: Bool, excluding: Set<String>, into sink: inout some QuarterSink
        ) -> Bool {
            if !excluding.isEmpty && excluding.contains(roster.officers[position].id) { return true }
            scratch.load(values)
            guard kernel.passesChecks(&scratch) else { return false }
            guard sound || partial else {
                recordCount += 1
                return true
            }
            guard kernel.evaluate(&scratch) else { return false }
            recordCount += 1
            let officer = roster.officers[position]
            summary.add(scratch.result, of: officer, kernel: kernel)
            sink.accept(scratch.result, of: officer, kernel: kernel)
            return true
        }
    }

    /// How many parts a large record table is read in at once: one per processor, at most two
    /// (the machines this runs on), and one when the sink takes results only in order.
    public static var defaultParts: Int { min(2, ParallelWork.processorCount) }

    private func pass<Sink: QuarterSink>(partial: Bool, evaluating: Bool, excluding: Set<String>, into sink: inout Sink) -> Pass {
        let evaluator = QuarterEvaluator(policy: policy)
        let wanted = sink.part() == nil ? 1 : parts
        let reader =
            switch source {
            case .folder(let folder):
                QuarterReader(
                    folder: folder, quarter: quarter, policy: policy, roster: roster, parts: wanted, partMinimumSize: partMinimumSize)
            case .tables(let tables, let file):
                QuarterReader(tables: tables, file: file, quarter: quarter, policy: policy, roster: roster)
            }
        let fresh = PartState(summary: QuarterSummary(policy: policy), sound: evaluating)
        // The kernel, when the policy compiles into one and the results can go to the sink
        // without an `OfficerResult` (or none is wanted: `check`).
        let kernel = useKernel ? QuarterKernel(policy: policy) : nil
        let plain = kernel != nil && (sink.takesPlainResults || (!evaluating && !partial)) ? kernel : nil
        let roster = self.roster
        /// One part of the record table into `partSink`: plain rows through the kernel when
        /// there is one, every other row (and every row without a kernel) the general way.
        func read(_ index: Int, into partSink: inout Sink) -> (RecordBinder, PartState) {
            var binder = reader.binder.part()
            var state = fresh
            if let plain {
                var scratch = KernelScratch(plain)
                reader.readPart(
                    index, into: &binder, plain: plain.plain,
                    plainRow: { position, values in
                        state.takePlain(
                            position, values, kernel: plain, scratch: &scratch, roster: roster, partial: partial, excluding: excluding,
                            into: &partSink)
                    }
                ) { record in
                    state.take(record, evaluator: evaluator, partial: partial, excluding: excluding, into: &partSink)
                }
            } else {
                reader.readPart(index, into: &binder) { record in
                    state.take(record, evaluator: evaluator, partial: partial, excluding: excluding, into: &partSink)
                }
            }
            return (binder, state)
        }
        if reader.partCount == 1 {
            let (binder, state) = read(0, into: &sink)
            return Pass(
                reading: reader.finish([binder]), summary: state.summary, recordCount: state.recordCount,
                findings: state.findings, failures: state.failures)
        }
        // Parts of the file at once, each into a sink of its own, joined back in file order.
        let sinks = (0..<reader.partCount).compactMap { _ in sink.part() }
        let done = ParallelWork.map(reader.partCount) { index -> (RecordBinder, PartState, Sink) in
            var partSink = sinks[index]
            let (binder, state) = read(index, into: &partSink)
            return (binder, state, partSink)
        }
        var pass = Pass(reading: reader.finish(done.map { $0.0 }), summary: fresh.summary)
        for (_, state, partSink) in done {
            pass.summary.append(state.summary)
            pass.recordCount += state.recordCount
            pass.findings += state.findings
            pass.failures.append(contentsOf: state.failures.diagnostics)
            sink.append(partSink)
        }
        return pass
    }
}

/// What running a quarter found: the problems, the totals and whether the results may be published.
/// The problems are this outcome's output, listed to the user, so they are kept as data here.
public struct QuarterOutcome: Sendable {
    public var quarter: Quarter
    public var policy: Policy
    /// The evidence files read, the record table first.
    public var files: [String]
    /// Sound records read.
    public var recordCount: Int
    /// Problems in the evidence, record checks included, in the order a reader goes through
    /// the files. The roster's own problems are the roster's (`Workspace.rosterDiagnostics`).
    public var problems: [Diagnostic]
    /// Officers whose result could not be computed, and sums past what can be computed; empty
    /// when the results are withheld.
    public var failures: [Diagnostic]
    /// The totals of the results written; nil when they are withheld.
    public var summary: QuarterSummary?
    /// Officers left out of a partial run because their evidence has problems.
    public var excluded: Set<String>
    public var publication: Publication
}
