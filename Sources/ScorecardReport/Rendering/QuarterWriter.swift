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
    private let report: QuarterReport
    private let output: any ByteOutput
    private var officers = 0
    private var officerTable: SpooledTable?
    private var rewardTable: SpooledTable?
    private var csvRow = CSVRowBytes()

    /// Starts the report: the parts that come before the first officer are written now.
    public init(format: Format, policy: Policy, quarter: Quarter, versionPinned: Bool, to output: any ByteOutput) {
        self.format = format
        self.report = QuarterReport(policy: policy, quarter: quarter, versionPinned: versionPinned)
        self.output = output
        writeHead()
    }

    private mutating func writeHead() {
        officers = 0
        switch format {
        case .csv:
            var writer = CSVWriter(bom: true)
            writer.row(report.csvHeader)
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
            output.write(officers == 1 ? "[\n    " : ",\n    ")
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
