import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardRules
import ScorecardYAML

/// Rows written inline in a test file (`- {officer: "10533", name: 石磊, …}`), as a table the
/// evidence readers take: the header is every key in the order first written, and each cell
/// keeps the place of its value in the test file.
struct InlineRows: EvidenceRowSource {
    var header: [EvidenceCell]
    private var rows: [EvidenceRow]
    private var position = 0

    /// `defaults` fill keys a row leaves out (and add them to the header), for columns that only
    /// identify a row (a candidate's unit and shift), never for rule fields.
    /// Each default applies when the row has none of its keys (a column's id or Chinese names).
    init(_ node: YAMLNode, defaults: [(keys: [String], value: (YAMLNode) -> String)] = [], problems: inout DiagnosticSink) {
        var titles: [String] = []
        var places: [String: SourceLocation] = [:]
        var table: [([String: EvidenceCell], SourceLocation)] = []
        for item in node.sequence ?? [] {
            guard let pairs = item.mapping else { continue }
            var cells: [String: EvidenceCell] = [:]
            for pair in pairs {
                guard let key = pair.key.scalar?.value else { continue }
                if places[key] == nil {
                    places[key] = keyLocation(pair)
                    titles.append(key)
                }
                cells[key] = InlineRows.cell(pair.value, problems: &problems)
            }
            for (keys, value) in defaults where !keys.contains(where: { cells[$0] != nil }) {
                guard let key = keys.first(where: { places[$0] != nil }) ?? keys.first else { continue }
                if places[key] == nil {
                    places[key] = item.location
                    titles.append(key)
                }
                cells[key] = EvidenceCell(text: value(item), location: item.location)
            }
            table.append((cells, item.location))
        }
        let fallback = node.location
        header = titles.map { EvidenceCell(text: $0, location: places[$0] ?? fallback) }
        rows = table.map { cells, location in
            EvidenceRow(cells: titles.map { cells[$0] ?? EvidenceCell(text: "", location: location) }, location: location)
        }
    }

    mutating func nextRow(problems: inout DiagnosticSink) -> EvidenceRow? {
        guard position < rows.count else { return nil }
        defer { position += 1 }
        return rows[position]
    }

    static func cell(_ node: YAMLNode, problems: inout DiagnosticSink) -> EvidenceCell {
        guard let scalar = node.scalar else {
            problems.append(TestCaseMessages.notAValue(node))
            return EvidenceCell(text: "", location: node.location)
        }
        return EvidenceCell(text: scalar.isNull ? "" : scalar.value, location: valueLocation(node))
    }
}

/// One quarter of inline evidence read, bound and evaluated the way `evaluate` does it: the
/// same readers, the same checks, the same evaluator; only the files are the test's.
struct InlineQuarter {
    var quarter: Quarter
    var policy: Policy
    var roster: Roster
    var evidence: QuarterEvidence
    var results: [OfficerResult]
    var summary: QuarterSummary
    /// Problems in the roster and the records, in file order; the record checks that fail are
    /// each officer's `findings`. Data, not a channel: a case's expectations name these codes.
    var problems: [Diagnostic]

    /// The officer an expectation names: by id, else by name when only one has it.
    func officer(_ written: String) -> Officer? {
        roster.officer(withID: written)
            ?? {
                let named = roster.officers.filter { $0.name == written }
                return named.count == 1 ? named.first : nil
            }()
    }

    func result(of officer: Officer) -> OfficerResult? { results.first { $0.officer.id == officer.id } }
    func record(of officer: Officer) -> OfficerRecord? { evidence.records.first { $0.officer.id == officer.id } }

