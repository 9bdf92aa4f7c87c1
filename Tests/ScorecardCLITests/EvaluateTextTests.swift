import Foundation
import Testing

/// A text table as printed: the title line above it, header, the rule of dashes, the rows.
struct PrintedTable {
    var title: String
    var header: String
    var rule: String
    var rows: [String]
    var lines: [String] { [header, rule] + rows }

    /// Every table in `text`: a rule line of dashes marks one, the line before is its header,
    /// rows run to the next blank line.
    static func all(in text: String) -> [PrintedTable] {
        let lines = text.components(separatedBy: "\n")
        var tables: [PrintedTable] = []
        for index in lines.indices where index >= 2 && isRule(lines[index]) {
            var rows: [String] = []
            var next = index + 1
            while next < lines.count, !lines[next].isEmpty {
                rows.append(lines[next])
                next += 1
            }
            tables.append(PrintedTable(title: lines[index - 2], header: lines[index - 1], rule: lines[index], rows: rows))
        }
        return tables
    }

    static func isRule(_ line: String) -> Bool {
        !line.isEmpty && line.first == "-" && line.allSatisfy { $0 == "-" || $0 == " " }
    }

    /// The cells between columns, from the rule line: every line must have a space there (or
    /// have ended), otherwise a wide character was measured wrong and pushed a column over.
    var gapCells: [Int] {
        DisplayWidth.cells(rule).enumerated().compactMap { $0.element == " " ? $0.offset : nil }
    }

    /// Each column's cell range, from the rule line.
    var columnRanges: [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start: Int?
        let cells = DisplayWidth.cells(rule)
        for (offset, cell) in cells.enumerated() {
            if cell == "-", start == nil { start = offset }
            if cell == " ", let begin = start { ranges.append(begin..<offset); start = nil }
        }
        if let begin = start { ranges.append(begin..<cells.count) }
        return ranges
    }

    /// The text in column `index` of `line`, cut at the rule's column boundaries.
    func cell(_ index: Int, of line: String) -> String {
        let cells = DisplayWidth.cells(line)
        let range = columnRanges[index]
        guard range.lowerBound < cells.count else { return "" }
        let slice = cells[range.lowerBound..<min(range.upperBound, cells.count)].compactMap { $0 }
        return String(String.UnicodeScalarView(slice)).trimmingCharacters(in: .whitespaces)
    }
}

@Suite("evaluate: the text report")
struct EvaluateTextTests {
    func output() throws -> CLI.Result { try CLI.cached(["evaluate", "--rules-version", "2021.1"]) }

