import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardExpression
import ScorecardRules
@testable import ScorecardEvidence

/// Swift Testing has a `SourceLocation` too; in these tests the word means the engine's.
typealias SourceLocation = ScorecardBase.SourceLocation

/// A small policy shaped like the bundled one: an assessed item (no default), two counts with
/// defaults, a computed item, a record check and the suggestions list with its reward.
let tinyRules = """
    policy:
      id: tiny
      name: 小测试制度
      version: "1"
      effective: 2025-01-01
    scoring:
      total: 10
      precision: 2
      rounding: half-up
    funds:
      - id: party_building
        name: 党建经费
    grades:
      bands:
        - name: 好
          min: 6
        - name: 差
          min: 0
          below: 6
    evidence:
      fields:
        - id: reports_due
          name: 应报信息次数
          type: integer
          min: 0
          max: 100
          default: 0
        - id: reports_on_time
          name: 按时准确上报次数
          type: integer
          min: 0
          max: 100
          default: 0
      lists:
        - id: suggestions
          name: 采纳建议
          fields:
            - id: date
              name: 采纳日期
              type: date
              within_quarter: true
            - id: level
              name: 采纳层级
              type: choice
              choices: [矿, 区队]
            - id: title
              name: 建议内容
              type: text
      checks:
        - id: reports_not_more_than_due
          require: reports_on_time <= reports_due
          message: 按时上报次数不能多于应报信息次数
    items:
      - id: a1
        title: 考核人打分
        points: 5
        clause: 考核标准1
        scoring: assessed
      - id: c1
        title: 按时上报
        points: 5
        clause: 考核标准2
        scoring:
          method: computed
          formula: if reports_due == 0 then 5 else 5 * reports_on_time / reports_due
    rewards:
      - id: adopted_suggestions
        title: 建议采纳奖励
        fund: party_building
        per_record:
          list: suggestions
          by: level
          rates:
            矿: 30
            区队: 5

    """

let tinyPolicy: Policy = {
    var problems = DiagnosticSink()
    let loaded = PolicyLoader.load(sources: [RuleSource(displayPath: "tiny.yaml", bytes: Array(tinyRules.utf8))], sink: &problems)
    guard var policy = loaded.policy else { fatalError("tiny policy does not load: \(problems.diagnostics)") }
    // These tests check what is read, word for word: list rows keep even the text no rule
    // reads (`tinyPolicyAsRun` leaves it out, as a quarter's run does).
    policy.layout.keepsEveryListField = true
    return policy
}()

/// The tiny policy as a quarter is run with it: free text no rule reads left out of list rows.
let tinyPolicyAsRun: Policy = {
    var policy = tinyPolicy
    policy.layout.keepsEveryListField = false
    return policy
}()

let q2 = Quarter(year: 2025, number: 2)!

/// 1001–1002 serve throughout, 1003 left at the end of Q1, 1004 started with Q2.
let tinyRoster = Roster(officers: [
    Officer(id: "1001", name: "张三", unit: "一队", area: "甲班", from: LocalDate("2020-01-01"), location: rosterLine(2)),
    Officer(id: "1002", name: "李四", unit: "一队", area: "乙班", from: LocalDate("2020-01-01"), location: rosterLine(3)),
    Officer(
        id: "1003", name: "王五", unit: "二队", area: "甲班", from: LocalDate("2020-01-01"), until: LocalDate("2025-03-31"),
        location: rosterLine(4)),
    Officer(id: "1004", name: "赵六", unit: "二队", area: "乙班", from: LocalDate("2025-04-01"), location: rosterLine(5)),
])

func rosterLine(_ line: Int) -> SourceLocation { SourceLocation(file: "officers.csv", line: line, column: 1) }

/// A record table where every serving officer of Q2 has a clean row.
let cleanRecords = [
    "officer,a1,reports_due,reports_on_time",
    "1001,4.5,10,9",
    "1002,3,8,8",
    "1004,5,0,0",
]