    /// `shared`: the roster is the file's, and only the rows of officers with a record here count.
    static func read(records node: YAMLNode, roster rosterNode: YAMLNode?, shared: Bool, policy: Policy, quarter: Quarter, file: String)
        -> InlineQuarter
    {
        var problems = DiagnosticSink()
        var names: [String: String] = [:]
        for field in policy.evidence.fields + policy.evidence.lists.flatMap(\.fields) {
            if let name = field.name { names[name] = field.id }
        }
        let root = YAMLNode(
            .mapping([YAMLPair(key: YAMLNode(.scalar(YAMLScalar(value: "records", style: .plain)), at: node.location), value: node)]),
            at: node.location)
        let tables = YAMLEvidenceTables.read(
            root, listIDs: policy.evidence.lists.map(\.id), canonical: { names[$0] ?? $0 }, problems: &problems)

        let roster: Roster
        if let rosterNode {
            var rows = InlineRows(shared ? onlyRows(of: officerIDs(tables.records), in: rosterNode) : rosterNode, problems: &problems)
            var sink = DiagnosticSink()
            roster = RosterLoader.load(from: &rows, file: file, sink: &sink)
            problems.append(contentsOf: sink.diagnostics)
        } else {
            roster = madeUpRoster(tables.records)
        }

        // The same pipeline as `evaluate --partial`: every sound officer is evaluated, so that a
        // case can expect one officer's failure beside another's problem.
        let pipeline = QuarterPipeline(quarter: quarter, policy: policy, roster: roster, tables: tables, file: file)
        var sink = CollectingSink()
        let outcome = pipeline.run(partial: true, into: &sink)
        // A failed record check is its officer's finding (a case may expect it); the rest are the files'.
        let findings = Set(sink.results.flatMap(\.findings))
        problems.append(contentsOf: outcome.problems.filter { !findings.contains($0) })
        let evidence = QuarterEvidence(quarter: quarter, records: sink.records, files: outcome.files)
        let results = sink.results
        let summary = outcome.summary ?? QuarterSummary(policy: policy)
        return InlineQuarter(
            quarter: quarter, policy: policy, roster: roster, evidence: evidence, results: results, summary: summary,
            problems: problems.diagnostics.sortedForDisplay())
    }

    /// The officer ids the record rows give.
    private static func officerIDs(_ table: YAMLEvidenceTables.TableRows) -> Set<String> {
        var rows = table
        var ignored = DiagnosticSink()
        guard let column = table.header.firstIndex(where: { $0.text == "officer" }) else { return [] }
        var ids = Set<String>()
        while let row = rows.nextRow(problems: &ignored) {
            if let id = row.text(at: column) { ids.insert(trimmed(id)) }
        }
        return ids
    }

    /// The roster rows of the given officers (by any spelling of the id column).
    private static func onlyRows(of ids: Set<String>, in node: YAMLNode) -> YAMLNode {
        let keys = ["officer", "工号", "联系员编号", "编号"]
        let kept = (node.sequence ?? []).filter { row in
            keys.lazy.compactMap { row[$0]?.scalar?.value }.first.map { ids.contains(trimmed($0)) } ?? false
        }
        return YAMLNode(.sequence(kept), at: node.location)
    }

    /// Without a roster, each officer in the records serves all year under the id and name the
    /// record gives; unit and shift are left unnamed.
    private static func madeUpRoster(_ table: YAMLEvidenceTables.TableRows) -> Roster {
        var rows = table
        var ignored = DiagnosticSink()
        let idColumn = table.header.firstIndex { $0.text == "officer" }
        let nameColumn = table.header.firstIndex { $0.text == "name" || $0.text == "姓名" }
        var officers: [Officer] = []
        while let row = rows.nextRow(problems: &ignored) {
            guard let idColumn, let id = row.text(at: idColumn).map(trimmed), !id.isEmpty,
                !officers.contains(where: { $0.id == id })
            else { continue }
            let name = nameColumn.flatMap { row.text(at: $0) }.map(trimmed).flatMap { $0.isEmpty ? nil : $0 } ?? id
            officers.append(Officer(id: id, name: name, unit: "（未写单位）", area: "（未写班次）", location: row.location))
        }
        return Roster(officers: officers)
    }
}

func trimmed(_ text: String) -> String {
    var scalars = Substring(text)
    while let first = scalars.first, first.isWhitespace { scalars = scalars.dropFirst() }
    while let last = scalars.last, last.isWhitespace { scalars = scalars.dropLast() }
    return String(scalars)
}
