import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// Writes a quarter's results as they stream past, in any of the report's formats: CSV and
/// JSON rows go straight out, the text tables wait in a spool for their column widths. What
/// it keeps does not grow with the number of officers. `QuarterReport` renders through it too,
/// so the streamed and the collected forms are the same bytes.
package struct QuarterWriter: QuarterSink {
    package enum Format: Sendable {
        case text, json, csv
    }

    /// How the text report is laid out for the terminal it goes to.
    package struct TextLayout: Sendable {
        /// Terminal cells a line may take; nil for no limit (one table however wide).
        package var width: Int?
        /// Whether grades and failures are coloured (ANSI).
        package var color: Bool

        package init(width: Int? = nil, color: Bool = false) {
            self.width = width
            self.color = color
        }
    }

    package let format: Format
    /// CSV column titles: the ids, or Chinese titles for people.
    package let headers: HeaderStyle
    private let report: QuarterReport
    private let layout: TextLayout
    private let output: any ByteOutput
    private var officers = 0
    private var officerTable: SpooledTable?
    private var rewardTable: SpooledTable?
    private var csvRow = CSVRowBytes()
    /// A part of the results written on another thread (`part()`): no head, every officer
    /// written as if one came before it, waiting in its own spool to be appended.
    private let isPart: Bool

    /// Starts the report: the parts that come before the first officer are written now.
    package init(
        format: Format, policy: Policy, quarter: Quarter, versionPinned: Bool, headers: HeaderStyle = .id,
        layout: TextLayout = TextLayout(), to output: any ByteOutput
    ) {
        self.format = format
        self.headers = headers
        self.layout = layout
        self.report = QuarterReport(policy: policy, quarter: quarter, versionPinned: versionPinned)
        self.output = output
        self.isPart = false
        writeHead()
    }

    private init(partOf whole: QuarterWriter) {
        format = whole.format
        headers = whole.headers
        layout = whole.layout
        report = whole.report
        // A part's spool goes to its file a megabyte at a time: each part's buffer is memory
        // held beside the roster for the whole quarter.
        output = ByteSpool(memoryLimit: Self.partSpoolMemory)
        isPart = true
        officerTable = whole.officerTable?.emptyCopy()
        rewardTable = whole.rewardTable?.emptyCopy()
    }

    package func part() -> QuarterWriter? { QuarterWriter(partOf: self) }

    /// How many bytes a part keeps in memory before its spool writes them out.
    static let partSpoolMemory = 1 << 20

    package mutating func append(_ part: QuarterWriter) {
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

    package mutating func accept(_ result: OfficerResult, of record: OfficerRecord) {
        add(result)
    }

    /// CSV rows are written straight from the kernel's results; the other formats take
    /// `OfficerResult`s (their rows show more than the figures).
    public var takesPlainResults: Bool { format == .csv }

    public mutating func accept(_ result: borrowing PlainResult, of officer: Officer, kernel: QuarterKernel) {
        officers += 1
        report.writeCSVRow(&csvRow, for: result, of: officer, kernel: kernel)
        output.write(csvRow.bytes)
    }

    /// One officer's result, in the order of the record table.
    package mutating func add(_ result: OfficerResult) {
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

    package mutating func restart() {
        output.restart()
        writeHead()
    }

    /// What a partial run (`--partial` over evidence with errors) says of itself: who was left
    /// out because their evidence has problems (possibly nobody: a failed record check keeps the
    /// officer in, but the quarter is still not final).
    package struct Partial: Sendable {
        package struct Officer: Sendable {
            package var id: String
            package var name: String

            package init(id: String, name: String) {
                self.id = id
                self.name = name
            }
        }

        package var omitted: [Officer]

        package init(omitted: [Officer]) {
            self.omitted = omitted
        }
    }

    /// Ends the report with the quarter's totals. `partial` makes the report say in itself that
    /// it is partial and who is not in it (text: under the title and after the totals; JSON: a
    /// `partial` member at the end; CSV: a last row whose one cell starts with `#`). Without it
    /// the report is the same bytes as ever.
    package func finish(_ summary: QuarterSummary, partial: Partial? = nil) {
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
            writeOfficers(officerTable)
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
                output.write(
                    partial.omitted.isEmpty
                        ? "以上是部分结果（--partial）：证据有问题，改正后重新计算才是本季度的结果。\n"
                        : "以上各项合计不含未计入的 \(partial.omitted.count) 名联系员（--partial）。\n")
            }
        }
    }

    /// The officers' table: one table when it fits the width (or there is no limit); else the
    /// totals, grades and rewards first, then the item scores in as many blocks as it takes,
    /// each led by the officer's id and name.
    private func writeOfficers(_ table: SpooledTable) {
        let style = report.gradeStyle(color: layout.color)
        let items = report.policy.items.count
        let key = [0, 1]
        let summary = [0, 1, 2, 3] + Array(4 + items..<table.columns.count)
        guard let width = layout.width, table.width() > width, items > 0 else {
            output.write("各项得分（列名为考核标准序号）\n")
            table.render(style: style) { output.write($0) }
            output.write("\n")
            return
        }
        output.write("总分、等级和奖励（各项得分分表列在后面；--wide 显示为一张表）\n")
        table.render(only: summary, style: style) { output.write($0) }
        output.write("\n")
        for (index, block) in Self.blocks(items: items, fitting: width, table: table, key: key).enumerated() {
            let range = block.count == 1 ? "第 \(block.upperBound) 项" : "第 \(block.lowerBound + 1)–\(block.upperBound) 项"
            output.write((index == 0 ? "各项得分（列名为考核标准序号）：" : "各项得分（续）：") + range + "\n")
            table.render(only: key + block.map { 4 + $0 }, style: style) { output.write($0) }
            output.write("\n")
        }
    }

    /// The items (by index) in blocks that fit `width` beside the key columns: as few blocks as
    /// greedy filling needs, then evened out when even blocks fit too (10 + 10, not 13 + 7).
    static func blocks(items: Int, fitting width: Int, table: SpooledTable, key: [Int]) -> [Range<Int>] {
        func fits(_ block: Range<Int>) -> Bool { block.count == 1 || table.width(of: key + block.map { 4 + $0 }) <= width }
        var greedy: [Range<Int>] = []
        var start = 0
        while start < items {
            var end = start + 1
            while end < items, fits(start..<end + 1) { end += 1 }
            greedy.append(start..<end)
            start = end
        }
        let count = greedy.count
        let even = (0..<count).map { index in (items * index / count)..<(items * (index + 1) / count) }
        return even.allSatisfy(fits) ? even : greedy
    }
}
