import ScorecardBase
import ScorecardRules
import ScorecardYAML

/// Reads one case: its name, the rules it runs under, its evidence and its expectations.
enum CaseDecoding {
    static func decode(_ node: YAMLNode, index: Int, file: String, defaults: CaseDefaults, sink: inout DiagnosticSink) -> TestCase? {
        let label = "第 \(index + 1) 个测试用例"
        guard let reader = MappingReader(node, context: label, allowed: TestFileLoader.caseKeys, sink: &sink) else { return nil }
        let before = sink.diagnostics.count
        let name = reader.required("name", sink: &sink, hint: TestCaseMessages.KeyHint.caseName)
            .flatMap { ScalarReading.text($0, "用例名称（name）", sink: &sink) }
        let version = reader.optional("version").flatMap { ScalarReading.text($0, "版本（version）", sink: &sink) }
            .map { Written($0, at: valueLocation(reader.optional("version") ?? node)) }
        let quarter = reader.optional("quarter").flatMap { TestFileLoader.quarter($0, sink: &sink) }
        let date = reader.optional("date").flatMap { TestFileLoader.date($0, sink: &sink) }
        if quarter != nil, date != nil {
            sink.append(TestCaseMessages.caseQuarterAndDate(label, at: reader.location(ofKey: "date")))
        }
        let skip = reader.optional("skip").flatMap { ScalarReading.text($0, "跳过的原因（skip）", sink: &sink) }
        let ownRoster = reader.optional("roster").flatMap { TestFileLoader.rows($0, "名册（roster）", sink: &sink) }

        let kinds = ["records", "candidates", "quarters"].filter { reader.optional($0) != nil }
        var kind: TestCase.Kind?
        if kinds.count > 1 {
            sink.append(TestCaseMessages.severalKinds(label, kinds, at: reader.location(ofKey: kinds[1])))
        } else if let records = reader.optional("records") {
            if reader.has("year") {
                sink.append(TestCaseMessages.yearWithRecords(at: reader.location(ofKey: "year")))
            }
            kind = TestFileLoader.rows(records, "考核记录（records）", sink: &sink).map { .quarter(records: $0) }
        } else if let candidates = reader.optional("candidates") {
            kind = TestFileLoader.rows(candidates, "候选人（candidates）", sink: &sink).map { .eligibility(candidates: $0) }
        } else if let quarters = reader.optional("quarters") {
            kind = year(reader, quarters: quarters, label: label, sink: &sink)
        } else {
            sink.append(TestCaseMessages.noKind(label, at: node.location))
        }

        var expectations: [Expectation] = []
        if let expectNode = reader.required("expect", sink: &sink, hint: TestCaseMessages.KeyHint.caseExpectations) {
            if let entries = expectNode.sequence, !entries.isEmpty {
                if let kind {
                    for (entryIndex, entry) in entries.enumerated() {
                        expectations += ExpectationDecoding.decode(entry, index: entryIndex, kind: kind, sink: &sink)
                    }
                }
            } else {
                sink.append(TestCaseMessages.expectNotAList(label, at: expectNode.location))
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
            sink.append(TestCaseMessages.quartersNotAList(at: node.location))
            return nil
        }
        var quarters: [TestCase.QuarterRecords] = []
        var ok = true
        for (index, item) in items.enumerated() {
            guard let entry = MappingReader(item, context: "quarters 的第 \(index + 1) 项", allowed: ["quarter", "records"], sink: &sink),
                let quarter = entry.required("quarter", sink: &sink, hint: TestCaseMessages.KeyHint.inlineQuarter).flatMap({
                    TestFileLoader.quarter($0, sink: &sink)
                }),
                let records = entry.required("records", sink: &sink, hint: TestCaseMessages.KeyHint.inlineRecords).flatMap({
                    TestFileLoader.rows($0, "考核记录（records）", sink: &sink)
                })
            else { ok = false; continue }
            if let earlier = quarters.first(where: { $0.quarter.value == quarter.value }) {
                sink.append(TestCaseMessages.duplicateQuarter(quarter.value, at: quarter.location, first: earlier.quarter.location))
                ok = false
            }
            quarters.append(.init(quarter: quarter, records: records))
        }
        let theYear = year ?? quarters.first?.quarter.value.year
        for entry in quarters where entry.quarter.value.year != theYear {
            sink.append(TestCaseMessages.wrongYear(entry.quarter.value, year: theYear, at: entry.quarter.location))
            ok = false
        }
        guard ok, let theYear else { return nil }
        return .year(theYear, quarters: quarters.sorted { $0.quarter.value < $1.quarter.value })
    }
}
