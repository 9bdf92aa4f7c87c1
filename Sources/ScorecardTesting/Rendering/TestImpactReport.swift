import ScorecardBase
import ScorecardReport

/// The diff's section on the test cases: which expectations the revision changes, with the
/// value under each version and how the new version arrives at its value.
package struct TestImpactReport: Sendable {
    package let impact: TestImpact
    /// The folder the cases came from, as the user would name it (`rules/tests`).
    package let label: String
    private let color: Bool

    package init(impact: TestImpact, label: String, color: Bool = false) {
        self.impact = impact
        self.label = label
        self.color = color
    }

    private var heading: String { "测试用例在新版本下的结果" }

    private var scope: String {
        var text = "\(label) 中的 \(impact.casesRun) 个用例，按旧版本 \(impact.oldVersion) 写的期望在新版本 \(impact.newVersion) 下重新计算"
        if impact.casesLeftOut > 0 { text += "（另有 \(impact.casesLeftOut) 个用例按别的版本计算，未计入）" }
        return text
    }

    private var countLine: String {
        guard !impact.changes.isEmpty else { return "所有期望的结果都不变。" }
        return "\(impact.changes.count) 项期望的结果改变，涉及 \(impact.changedCases) 个用例；其中 \(impact.newlyFailing) 项原来通过、现在不通过。"
    }

    private static func outcomeWords(_ change: TestImpact.Change) -> String {
        switch (change.oldPassed, change.newPassed) {
        case (true, false): "原来通过，现在不通过"
        case (false, true): "原来不通过，现在通过"
        case (true, true): "都通过"
        case (false, false): "都不通过"
        }
    }

    // MARK: Text

    package func text() -> String {
        var out = paint("1", heading) + "\n" + scope + "。\n" + countLine + "\n"
        var currentCase: String?
        for change in impact.changes {
            if change.caseName != currentCase {
                out += "  " + change.caseName + "\n"
                currentCase = change.caseName
            }
            if let problem = change.problem {
                out += "    \(change.location): " + paint("31", "新版本下无法核对") + "：" + TestReport.oneLine(problem) + "\n"
                continue
            }
            out +=
                "    \(change.location): \(change.subject.spacedBeforeChinese)的\(change.what)：期望 \(change.expected)；"
                + "旧版本 \(change.old ?? "没有结果") → 新版本 " + paint(change.newPassed ? "32" : "31", change.new ?? "没有结果")
                + "（\(Self.outcomeWords(change))）\n"
            if let trace = change.newTrace { out += "      新版本：" + TestReport.traceText(trace) + "\n" }
        }
        for name in impact.casesBroken { out += "  注：用例“\(name)”在旧版本下就无法运行，没有比较（用 scorecard test 查看原因）。\n" }
        return out
    }

    private func paint(_ code: String, _ text: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    // MARK: Markdown

    package func markdown() -> String {
        var out = "## \(heading)\n\n\(scope)。\(countLine)\n"
        guard !impact.changes.isEmpty else { return out }
        out += "\n| 用例 | 期望 | 位置 | 期望值 | 旧版本 | 新版本 | 新版本的来历 |\n|---|---|---|---|---|---|---|\n"
        let cell = MarkdownTable.cell
        for change in impact.changes {
            let detail = change.problem.map { "无法核对：\($0.message)" } ?? change.newTrace.map(TestReport.traceText) ?? ""
            out +=
                "| \(cell(change.caseName)) | \(cell("\(change.subject.spacedBeforeChinese)的\(change.what)")) | `\(change.location)` | \(cell(change.expected)) | "
                + "\(cell(change.old ?? "—")) | \(cell(change.new ?? "—")) | \(cell(detail)) |\n"
        }
        return out
    }

    // MARK: JSON

    package func json() -> JSONValue {
        .object([
            ("files", .array(impact.files.map { .string($0) })),
            ("old_version", .string(impact.oldVersion)),
            ("new_version", .string(impact.newVersion)),
            ("cases_run", .number(String(impact.casesRun))),
            ("cases_left_out", .number(String(impact.casesLeftOut))),
            ("cases_broken", .array(impact.casesBroken.map { .string($0) })),
            (
                "changes",
                .array(
                    impact.changes.map { change in
                        .object([
                            ("case", .string(change.caseName)),
                            ("subject", .string(change.subject)),
                            ("what", .string(change.what)),
                            ("location", TestReport.locationJSON(change.location)),
                            ("expected", .string(change.expected)),
                            ("old", .text(change.old)),
                            ("new", .text(change.new)),
                            ("old_passed", .bool(change.oldPassed)),
                            ("new_passed", .bool(change.newPassed)),
                            ("rule", change.newTrace.map(TestReport.traceJSON) ?? .null),
                            ("problem", change.problem.map(diagnosticJSON) ?? .null),
                        ])
                    })
            ),
        ])
    }

    /// The diff's JSON with this section added as `tests`.
    package func appended(to diff: JSONValue) -> JSONValue {
        guard case .object(var pairs) = diff else { return diff }
        pairs.append(("tests", json()))
        return .object(pairs)
    }
}
