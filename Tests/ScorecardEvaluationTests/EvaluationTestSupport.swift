import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

let bundledRules = packagePath("rules")
let seeds = packagePath("seeds")

/// The bundled rules over the demo seeds, loaded once for every test that reads them.
let seedWorkspace = Workspace(rulesPath: bundledRules, evidencePath: seeds)

/// The original 2021 policy (rules/ itself): the version the hand-checked figures were worked
/// out under, whatever version is in force for a quarter.
let originalPolicy = seedWorkspace.versions?.version(named: "2021.1")

/// The four seed quarters under the original policy, each read and evaluated once per test run.
let seedRuns: [Workspace.QuarterRun?] = (1...4).map { number in
    originalPolicy.map { seedWorkspace.run(quarter(number), under: $0) }
}

/// The four seed quarters under the version in force for each (2021.1 for Q1–Q2, the 2025.1
/// demo revision from 2025-07-01 for Q3–Q4).
let seedRunsInForce: [Workspace.QuarterRun?] = (1...4).map { try? seedWorkspace.run(quarter($0)) }

func quarter(_ number: Int) -> Quarter { Quarter(year: 2025, number: number)! }

extension QuarterResult {
    func officer(_ id: String) -> OfficerResult? { officers.first { $0.officer.id == id } }
}

extension OfficerResult {
    func item(_ id: String) -> ItemResult? { items.first { $0.itemID == id } }
    func score(_ id: String) -> ExactDecimal? { item(id)?.score }
}

func readBytes(_ path: String) -> [UInt8] {
    guard let bytes = try? FileSystem.read(path) else { fatalError("cannot read \(path)") }
    return bytes
}

/// Rows of a table held in memory.
struct MemoryRows: EvidenceRowSource {
    var header: [EvidenceCell]
    var rows: [EvidenceRow]
    var position = 0

    /// `lines[0]` is the header; cells are split on commas; locations are `file:line:column`
    /// counted as a CSV file would be.
    init(_ lines: [String], file: String) {
        func cells(_ line: String, _ number: Int) -> [EvidenceCell] {
            var column = 1
            return line.split(separator: ",", omittingEmptySubsequences: false).map { part in
                defer { column += part.unicodeScalars.count + 1 }
                return EvidenceCell(text: String(part), location: SourceLocation(file: file, line: number, column: column))
            }
        }
        header = cells(lines[0], 1)
        rows = lines.dropFirst().enumerated().map { offset, line in
            EvidenceRow(cells: cells(line, offset + 2), location: SourceLocation(file: file, line: offset + 2, column: 1))
        }
    }

    mutating func nextRow(problems: inout DiagnosticSink) -> EvidenceRow? {
        guard position < rows.count else { return nil }
        defer { position += 1 }
        return rows[position]
    }
}

/// A policy from YAML text; the test fails (and stops) if it does not load.
func loadPolicy(_ yaml: String, file: String = "rules.yaml") throws -> Policy {
    var problems = DiagnosticSink()
    let loaded = PolicyLoader.load(sources: [RuleSource(displayPath: file, bytes: Array(yaml.utf8))], sink: &problems)
    let errors = problems.diagnostics.filter { $0.severity == .error }
    #expect(errors.isEmpty, "\(errors)")
    return try #require(loaded.policy)
}

/// Officers for in-memory tests: 1001 …, all in office all year.
func roster(_ entries: [(id: String, name: String, unit: String)]) -> Roster {
    Roster(
        officers: entries.enumerated().map { index, entry in
            Officer(
                id: entry.id, name: entry.name, unit: entry.unit, area: "班\(index + 1)",
                location: SourceLocation(file: "officers.csv", line: index + 2, column: 1))
        })
}

/// Binds in-memory records (and optionally suggestion rows) and evaluates them.
func evaluate(
    _ policy: Policy, roster: Roster, records: [String], suggestions: [String]? = nil, quarter: Quarter = quarter(1)
) -> (evidence: QuarterEvidence, problems: [Diagnostic], result: QuarterResult) {
    var binder = RecordBinder(policy: policy, roster: roster, quarter: quarter)
    var rows = MemoryRows(records, file: "scores.csv")
    binder.bindRecords(from: &rows, file: "scores.csv")
    if let suggestions, let list = policy.evidence.lists.first {
        var listRows = MemoryRows(suggestions, file: "suggestions.csv")
        binder.bindList(list, from: &listRows, file: "suggestions.csv")
    }
    let evidence = binder.finish(files: ["scores.csv"])
    return (evidence, binder.problems, QuarterEvaluator(policy: policy).evaluate(evidence))
}

/// Everything a quarter's result says, as lines of text, for comparing two runs field by field.
/// With `locations` false, the places values were read are left out (they differ between the
/// CSV and YAML forms of the same evidence).
func fingerprint(_ result: QuarterResult, locations: Bool = true) -> [String] {
    var lines = ["\(result.quarter) \(result.policyName) \(result.policyVersion)"]
    for officer in result.officers {
        lines.append("officer \(officer.officer.id) \(officer.officer.name) \(officer.officer.unit)\(officer.officer.area)")
        for item in officer.items {
            lines.append("  item \(item.itemID) \(item.score.map(\.description) ?? "-") \(item.basis.map { "\($0)" } ?? "-")")
        }
        lines.append("  total \(officer.total.map(\.description) ?? "-") \(officer.grade ?? "-")")
        for reward in officer.rewards {
            let breakdown = reward.breakdown.map { "\($0.key)×\($0.count)@\($0.rate)" }.joined(separator: ",")
            lines.append("  reward \(reward.rewardID) \(reward.fund) \(reward.amount) [\(breakdown)] \(reward.withheld) \(reward.capped)")
        }
        lines.append("  rewardTotal \(officer.rewardTotal.map(\.description) ?? "-")")
        let problems = officer.findings + officer.failures
        lines += problems.map { "  problem " + (locations ? $0.description : "\($0.code) \($0.message)") }
        if locations { lines.append("  at \(officer.recordLocation)") }
    }
    lines += result.byUnit.map { "unit \($0.key) \($0.officers) \($0.scoreSum) \($0.reward)" }
    lines += result.byFund.map { "fund \($0.fund.id) \($0.fund.name) \($0.amount)" }
    lines += result.gradeCounts.map { "grade \($0.grade) \($0.count)" }
    lines.append("rewardTotal \(result.rewardTotal)")
    return lines
}
