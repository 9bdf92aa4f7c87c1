import ScorecardBase
import ScorecardYAML

/// Turns a YAML evidence file into tables: the officers' records and each itemised list.
///
/// ```yaml
/// quarter: 2025-Q3
/// records:
///   - officer: "10231"
///     i01: 4.5
///     reports_due: 9
///     suggestions:
///       - {date: 2025-07-12, level: 矿, title: 井口候车区加装遮阳棚}
/// ```
public struct YAMLEvidenceTables: Sendable {
    public var quarter: (text: String, location: SourceLocation)?
    public var records: TableRows
    public var lists: [String: TableRows]

    /// A header and rows held in memory, built from YAML mappings.
    public struct TableRows: EvidenceRowSource, Sendable {
        public var header: [EvidenceCell]
        var rows: [EvidenceRow]
        var position = 0
        private var filter = ControlCharacterFilter()

        init(header: [EvidenceCell], rows: [EvidenceRow]) {
            self.header = header
            self.rows = rows
        }

        public mutating func nextRow(problems: inout DiagnosticSink) -> EvidenceRow? {
            while position < rows.count {
                defer { position += 1 }
                if filter.admits(rows[position], problems: &problems) { return rows[position] }
            }
            return nil
        }

        public mutating func takeDroppedRows() -> [DroppedRow] { filter.take() }
    }

    /// `canonical` turns a key as written (a field's id or Chinese name, `工号`…) into the one
    /// title used for the column, so a file may mix both spellings across records.
    public static func read(
        _ root: YAMLNode, listIDs: [String], canonical: (String) -> String = { $0 }, problems: inout DiagnosticSink
    ) -> YAMLEvidenceTables {
        var tables = YAMLEvidenceTables(quarter: nil, records: TableRows(header: [], rows: []), lists: [:])
        guard let pairs = root.mapping else {
            problems.append(EvidenceMessages.yamlRootNotMapping(at: root.location))
            return tables
        }
        var recordNodes: [YAMLNode] = []
        for pair in pairs {
            switch pair.key.scalar?.value {
            case "quarter":
                if let text = pair.value.scalar?.value { tables.quarter = (text, pair.value.location) }
            case "records":
                if let items = pair.value.sequence {
                    recordNodes = items
                } else {
                    problems.append(EvidenceMessages.yamlRecordsNotList(at: pair.value.location))
                }
            default:
                problems.append(EvidenceMessages.yamlUnknownTopKey(pair.key.scalar?.value, at: pair.key.location))
            }
        }

        var recordHeader: [String] = []
        var listHeaders: [String: [String]] = [:]
        var keyPlaces: [String: SourceLocation] = [:]
        var recordRows: [[String: EvidenceCell]] = []
        var recordLocations: [SourceLocation] = []
        var listRows: [String: [([String: EvidenceCell], SourceLocation)]] = [:]
        for node in recordNodes {
            guard let fields = node.mapping else {
                problems.append(EvidenceMessages.yamlRecordNotMapping(at: node.location))
                continue
            }
            var cells: [String: EvidenceCell] = [:]
            var officerCell: EvidenceCell?
            var ownListRows: [(String, [String: EvidenceCell], SourceLocation)] = []
            for pair in fields {
                guard let written = pair.key.scalar?.value else { continue }
                // Every spelling of the officer key is one column, whichever each record uses.
                let key = ColumnMapping.officerHeaders.contains(canonical(written)) ? "officer" : canonical(written)
                if listIDs.contains(key) {
                    guard let items = pair.value.sequence else {
                        problems.append(EvidenceMessages.yamlListNotList(key, at: pair.value.location))
                        continue
                    }
                    for item in items {
                        guard let itemPairs = item.mapping else {
                            problems.append(EvidenceMessages.yamlListEntryNotMapping(key, at: item.location))
                            continue
                        }
                        var itemCells: [String: EvidenceCell] = [:]
                        for itemPair in itemPairs {
                            guard let writtenKey = itemPair.key.scalar?.value else { continue }
                            let itemKey = canonical(writtenKey)
                            if keyPlaces["\(key).\(itemKey)"] == nil { keyPlaces["\(key).\(itemKey)"] = itemPair.key.location }
                            itemCells[itemKey] = cell(itemPair.value, problems: &problems)
                            if !(listHeaders[key, default: []].contains(itemKey)) { listHeaders[key, default: []].append(itemKey) }
                        }
                        ownListRows.append((key, itemCells, item.location))
                    }
                } else {
                    let value = cell(pair.value, problems: &problems)
                    if cells[key] != nil {
                        problems.append(EvidenceMessages.yamlFieldTwice(written, at: pair.key.location))
                    }
                    cells[key] = value
                    if ColumnMapping.officerHeaders.contains(key) { officerCell = value }
                    if keyPlaces[key] == nil { keyPlaces[key] = pair.key.location }
                    if !recordHeader.contains(key) { recordHeader.append(key) }
                }
            }
            // List rows carry the officer id of the record they sit in, as in the CSV layout.
            for (listID, itemCells, location) in ownListRows {
                var withOfficer = itemCells
                if !withOfficer.keys.contains(where: ColumnMapping.officerHeaders.contains) {
                    withOfficer["officer"] = officerCell ?? EvidenceCell(text: "", location: location)
                }
                listRows[listID, default: []].append((withOfficer, location))
            }
            recordRows.append(cells)
            recordLocations.append(node.location)
        }

        func table(_ header: [String], _ rows: [([String: EvidenceCell], SourceLocation)], prefix: String) -> TableRows {
            TableRows(
                header: header.map { EvidenceCell(text: $0, location: keyPlaces[prefix + $0] ?? root.location) },
                rows: rows.map { cells, rowLocation in
                    EvidenceRow(cells: header.map { cells[$0] ?? EvidenceCell(text: "", location: rowLocation) }, location: rowLocation)
                })
        }
        tables.records = table(recordHeader, Array(zip(recordRows, recordLocations)), prefix: "")
        for (listID, rows) in listRows {
            var header = listHeaders[listID] ?? []
            if !header.contains(where: ColumnMapping.officerHeaders.contains) { header.insert("officer", at: 0) }
            tables.lists[listID] = table(header, rows, prefix: "\(listID).")
        }
        return tables
    }

    private static func cell(_ node: YAMLNode, problems: inout DiagnosticSink) -> EvidenceCell {
        guard let scalar = node.scalar else {
            problems.append(EvidenceMessages.yamlNotAValue(node))
            return EvidenceCell(text: "", location: node.location)
        }
        return EvidenceCell(text: scalar.isNull ? "" : scalar.value, location: node.location)
    }
}
