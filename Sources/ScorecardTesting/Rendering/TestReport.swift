import ScorecardBase
import ScorecardReport

/// `scorecard test`'s report: one line per case; for a failed expectation the expected and the
/// actual value, the place of the expectation in the test file, and the rule (its place and
/// clause) that produced the actual value; then the closing `N passed, M failed` line.
package struct TestReport: Sendable {
    package let run: TestRun
    package let coverage: Coverage?
    private let color: Bool

    package init(run: TestRun, coverage: Coverage? = nil, color: Bool = false) {
        self.run = run
        self.coverage = coverage
        self.color = color
    }

    // MARK: Text

    package func text() -> String {
        var out = ""
        for outcome in run.outcomes { out += lines(of: outcome) }
        if let coverage { out += "\n" + Self.coverageText(coverage, color: color) }
        out += run.closingLine + "\n"
        return out
    }

    private func lines(of outcome: CaseOutcome) -> String {
        let testCase = outcome.testCase
        let context = [outcome.version, outcome.period].compactMap { $0 }.joined(separator: " · ")
        let suffix = context.isEmpty ? "" : "（\(context)）"
        switch outcome.status {
        case .passed:
            return paint("32", "通过") + "  \(testCase.name)\(suffix)\n"
        case .skipped:
            return paint("33", "跳过") + "  \(testCase.name)（\(testCase.skip ?? "")）\n"
        case .error:
            var out = paint("31", "出错") + "  \(testCase.name)\(suffix)\n"
            for problem in outcome.errors { out += "      " + Self.oneLine(problem) + "\n" }
            return out
        case .failed:
            var out = paint("31", "失败") + "  \(testCase.name)\(suffix)\n"
            for failed in outcome.failedExpectations { out += Self.failureLines(failed) }
            for problem in outcome.unexpected { out += "      意外的问题：" + Self.oneLine(problem) + "\n" }
            return out
        }
    }

    /// `file:line:column: 联系员 10533 石磊 的总分：期望 76.84，实际 76.85` and the rule behind it.
    static func failureLines(_ failed: ExpectationOutcome, indent: String = "      ") -> String {
        var out =
            indent
            + "\(failed.expectation.location): \(failed.subject.spacedBeforeChinese)的\(failed.what)：期望 \(failed.expected)，实际 \(failed.actual ?? "没有结果")\n"
        if let trace = failed.trace { out += indent + "  " + traceText(trace) + "\n" }
        return out
    }

    /// `矿 3 条 × 31 + 区队 4 条 × 5 = 113.00 元；规则 rules/rewards.yaml:12:9（矿 31）、…；依据 2.3.1`.
    static func traceText(_ trace: RuleTrace) -> String {
        var parts: [String] = []
        if !trace.explanation.isEmpty { parts.append(trace.explanation) }
        if !trace.places.isEmpty {
            parts.append(
                "规则 " + trace.places.map { place in "\(place.location)" + (place.label.map { "（\($0)）" } ?? "") }.joined(separator: "、"))
        }
        if let clause = trace.clause { parts.append("依据 \(clause)") }
        return parts.joined(separator: "；")
    }

    static func oneLine(_ problem: Diagnostic) -> String {
        (problem.location.map { "\($0): " } ?? "") + "[\(problem.code)] \(problem.message)" + (problem.hint.map { "（提示：\($0)）" } ?? "")
    }

    /// Per version, how much of each kind of rule part was exercised, then every part not.
    package static func coverageText(_ coverage: Coverage, color: Bool = false) -> String {
        var out = "覆盖情况\n"
        for version in coverage.versions {
            let counts = Coverage.Kind.allCases.compactMap { kind -> String? in
                let (covered, total) = version.count(kind)
                return total == 0 ? nil : "\(kind.title) \(covered)/\(total)"
            }
            out += "  版本 \(version.version)：" + counts.joined(separator: "，") + "\n"
            for element in version.uncovered {
                out += "    未覆盖 \(element.kind.title)：\(element.title)（\(element.location)）\n"
            }
        }
        let missing = coverage.uncovered.count
        out += missing == 0 ? "全部覆盖。\n" : "共 \(missing) 处没有测试用例覆盖。\n"
        return out
    }

    private func paint(_ code: String, _ text: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    // MARK: JSON

    package func json() -> String {
        var pairs: [(String, JSONValue)] = [
            ("schema_version", .number("1")),
            ("files", .array(run.files.map { .string($0) })),
            ("cases", .array(run.outcomes.map(Self.caseJSON))),
            ("diagnostics", .array(run.diagnostics.map(diagnosticJSON))),
            (
                "summary",
                .object([
                    ("passed", .number(String(run.passed))), ("failed", .number(String(run.failed))),
                    ("skipped", .number(String(run.skipped))), ("errors", .number(String(run.outcomes.count { $0.status == .error }))),
                    ("line", .string(run.closingLine)),
                ])
            ),
        ]
        if let coverage { pairs.append(("coverage", Self.coverageJSON(coverage))) }
        return JSONValue.object(pairs).rendered() + "\n"
    }

    static func caseJSON(_ outcome: CaseOutcome) -> JSONValue {
        let testCase = outcome.testCase
        return .object([
            ("name", .string(testCase.name)),
            ("kind", .string(kindWord(testCase.kind))),
            ("location", locationJSON(testCase.location)),
            ("status", .string(outcome.status.rawValue)),
            ("version", .text(outcome.version)),
            ("period", .text(outcome.period)),
            ("skip", .text(testCase.skip)),
            ("expectations", .array(outcome.expectations.map(expectationJSON))),
            ("unexpected", .array(outcome.unexpected.map(diagnosticJSON))),
            ("errors", .array(outcome.errors.map(diagnosticJSON))),
        ])
    }

    static func expectationJSON(_ outcome: ExpectationOutcome) -> JSONValue {
        .object([
            ("subject", .string(outcome.subject)),
            ("what", .string(outcome.what)),
            ("expected", .string(outcome.expected)),
            ("actual", .text(outcome.actual)),
            ("passed", .bool(outcome.passed && outcome.error == nil)),
            ("location", locationJSON(outcome.expectation.location)),
            ("rule", outcome.trace.map(traceJSON) ?? .null),
        ])
    }

    static func traceJSON(_ trace: RuleTrace) -> JSONValue {
        .object([
            ("explanation", .string(trace.explanation)),
            (
                "places",
                .array(
                    trace.places.map { place in
                        .object([("label", .text(place.label)), ("location", locationJSON(place.location))])
                    })
            ),
            ("clause", .text(trace.clause)),
        ])
    }

    static func coverageJSON(_ coverage: Coverage) -> JSONValue {
        .object([
            ("complete", .bool(coverage.isComplete)),
            (
                "versions",
                .array(
                    coverage.versions.map { version in
                        .object([
                            ("version", .string(version.version)),
                            (
                                "counts",
                                .object(
                                    Coverage.Kind.allCases.map { kind in
                                        let (covered, total) = version.count(kind)
                                        return (
                                            kind.rawValue,
                                            .object([("covered", .number(String(covered))), ("total", .number(String(total)))])
                                        )
                                    })
                            ),
                            (
                                "uncovered",
                                .array(
                                    version.uncovered.map { element in
                                        .object([
                                            ("kind", .string(element.kind.rawValue)), ("key", .string(element.key)),
                                            ("title", .string(element.title)), ("location", locationJSON(element.location)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
        ])
    }

    static func locationJSON(_ location: SourceLocation?) -> JSONValue {
        guard let location else { return .null }
        return .object([
            ("file", .string(location.file)), ("line", .number(String(location.line))), ("column", .number(String(location.column))),
        ])
    }

    static func kindWord(_ kind: TestCase.Kind) -> String {
        switch kind {
        case .quarter: "quarter"
        case .eligibility: "eligibility"
        case .year: "year"
        }
    }
}
