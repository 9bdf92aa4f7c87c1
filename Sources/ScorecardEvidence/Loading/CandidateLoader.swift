import ScorecardBase
import ScorecardExpression
import ScorecardRules

/// Reads the candidates file (`candidates.csv`): one row per candidate with the identifying
/// columns and one column per `eligibility.candidate_fields` entry, by id or Chinese name.
/// Every problem is collected; a candidate whose row has one is left out and named.
public enum CandidateLoader {
    static let keys = TableKeys(
        key: ["candidate", "候选人编号", "工号"], name: [],
        fixed: [["name", "姓名"], ["unit", "单位", "区队", "科区"], ["area", "责任片区", "班次"]],
        missingKeyCode: EvidenceCode.missingCandidateColumn, missingKeyMessage: "候选人名单中没有候选人编号这一列",
        missingKeyHint: "第一行表头应当有“candidate”或“候选人编号”")

    public static func load(
        from source: inout some EvidenceRowSource & ~Copyable, eligibility: Eligibility, file: String, sink: inout DiagnosticSink
    ) -> CandidateList {
        let fields = eligibility.candidateFields
        let mapping = ColumnMapping(header: source.header, fields: fields, keys: keys, file: file, problems: &sink)
        guard let keyColumn = mapping.keyColumn, !mapping.fixedColumns.contains(where: { $0 == nil }) else {
            return CandidateList(file: file, candidates: [], rejected: [])
        }
        var candidates: [Candidate] = []
        var rejected: [CandidateList.RejectedRow] = []
        var firstRow: [String: SourceLocation] = [:]
        // Which of two rows for one candidate is right is for the office to say: neither is judged.
        var duplicated: Set<String> = []
        while let row = source.nextRow(problems: &sink) {
            var sound = !FieldCellReading.reportIfShort(row, header: source.header, problems: &sink)
            // The key, then name, unit and area: all must be filled in.
            var identity: [String] = []
            for (column, title) in zip([keyColumn] + mapping.fixedColumns.compactMap { $0 }, ["候选人编号", "姓名", "单位", "班次"]) {
                let text = row.text(at: column)?.trimmedForEvidence ?? ""
                if text.isEmpty, row.text(at: column) != nil {
                    sink.append(EvidenceMessages.missingCandidateValue(title, at: row.location(at: column)))
                }
                if text.isEmpty { sound = false }
                identity.append(text)
            }
            let (id, name, unit, area) = (identity[0], identity[1], identity[2], identity[3])
            if !id.isEmpty, let earlier = firstRow[id] {
                sink.append(EvidenceMessages.duplicateCandidate(id, at: row.location(at: keyColumn), first: earlier))
                if duplicated.insert(id).inserted { rejected.append(.init(id: id, name: name, location: earlier)) }
                continue
            }
            if !id.isEmpty { firstRow[id] = row.location(at: keyColumn) }
            let owner = id.isEmpty ? "候选人" : "候选人 \(id)（\(name)）"
            var values: [Value] = []
            for (index, field) in fields.enumerated() {
                let value = FieldCellReading.value(
                    of: field, column: mapping.fieldColumns[index], row: row, owner: owner, quarter: nil, problems: &sink)
                if value == nil { sound = false }
                values.append(value ?? .missing)
            }
            guard sound else {
                rejected.append(.init(id: id.isEmpty ? nil : id, name: name.isEmpty ? nil : name, location: row.location))
                continue
            }
            candidates.append(
                Candidate(id: id, name: name, unit: unit, area: area, values: values, row: row, fieldColumns: mapping.fieldColumns))
        }
        candidates.removeAll { duplicated.contains($0.id) }
        return CandidateList(file: file, candidates: candidates, rejected: rejected)
    }
}

extension EvidenceFolder {
    public static let candidatesFile = "candidates.csv"

    /// Reads `candidates.csv` against the rules' eligibility fields; its problems go to `sink`.
    public func loadCandidates(_ eligibility: Eligibility, sink: inout DiagnosticSink) -> CandidateList {
        let path = FileSystem.join(root, Self.candidatesFile)
        let workbook = FileSystem.join(root, Self.candidatesWorkbook)
        let empty = CandidateList(file: path, candidates: [], rejected: [])
        let choice: Choice
        do throws(Diagnostic) { choice = try Self.choose(csv: path, workbook: workbook) } catch {
            sink.append(error)
            return empty
        }
        switch choice {
        case .neither:
            sink.append(EvidenceMessages.noCandidates(path))
            return empty
        case .csv:
            let opened = CSVRowSource.open(path, limits: limits, problems: &sink)
            guard var source = opened else { return empty }
            return CandidateLoader.load(from: &source, eligibility: eligibility, file: path, sink: &sink)
        case .workbook:
            guard
                var source = XLSXRowSource.open(
                    workbook, sheetNames: Self.candidateSheets, firstIfNone: true, limits: limits, problems: &sink)
            else {
                return CandidateList(file: workbook, candidates: [], rejected: [])
            }
            return CandidateLoader.load(from: &source, eligibility: eligibility, file: workbook, sink: &sink)
        }
    }
}
