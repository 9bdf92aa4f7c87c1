import ScorecardEvidence

/// Where a quarter's results go, one officer at a time, in the order of the record table: a
/// report being written, a ledger, a collection for a mine-sized quarter.
public protocol QuarterSink {
    /// One officer's result and the record it was computed from. Neither is kept by the pipeline.
    mutating func accept(_ result: OfficerResult, of record: OfficerRecord)
    /// Forgets every result accepted so far: the run starts over (a partial run that learns
    /// late of an officer to leave out).
    mutating func restart()
    /// An empty sink for a later part of the record table, filled on another thread while
    /// this one is; nil (the default) when results can only come in order, one part.
    func part() -> Self?
    /// Takes in a part's results (`part()`), after every result this sink already has.
    mutating func append(_ part: Self)
    /// Whether the sink takes results from the kernel (`accept(_:of:)` with a `PlainResult`):
    /// the pipeline then computes a plain row's result there, without an `OfficerResult`.
    var takesPlainResults: Bool { get }
    /// One officer's result from the kernel, borrowed for the call, in the same order as the
    /// others. Only called when `takesPlainResults`.
    mutating func accept(_ result: borrowing PlainResult, of officer: Officer, kernel: QuarterKernel)
}

extension QuarterSink {
    public func part() -> Self? { nil }
    public mutating func append(_ part: Self) {}
    public var takesPlainResults: Bool { false }
    public mutating func accept(_ result: borrowing PlainResult, of officer: Officer, kernel: QuarterKernel) {}
}

/// Keeps every record and result: for a quarter of a mine's size (explain, the year, the
/// impact of a rule change), where holding them is cheap and looking back is needed.
public struct CollectingSink: QuarterSink, Sendable {
    public private(set) var records: [OfficerRecord] = []
    public private(set) var results: [OfficerResult] = []

    public init() {}

    public mutating func accept(_ result: OfficerResult, of record: OfficerRecord) {
        records.append(record)
        results.append(result)
    }

    public mutating func restart() {
        records.removeAll()
        results.removeAll()
    }

    public func part() -> CollectingSink? { CollectingSink() }

    public mutating func append(_ part: CollectingSink) {
        records += part.records
        results += part.results
    }
}

/// Keeps nothing: for a run that only wants the problems and the totals (`check`).
public struct DiscardingSink: QuarterSink, Sendable {
    public init() {}
    public mutating func accept(_ result: OfficerResult, of record: OfficerRecord) {}
    public mutating func restart() {}
    public func part() -> DiscardingSink? { DiscardingSink() }
    public mutating func append(_ part: DiscardingSink) {}
    public var takesPlainResults: Bool { true }
}
