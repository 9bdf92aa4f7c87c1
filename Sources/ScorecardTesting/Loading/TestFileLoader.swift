import ScorecardBase
import ScorecardRules
import ScorecardYAML

/// Reads a test file as strictly as a rule file: every key checked against the schema (with
/// "did you mean"), duplicate keys, values typed by what expects them, every problem located.
/// Names that depend on the rules (items, rewards, officers…) are checked when a case is run
/// under its version (`CaseRunner`).
package enum TestFileLoader {
    /// The keys of a file and of a case, in the order documented (docs/testing.md).
    static let fileKeys = ["cases", "roster", "version", "quarter", "date", "templates"]
    static let caseKeys = ["name", "version", "quarter", "date", "skip", "roster", "records", "candidates", "year", "quarters", "expect"]

    /// The file, nil when it has errors; its problems go to `found` (gathered apart first, to
    /// tell whether this file loaded).
    package static func load(_ source: RuleSource, defaultVersion: String?, sink found: inout DiagnosticSink) -> TestFile? {
        var sink = DiagnosticSink()
        let documents = YAMLLoader.load(bytes: source.bytes, file: source.displayPath, sink: &sink)
        let file = source.displayPath
        if documents.count > 1, let second = documents.dropFirst().first {
            sink.append(TestCaseMessages.documents(documents.count, at: second.location))
        }
        guard let root = documents.first?.root, !(root.scalar?.isNull ?? false) else {
            if !sink.hasErrors {
                sink.append(TestCaseMessages.emptyFile(file))
            }
            found.append(contentsOf: sink.take())
            return nil
        }
        guard let reader = MappingReader(root, context: "测试文件", allowed: fileKeys, sink: &sink) else {
            found.append(contentsOf: sink.take())
            return nil
        }
        let shared = CaseDefaults(
            version: reader.optional("version").flatMap { ScalarReading.text($0, "版本（version）", sink: &sink) }
                .map { Written($0, at: reader.location(ofKey: "version")) },
            quarter: reader.optional("quarter").flatMap { quarter($0, sink: &sink) },
            date: reader.optional("date").flatMap { date($0, sink: &sink) },
            roster: reader.optional("roster").flatMap { rows($0, "名册（roster）", sink: &sink) },
            defaultVersion: defaultVersion)
        if shared.quarter != nil, shared.date != nil {
            sink.append(TestCaseMessages.fileQuarterAndDate(at: reader.location(ofKey: "date")))
        }
        var cases: [TestCase] = []
        if let list = reader.required("cases", sink: &sink, hint: TestCaseMessages.KeyHint.testCases) {
            if let nodes = list.sequence {
                for (index, node) in nodes.enumerated() {
                    if let decoded = CaseDecoding.decode(node, index: index, file: file, defaults: shared, sink: &sink) {
                        cases.append(decoded)
                    }
                }
                duplicateNames(cases, sink: &sink)
            } else {
                sink.append(TestCaseMessages.casesNotAList(at: list.location))
            }
        }
        found.append(contentsOf: sink.diagnostics.sortedForDisplay())
        return sink.hasErrors ? nil : TestFile(path: file, cases: cases)
    }

    /// Two cases of one file with the same name could not be told apart in a report or by `--run`.
    private static func duplicateNames(_ cases: [TestCase], sink: inout DiagnosticSink) {
        var first: [String: SourceLocation] = [:]
        for testCase in cases {
            if let earlier = first[testCase.name] {
                sink.append(TestCaseMessages.duplicateName(testCase.name, at: testCase.location, earlier: earlier))
            } else {
                first[testCase.name] = testCase.location
            }
        }
    }

    static func quarter(_ node: YAMLNode, sink: inout DiagnosticSink) -> Written<Quarter>? {
        guard let text = ScalarReading.text(node, "季度（quarter）", sink: &sink) else { return nil }
        guard let quarter = Quarter(text) else {
            sink.append(TestCaseMessages.expectedQuarter(text, at: valueLocation(node)))
            return nil
        }
        return Written(quarter, at: valueLocation(node))
    }

    static func date(_ node: YAMLNode, sink: inout DiagnosticSink) -> Written<LocalDate>? {
        ScalarReading.date(node, "日期（date）", sink: &sink).map { Written($0, at: valueLocation(node)) }
    }

    /// A list of rows (`- {officer: …, name: …}`), kept as YAML: the evidence readers check them.
    static func rows(_ node: YAMLNode, _ what: String, sink: inout DiagnosticSink) -> YAMLNode? {
        guard let items = node.sequence else {
            sink.append(TestCaseMessages.rowsNotAList(what, at: node.location))
            return nil
        }
        for item in items where item.mapping == nil {
            sink.append(TestCaseMessages.rowNotAMapping(what, item))
        }
        return node
    }
}

/// What a file says for all its cases, each of which may say otherwise.
struct CaseDefaults {
    var version: Written<String>?
    var quarter: Written<Quarter>?
    var date: Written<LocalDate>?
    var roster: YAMLNode?
    var defaultVersion: String?
}
