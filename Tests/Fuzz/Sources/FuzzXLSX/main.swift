import FuzzSupport
import ScorecardBase
import ScorecardEvidence
import ScorecardRules
#if canImport(Glibc)
import Glibc
#endif

/// The .xlsx reader on any input, through the ways a workbook is read as evidence: as the
/// roster, and as a quarter's record table whose other sheets may hold the lists. An input that
/// starts like a zip archive (`PK`) is the workbook itself (its directory, inflate, checksums);
/// any other input is split at NUL bytes into the workbook's parts (workbook.xml, its
/// relationships, sheet1.xml, sharedStrings.xml, styles.xml, sheet2.xml), zipped here with correct
/// checksums, so that the XML, the shared strings, the styles and the cell references are reached
/// too. The workbook is written to a scratch folder made once per process.
let rules = """
    policy: {id: fuzz, name: 模糊测试, version: "1", effective: 2025-01-01}
    scoring: {total: 10, precision: 2, rounding: half-up}
    funds: [{id: party_building, name: 党建经费}]
    grades: {bands: [{name: 好, min: 6}, {name: 差, min: 0, below: 6}]}
    evidence:
      fields:
        - {id: reports_due, name: 应报信息次数, type: integer, min: 0, max: 100, default: 0}
      lists:
        - id: suggestions
          name: 采纳建议
          fields:
            - {id: date, name: 采纳日期, type: date, within_quarter: true}
            - {id: level, name: 采纳层级, type: choice, choices: [矿, 区队]}
            - {id: title, name: 建议内容, type: text}
    items:
      - {id: a1, title: 打分, points: 5, clause: "1", scoring: assessed}
      - {id: c1, title: 上报, points: 5, clause: "2", scoring: {method: computed, formula: "if reports_due == 0 then 5 else 5"}}
    rewards:
      - {id: adopted, title: 奖励, fund: party_building, per_record: {list: suggestions, by: level, rates: {矿: 30, 区队: 5}}}

    """

let policy: Policy = {
    var problems = DiagnosticSink()
    guard let loaded = PolicyLoader.load(sources: [RuleSource(displayPath: "fuzz.yaml", bytes: Array(rules.utf8))], sink: &problems).policy
    else {
        fatalError("the harness's own rules do not load")
    }
    return loaded
}()

let scratch: String = {
    var template = Array("/tmp/scorecard-fuzz-xlsx-XXXXXX".utf8CString)
    let made = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }
    guard let made else { fatalError("no scratch folder") }
    let path = String(cString: made)
    _ = mkdir(path + "/2025-Q1", 0o700)
    return path
}()

func write(_ bytes: [UInt8], to path: String) {
    guard let file = fopen(path, "wb") else { fatalError("cannot write \(path)") }
    _ = bytes.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
}

let quarter = Quarter(year: 2025, number: 1)!
let limits = InputLimits(workbookBytes: 8 << 20)

let partNames = [
    "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml",
    "xl/worksheets/sheet2.xml",
]

let packageRelationships = """
    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
    </Relationships>
    """

func workbook(fromParts input: [UInt8]) -> [UInt8] {
    var archive = ZipWriter()
    archive.add("_rels/.rels", text: packageRelationships)
    let parts = input.split(separator: 0, maxSplits: partNames.count - 1, omittingEmptySubsequences: false)
    for (name, part) in zip(partNames, parts) {
        archive.add(name, Array(part))
    }
    return archive.finished()
}

FuzzDriver.run { data, size in
    let input = FuzzDriver.bytes(data, size)
    let bytes = input.starts(with: [0x50, 0x4B]) ? input : workbook(fromParts: input)
    write(bytes, to: scratch + "/officers.xlsx")
    write(bytes, to: scratch + "/2025-Q1/scores.xlsx")
    let folder = EvidenceFolder(root: scratch, limits: limits)
    var sink = DiagnosticSink()
    let roster = folder.loadRoster(sink: &sink)
    _ = folder.loadQuarter(quarter, policy: policy, roster: roster, sink: &sink)
    return 0
}
