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

    package static func load(_ source: RuleSource, defaultVersion: String?) -> (file: TestFile?, diagnostics: [Diagnostic]) {
        var sink = DiagnosticSink()
        let documents = YAMLLoader.load(bytes: source.bytes, file: source.displayPath, sink: &sink)
        let file = source.displayPath
        if documents.count > 1, let second = documents.dropFirst().first {
            sink.error(
                TestCaseCode.documents, "测试文件里有 \(documents.count) 个文档（用“---”分开），只能有一个",
                hint: "把各部分合并到一个 cases: 列表中", at: second.location)
        }
        guard let root = documents.first?.root, !(root.scalar?.isNull ?? false) else {
            if !sink.hasErrors {
                sink.error(
                    TestCaseCode.emptyFile, "测试文件“\(file)”是空的", hint: "写上 cases:，列出测试用例（见 docs/testing.md）",
                    at: SourceLocation(file: file, line: 1, column: 1))
            }
            return (nil, sink.diagnostics)
        }
        guard let reader = MappingReader(root, context: "测试文件", allowed: fileKeys, sink: &sink) else { return (nil, sink.diagnostics) }
        let shared = CaseDefaults(
            version: reader.optional("version").flatMap { ScalarReading.text($0, "版本（version）", sink: &sink) }
                .map { Written($0, at: reader.location(ofKey: "version")) },
            quarter: reader.optional("quarter").flatMap { quarter($0, sink: &sink) },
            date: reader.optional("date").flatMap { date($0, sink: &sink) },
            roster: reader.optional("roster").flatMap { rows($0, "名册（roster）", sink: &sink) },
            defaultVersion: defaultVersion)
        if shared.quarter != nil, shared.date != nil {
            sink.error(TestCaseCode.quarterAndDate, "测试文件同时写了 quarter 和 date", hint: "只写其中一个", at: reader.location(ofKey: "date"))
        }
        var cases: [TestCase] = []
        if let list = reader.required("cases", sink: &sink, hint: "在 cases: 下列出测试用例，每个以“- name: …”开头") {
            if let nodes = list.sequence {
                for (index, node) in nodes.enumerated() {
                    if let decoded = CaseDecoding.decode(node, index: index, file: file, defaults: shared, sink: &sink) {
                        cases.append(decoded)
                    }
                }
                duplicateNames(cases, sink: &sink)
            } else {
                sink.error(RulesCode.expectedList, "cases 应当是一个列表，每个测试用例以“- ”开头", hint: "如：\ncases:\n  - name: …", at: list.location)
            }
        }
        let diagnostics = sink.diagnostics.sortedForDisplay()
        return (diagnostics.hasErrors ? nil : TestFile(path: file, cases: cases), diagnostics)
    }

    /// Two cases of one file with the same name could not be told apart in a report or by `--run`.
    private static func duplicateNames(_ cases: [TestCase], sink: inout DiagnosticSink) {
        var first: [String: SourceLocation] = [:]
        for testCase in cases {
            if let earlier = first[testCase.name] {
                sink.error(
                    TestCaseCode.duplicateName, "测试用例“\(testCase.name)”与前面的一个同名", hint: "给其中一个换个名字",
                    at: testCase.location, notes: [.init("前一个写在这里", at: earlier)])
            } else {
                first[testCase.name] = testCase.location
            }
        }
    }

    static func quarter(_ node: YAMLNode, sink: inout DiagnosticSink) -> Written<Quarter>? {
        guard let text = ScalarReading.text(node, "季度（quarter）", sink: &sink) else { return nil }
        guard let quarter = Quarter(text) else {
            sink.error(
                TestCaseCode.expectedQuarter, "季度（quarter）应当写成 2025-Q4 这样，这里写的是“\(text)”", hint: "年份、连字符、Q 和季度数，如 2025-Q4",
                at: valueLocation(node))
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
            sink.error(
                RulesCode.expectedList, "\(what)应当是一个列表，每一行以“- ”开头", hint: "如：\n  - {officer: \"10533\", name: 石磊}", at: node.location)
            return nil
        }
        for item in items where item.mapping == nil {
            sink.error(
                RulesCode.expectedMapping, "\(what)的每一行应当是一组“键: 值”，这里却是\(item.kindDescription)",
                hint: "写成 {officer: \"10533\", name: 石磊} 或逐行缩进写出各个键", at: item.location)
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
