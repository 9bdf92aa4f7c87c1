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
    private var csvRow: [String] = []

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
            report.fillCSVRow(&csvRow, for: result)
            var writer = CSVWriter()
            writer.row(csvRow)
            output.write(writer.text)
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

    /// What a partial run (`--partial` over evidence with errors) says of itself: who was left
    /// out because their evidence has problems (possibly nobody: a failed record check keeps the
    /// officer in, but the quarter is still not final).
    public struct Partial: Sendable {
        public struct Officer: Sendable {
            public var id: String
            public var name: String

            public init(id: String, name: String) {
                self.id = id
                self.name = name
            }
        }

        public var omitted: [Officer]

        public init(omitted: [Officer]) {
            self.omitted = omitted
        }
    }

    /// Ends the report with the quarter's totals. `partial` makes the report say in itself that
    /// it is partial and who is not in it (text: under the title and after the totals; JSON: a
    /// `partial` member at the end; CSV: a last row whose one cell starts with `#`). Without it
    /// the report is the same bytes as ever.
    public func finish(_ summary: QuarterSummary, partial: Partial? = nil) {
        switch format {
        case .csv:
            if let partial {
                var writer = CSVWriter()
                writer.row(["# " + report.partialNotice(partial)])
                output.write(writer.text)
            }
        case .json:
            output.write(officers == 0 ? "[]" : "\n  ]")
            var members = report.summaryJSON(summary)
            if let partial { members.append(("partial", report.partialJSON(partial))) }
            for (key, value) in members {
                output.write(",\n  ")
                output.write(JSONValue.string(key).rendered())
                output.write(": ")
                output.write(value.rendered(indent: 1))
            }
            output.write("\n}\n")
        case .text:
            guard let officerTable, let rewardTable else { return }
            output.write(report.textHead(officers: officers, partial: partial))
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
            if let partial {
                output.write(partial.omitted.isEmpty
                    ? "以上是部分结果（--partial）：证据有问题，改正后重新计算才是本季度的结果。\n"
                    : "以上各项合计不含未计入的 \(partial.omitted.count) 名联系员（--partial）。\n")
            }
        }
    }
}