/// Rows of a table held in memory, with locations counted as a CSV file's would be.
struct MemoryRows: EvidenceRowSource {
    var header: [EvidenceCell]
    var rows: [EvidenceRow]
    var position = 0

    init(cells lines: [[String]], file: String) {
        func cells(_ texts: [String], _ line: Int) -> [EvidenceCell] {
            var column = 1
            return texts.map { text in
                defer { column += text.unicodeScalars.count + 1 }
                return EvidenceCell(text: text, location: SourceLocation(file: file, line: line, column: column))
            }
        }
        header = cells(lines[0], 1)
        rows = lines.dropFirst().enumerated().map { offset, texts in
            EvidenceRow(cells: cells(texts, offset + 2), location: SourceLocation(file: file, line: offset + 2, column: 1))
        }
    }

    /// Lines split at every comma (no quoting).
    init(_ lines: [String], file: String) {
        self.init(cells: lines.map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }, file: file)
    }

    mutating func nextRow(problems: inout DiagnosticSink) -> EvidenceRow? {
        guard position < rows.count else { return nil }
        defer { position += 1 }
        return rows[position]
    }
}

struct Bound {
    var evidence: QuarterEvidence
    var problems: [Diagnostic]
    /// Officers left out of the evidence because one of their rows has a problem.
    var rejected: Set<String> = []

    func record(_ id: String) -> OfficerRecord? { evidence.records.first { $0.officer.id == id } }

    func value(_ id: String, field: String) -> Value? {
        guard let record = record(id), let slot = tinyPolicy.layout.slot(ofField: field) else { return nil }
        return record.slots[slot]
    }

    func suggestions(_ id: String) -> [[Value]]? {
        guard let record = record(id), let slot = tinyPolicy.layout.slot(ofList: "suggestions"),
            case .list(let rows) = record.slots[slot]
        else { return nil }
        return rows
    }

    /// `code@file:line:column` for each problem, in the order reported.
    var places: [String] { problems.map(\.place) }
}

extension Diagnostic {
    var place: String { "\(code)@\(location.map(\.description) ?? "-")" }
}

/// Binds in-memory tables with the tiny policy and roster.
func bind(
    _ records: [String], suggestions: [String]? = nil, quarter: Quarter = q2, roster: Roster = tinyRoster, policy: Policy = tinyPolicy
) -> Bound {
    var binder = RecordBinder(policy: policy, roster: roster, quarter: quarter)
    var rows = MemoryRows(records, file: "scores.csv")
    binder.bindRecords(from: &rows, file: "scores.csv")
    if let suggestions {
        var listRows = MemoryRows(suggestions, file: "suggestions.csv")
        binder.bindList(tinyPolicy.evidence.lists[0], from: &listRows, file: "suggestions.csv")
    }
    let evidence = binder.finish(files: [])
    return Bound(evidence: evidence, problems: binder.problems, rejected: binder.rejected)
}

func number(_ text: String) -> Value {
    guard let value = ExactDecimal(text) else { fatalError("bad decimal literal \(text)") }
    return .number(value)
}

/// Loads one quarter of a folder with the tiny policy and roster.
func loadFolder(_ folder: TemporaryFolder, quarter: Quarter = q2, policy: Policy = tinyPolicy, roster: Roster = tinyRoster) -> Bound {
    var sink = DiagnosticSink()
    let evidence = EvidenceFolder(root: folder.path).loadQuarter(quarter, policy: policy, roster: roster, sink: &sink)
    return Bound(evidence: evidence, problems: sink.diagnostics)
}

/// `text` in GB18030, as the Chinese editions of Excel and WPS save CSV.
func gb18030(_ text: String) -> [UInt8] {
    guard let bytes = iconvConvert(Array(text.utf8), from: "UTF-8", to: "GB18030") else { fatalError("iconv cannot encode GB18030") }
    return bytes
}
