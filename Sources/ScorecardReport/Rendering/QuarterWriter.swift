import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// Writes a quarter's results as they stream past, in any of the report's formats: CSV and
/// JSON rows go straight out, the text tables wait in a spool for their column widths. What
/// it keeps does not grow with the number of officers. `QuarterReport` renders through it too,
/// so the streamed and the collected forms are the same bytes.
public struct QuarterWriter: QuarterSink {
    public enum Format: Sendable {
        case text, json, csv
    }

    public let format: Format
    /// CSV column titles: the ids, or Chinese titles for people.
    public let headers: HeaderStyle
    private let report: QuarterReport
    private let output: any ByteOutput
    private var officers = 0
    private var officerTable: SpooledTable?
    private var rewardTable: SpooledTable?
    private var csvRow = CSVRowBytes()
    /// A part of the results written on another thread (`part()`): no head, every officer
    /// written as if one came before it, waiting in its own spool to be appended.
    private let isPart: Bool

    /// Starts the report: the parts that come before the first officer are written now.
    public init(
        format: Format, policy: Policy, quarter: Quarter, versionPinned: Bool, headers: HeaderStyle = .id, to output: any ByteOutput
    ) {
        self.format = format
        self.headers = headers
        self.report = QuarterReport(policy: policy, quarter: quarter, versionPinned: versionPinned)
        self.output = output
        self.isPart = false
        writeHead()
    }

    private init(partOf whole: QuarterWriter) {
        format = whole.format
        headers = whole.headers
        report = whole.report
        output = ByteSpool()
        isPart = true
        officerTable = whole.officerTable?.emptyCopy()
        rewardTable = whole.rewardTable?.emptyCopy()
    }

    public func part() -> QuarterWriter? { QuarterWriter(partOf: self) }

    public mutating func append(_ part: QuarterWriter) {
        guard let spool = part.output as? ByteSpool else { return }
        switch format {
        case .csv:
            spool.forEachChunk { output.write($0) }
        case .json:
            // The part wrote a separator before each officer; the first of all opens the array instead.
            var skip = 0
            if officers == 0 && part.officers > 0 {
                output.write("[\n    ")
                skip = Self.jsonSeparator.utf8.count
            }
            spool.forEachChunk { chunk in
                let dropped = min(skip, chunk.count)
                skip -= dropped
                output.write(UnsafeRawBufferPointer(rebasing: chunk[dropped...]))
            }
        case .text:
            if let later = part.officerTable { officerTable?.append(later) }
            if let later = part.rewardTable { rewardTable?.append(later) }
        }
        officers += part.officers
    }

    private static let jsonSeparator = ",\n    "

    private mutating func writeHead() {
        officers = 0
        guard !isPart else {
            officerTable = officerTable?.emptyCopy()
            rewardTable = rewardTable?.emptyCopy()
            return
        }
        switch format {
        case .csv:
            var writer = CSVWriter(bom: true)
            writer.row(report.csvHeader(headers))
            output.write(writer.text)
        case .json:
            output.write("{\n  \"quarter\": ")
            output.write(JSONValue.string(report.quarter.description).rendered(indent: 1))
            output.write(",\n  \"policy\": ")
            output.write(report.policyJSON.rendered(indent: 1))
            output.write(",\n  \"officers\": ")
        case .text:
            officerTable = SpooledTable(columns: report.officerColumns)
            rewardTable = SpooledTable(columns: report.rewardColumns)
        }
    }

    public mutating func accept(_ result: OfficerResult, of record: OfficerRecord) {
        add(result)
    }

    /// One officer's result, in the order of the record table.
    public mutating func add(_ result: OfficerResult) {
        officers += 1
        switch format {
        case .csv:
            report.writeCSVRow(&csvRow, for: result)
            output.write(csvRow.bytes)
        case .json:
            output.write(officers == 1 && !isPart ? "[\n    " : Self.jsonSeparator)
            output.write(report.officerJSON(result).rendered(indent: 2))
        case .text:
            officerTable?.addRow(report.officerRow(result))
            if (result.rewardTotal ?? .zero) > .zero {
                for row in report.rewardRows(result) { rewardTable?.addRow(row) }
            }
        }
    }

    public mutating func restart() {
        output.restart()
        writeHead()
    }

    /// Ends the report with the quarter's totals.
    public func finish(_ summary: QuarterSummary) {
        switch format {
        case .csv:
            break
        case .json:
            output.write(officers == 0 ? "[]" : "\n  ]")
            for (key, value) in report.summaryJSON(summary) {
                output.write(",\n  ")
                output.write(JSONValue.string(key).rendered())
                output.write(": ")
                output.write(value.rendered(indent: 1))
            }
            output.write("\n}\n")
        case .text:
            guard let officerTable, let rewardTable else { return }
            output.write(report.textHead(officers: officers))
            output.write("各项得分（列名为考核标准序号）\n")
            officerTable.render { output.write($0) }
            output.write("\n")
            if !report.policy.rewards.isEmpty {
                output.write("奖励明细\n")
                if rewardTable.rowCount == 0 {
                    output.write("  本季度没有奖励。\n\n")
                } else {
                    rewardTable.render { output.write($0) }
                    output.write("\n")
                }
            }
            output.write(report.textSummary(summary))
        }
    }
}