    /// `4.17` → 417, `5` → 500, `4.5` → 450; nil when not a plain decimal with at most 2 places.
    static func cents(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard let whole = Int(parts[0]), parts.count <= 2 else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard fraction.count <= 2, fraction.allSatisfy(\.isNumber) else { return nil }
        return whole * 100 + (Int(fraction.padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0)
    }

    @Test func succeedsQuietly() throws {
        let run = try output()
        #expect(run.status == 0)
        #expect(run.stderr == "")
        #expect(!run.stdout.containsANSI)
    }

    @Test func headerNamesTheLatestQuarterAndThePolicy() throws {
        let lines = try output().stdoutLines
        #expect(lines[0].contains("2025-Q4"))
        #expect(lines[0].contains("碱沟煤矿政工联系员制度"))
        // Pinned with --rules-version in this suite, and the header says so.
        #expect(lines[1] == "规则版本 2021.1（2021-09-27 起施行）：按 --rules-version 指定，不一定是本季度实际有效的版本。")
        #expect(lines[2].contains("共 20 名联系员"))
        #expect(lines[2].contains("满分 100"))
    }

    func mainTable() throws -> PrintedTable {
        let tables = PrintedTable.all(in: try output().stdout)
        return try #require(tables.first { $0.title.hasPrefix("各项得分") })
    }

    @Test func mainTableHasTwentyOfficersAndTwentyItems() throws {
        let table = try mainTable()
        #expect(table.rows.count == 20)
        #expect(table.header.fields == ["工号", "姓名", "单位", "班次"] + (1...20).map { String(format: "%02d", $0) } + ["总分", "等级", "奖励"])
        let ids = table.rows.map { $0.fields[0] }
        #expect(Set(ids).count == 20)
        #expect(ids.allSatisfy { $0.count == 5 && $0.allSatisfy(\.isNumber) })
        for row in table.rows { #expect(row.fields.count == 27, "\(row)") }
    }

    @Test func yuanZhigangIsExcellentWithAReward() throws {
        let table = try mainTable()
        let row = try #require(table.rows.first { $0.contains("袁志刚") })
        #expect(row.fields.prefix(4) == ["10339", "袁志刚", "综采二队", "丙班"])
        #expect(row.fields.suffix(3) == ["93.40", "优秀", "110.00"])
        #expect(table.cell(24, of: row) == "93.40")
        #expect(table.cell(25, of: row) == "优秀")
        #expect(table.cell(26, of: row) == "110.00")
    }

    @Test func shiLeiShowsRoundedComputedItems() throws {
        let table = try mainTable()
        let row = try #require(table.rows.first { $0.hasPrefix("10533") })
        #expect(table.cell(4 + 6, of: row) == "4.17") // item 07
        #expect(table.cell(4 + 15, of: row) == "1.67") // item 16
        #expect(table.cell(24, of: row) == "76.84")
    }

    /// Every line of the main table has the same display width, and no cell crosses into the
    /// gap between columns, with Chinese names and units in them.
    @Test func mainTableColumnsLineUp() throws {
        let table = try mainTable()
        let widths = Set(table.lines.map { DisplayWidth.of($0) })
        #expect(widths.count == 1, "display widths: \(widths.sorted())")
        let gaps = table.gapCells
        for line in table.lines {
            let cells = DisplayWidth.cells(line)
            for gap in gaps where gap < cells.count {
                #expect(cells[gap] == " ", "cell \(gap) of “\(line)” is not a gap")
            }
        }
        // A Chinese column's text starts at the column's first cell on every row.
        let nameStart = table.columnRanges[1].lowerBound
        for row in table.rows {
            #expect(DisplayWidth.cells(row)[nameStart].map { DisplayWidth.of($0) } == 2, "\(row)")
        }
    }

    @Test func everyTableLinesUp() throws {
        let tables = PrintedTable.all(in: try output().stdout)
        #expect(tables.count == 5) // scores, rewards, units, managers, funds
        for table in tables {
            for line in table.lines {
                let cells = DisplayWidth.cells(line)
                for gap in table.gapCells where gap < cells.count {
                    #expect(cells[gap] == " ", "\(table.title): cell \(gap) of “\(line)”")
                }
                #expect(DisplayWidth.of(line) <= DisplayWidth.of(table.rule), "\(table.title): “\(line)” is wider than its rule")
            }
        }
    }

    @Test func itemScoresAddUpToTheTotal() throws {
        let table = try mainTable()
        for row in table.rows {
            let items = (4..<24).map { table.cell($0, of: row) }
            let cents = items.compactMap(Self.cents)
            #expect(cents.count == 20, "\(row)")
            #expect(Self.cents(table.cell(24, of: row)) == cents.reduce(0, +), "\(row)")
        }
    }

    @Test func unitTableSummarisesSixUnits() throws {
        let table = try #require(PrintedTable.all(in: try output().stdout).first { $0.title == "按单位汇总" })
        #expect(table.header.fields == ["单位", "人数", "平均分", "奖励合计"])
        #expect(table.rows.map { $0.fields[0] } == ["综采一队", "综采二队", "掘进一队", "掘进二队", "机电队", "通风队"])
        #expect(table.rows.compactMap { Int($0.fields[1]) }.reduce(0, +) == 20)
        #expect(table.rows[1].fields == ["综采二队", "4", "89.43", "155.00"])
        #expect(table.rows.compactMap { Self.cents($0.fields[3]) }.reduce(0, +) == 345_00)
    }

    @Test func fundTotalIsShown() throws {
        let run = try output()
        let table = try #require(PrintedTable.all(in: run.stdout).first { $0.title == "按经费汇总" })
        #expect(table.rows.map(\.fields) == [["党建经费", "345.00", "条款", "2.3.1"]])
        #expect(run.stdoutLines.contains("奖励合计：345.00 元"))
        #expect(run.stdoutLines.contains("等级分布：优秀 5 人，良好 13 人，合格 2 人，不合格 0 人"))
    }

    @Test func rewardDetailsExplainTheAmounts() throws {
        let table = try #require(PrintedTable.all(in: try output().stdout).first { $0.title == "奖励明细" })
        let row = try #require(table.rows.first { $0.hasPrefix("10339") })
        #expect(table.cell(3, of: row) == "矿 3 条 × 30 + 区队 4 条 × 5")
        #expect(table.cell(4, of: row) == "110.00")
        #expect(table.cell(5, of: row) == "党建经费")
        // Officers with nothing to be paid are left out.
        #expect(!table.rows.contains { $0.contains("钟宏斌") || $0.contains("孔德顺") })
    }
}
