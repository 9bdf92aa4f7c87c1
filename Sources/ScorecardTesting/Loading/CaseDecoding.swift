import ScorecardBase
import ScorecardRules
import ScorecardYAML

/// Reads one case: its name, the rules it runs under, its evidence and its expectations.
enum CaseDecoding {
    static func decode(_ node: YAMLNode, index: Int, file: String, defaults: CaseDefaults, sink: inout DiagnosticSink) -> TestCase? {
        let label = "第 \(index + 1) 个测试用例"
        guard let reader = MappingReader(node, context: label, allowed: TestFileLoader.caseKeys, sink: &sink) else { return nil }
        let before = sink.diagnostics.count
        let name = reader.required("name", sink: &sink, hint: "用一句话写明这个用例检查什么，如 name: 石磊 2025-Q4 的总分与等级")
            .flatMap { ScalarReading.text($0, "用例名称（name）", sink: &sink) }
        let version = reader.optional("version").flatMap { ScalarReading.text($0, "版本（version）", sink: &sink) }
            .map { Written($0, at: valueLocation(reader.optional("version") ?? node)) }
        let quarter = reader.optional("quarter").flatMap { TestFileLoader.quarter($0, sink: &sink) }
        let date = reader.optional("date").flatMap { TestFileLoader.date($0, sink: &sink) }
        if quarter != nil, date != nil {
            sink.error(
                TestCaseCode.quarterAndDate, "\(label)同时写了 quarter 和 date", hint: "只写其中一个：date 决定版本和季度", at: reader.location(ofKey: "date"))
        }
        let skip = reader.optional("skip").flatMap { ScalarReading.text($0, "跳过的原因（skip）", sink: &sink) }
        let ownRoster = reader.optional("roster").flatMap { TestFileLoader.rows($0, "名册（roster）", sink: &sink) }

        let kinds = ["records", "candidates", "quarters"].filter { reader.optional($0) != nil }
        var kind: TestCase.Kind?
        if kinds.count > 1 {
            sink.error(
                TestCaseCode.caseKind, "\(label)同时写了 \(kinds.joined(separator: "、"))，一个用例只能是一种",
                hint: "季度用例写 records；任职条件用例写 candidates；年度用例写 year 和 quarters", at: reader.location(ofKey: kinds[1]))
        } else if let records = reader.optional("records") {
            if reader.has("year") {
                sink.error(
                    RulesCode.misplacedKey, "year 只用于年度用例（与 quarters 一起写）", hint: "删去 year，或把 records 放进 quarters",
                    at: reader.location(ofKey: "year"))
            }
            kind = TestFileLoader.rows(records, "考核记录（records）", sink: &sink).map { .quarter(records: $0) }
        } else if let candidates = reader.optional("candidates") {
            kind = TestFileLoader.rows(candidates, "候选人（candidates）", sink: &sink).map { .eligibility(candidates: $0) }
        } else if let quarters = reader.optional("quarters") {
            kind = year(reader, quarters: quarters, label: label, sink: &sink)
        } else {
            sink.error(
                TestCaseCode.caseKind, "\(label)没有写要计算的记录",
                hint: "季度用例写 records；任职条件用例写 candidates；年度用例写 year 和 quarters", at: node.location)
        }

        var expectations: [Expectation] = []
        if let expectNode = reader.required("expect", sink: &sink, hint: "在 expect: 下列出期望的结果，如 - {officer: 石磊, total: 76.84}") {
            if let entries = expectNode.sequence, !entries.isEmpty {
                if let kind {
                    for (entryIndex, entry) in entries.enumerated() {
                        expectations += ExpectationDecoding.decode(entry, index: entryIndex, kind: kind, sink: &sink)
                    }
                }
            } else {
                sink.error(
                    TestCaseCode.noExpectations, "\(label)的 expect 应当是一个列表，至少有一项期望",
                    hint: "每项以“- ”开头，如：\n  expect:\n    - officer: 石磊\n      total: 76.84", at: expectNode.location)
            }
        }
        guard let name, let kind, !sink.diagnostics[before...].contains(where: { $0.severity == .error }) else { return nil }
        return TestCase(
            name: name, file: file, location: node.location,
            version: version ?? defaults.version,
            quarter: quarter ?? (date == nil ? defaults.quarter : nil),
            date: date ?? (quarter == nil ? defaults.date : nil),
            defaultVersion: defaults.defaultVersion, skip: skip, roster: ownRoster ?? defaults.roster, rosterIsShared: ownRoster == nil,
            kind: kind, expectations: expectations)
    }

    /// `year:` (optional) and `quarters:`, each quarter of one year, at most once.
    private static func year(_ reader: MappingReader, quarters node: YAMLNode, label: String, sink: inout DiagnosticSink) -> TestCase.Kind?
    {
        let year = reader.optional("year").flatMap { ScalarReading.integer($0, "年份（year）", range: 1900...9999, sink: &sink) }
        guard let items = node.sequence, !items.isEmpty else {
            sink.error(
                RulesCode.expectedList, "quarters 应当是一个列表，每个季度以“- quarter: …”开头",
                hint: "如：\n  quarters:\n    - quarter: 2025-Q1\n      records: [...]", at: node.location)
            return nil
        }
        var quarters: [TestCase.QuarterRecords] = []
        var ok = true
        for (index, item) in items.enumerated() {
            guard let entry = MappingReader(item, context: "quarters 的第 \(index + 1) 项", allowed: ["quarter", "records"], sink: &sink),
                let quarter = entry.required("quarter", sink: &sink, hint: "写上季度，如 quarter: 2025-Q1").flatMap({
                    TestFileLoader.quarter($0, sink: &sink)
                }),
                let records = entry.required("records", sink: &sink, hint: "写上这个季度的考核记录").flatMap({
                    TestFileLoader.rows($0, "考核记录（records）", sink: &sink)
                })
            else { ok = false; continue }
            if let earlier = quarters.first(where: { $0.quarter.value == quarter.value }) {
                sink.error(
                    TestCaseCode.duplicateQuarter, "\(quarter.value) 写了两次", hint: "每个季度只写一次",
                    at: quarter.location, notes: [.init("第一次写在这里", at: earlier.quarter.location)])
                ok = false
            }
            quarters.append(.init(quarter: quarter, records: records))
        }
        let theYear = year ?? quarters.first?.quarter.value.year
        for entry in quarters where entry.quarter.value.year != theYear {
            sink.error(
                TestCaseCode.wrongYear, "\(entry.quarter.value) 不在 \(theYear.map(String.init) ?? "") 年", hint: "一个年度用例只写同一年的季度",
                at: entry.quarter.location)
            ok = false
        }
        guard ok, let theYear else { return nil }
        return .year(theYear, quarters: quarters.sorted { $0.quarter.value < $1.quarter.value })
    }
}
