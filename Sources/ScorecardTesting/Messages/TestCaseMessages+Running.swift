import ScorecardBase
import ScorecardEvidence
import ScorecardRules
import ScorecardYAML

/// Running a case: the version and quarter it runs under, and the names its expectations use
/// that its rules or its own evidence do not have.
extension TestCaseMessages {
    static func noEligibility(version: String, at location: SourceLocation) -> Diagnostic {
        .error(
            TestCaseCode.noEligibility, "规则版本 \(version) 中没有 eligibility（任职条件）一节，无法运行这个用例",
            hint: "在规则中写出任职条件，或让用例改用有任职条件的版本", at: location)
    }

    /// A year case under a version without annual rules: the evaluator's words for it, under
    /// the test's code, pointing at the case.
    static func noAnnual(_ missing: Diagnostic, case location: SourceLocation) -> Diagnostic {
        var problem = missing
        problem.code = TestCaseCode.noAnnual.rawValue
        problem.notes = [.init("用例写在这里", at: location)]
        return problem
    }

    static func noQuarter(_ name: String, at location: SourceLocation) -> Diagnostic {
        .error(TestCaseCode.noQuarter, "无法确定测试用例“\(name)”考核的季度", hint: "写上 quarter: 2025-Q4", at: location)
    }

    /// `summary`: the versions there are.
    static func noVersion(_ name: String, summary: String, at location: SourceLocation) -> Diagnostic {
        .error(
            TestCaseCode.noVersion, "测试用例“\(name)”没有说明用哪个版本的规则",
            hint: "写 version: 版本号（已有的版本：\(summary)），或写 quarter:/date: 按当时生效的版本", at: location)
    }

    static func unknownVersion(_ written: Written<String>, summary: String, suggesting suggestion: String?) -> Diagnostic {
        Diagnostic.error(
            TestCaseCode.unknownVersion, "规则中没有版本“\(written.value)”", hint: "已有的版本：\(summary)", at: written.location
        ).suggesting(suggestion, replacing: written.location, keepingHint: true)
    }

    static func noVersionInForce(on day: LocalDate, summary: String, at location: SourceLocation) -> Diagnostic {
        .error(TestCaseCode.noVersionInForce, "\(day) 还没有生效的规则版本", hint: "已有的版本：\(summary)；或用 version: 指定一个版本", at: location)
    }

    /// A name the rules (of `version`, or the case's own evidence when nil) do not have.
    static func unknownName(_ code: TestCaseCode, _ what: String, _ written: Written<String>, among names: [String], version: Policy?)
        -> Diagnostic
    {
        let suggestion = NameSuggestion.closest(to: written.value, among: names)
        let inVersion = version.map { "规则版本 \($0.metadata.version) 中" } ?? "本用例中"
        return Diagnostic.error(
            code, "\(inVersion)没有\(what)“\(written.value)”",
            hint: names.isEmpty ? "这一版本的规则里没有\(what)" : "可用的\(what)：\(names.joined(separator: "、"))",
            at: written.location
        ).suggesting(suggestion, replacing: written.location)
    }

    static func unknownOfficer(_ written: Written<String>, among officers: some Collection<Officer>) -> Diagnostic {
        let names = officers.flatMap { [$0.id, $0.name] }
        let suggestion = NameSuggestion.closest(to: written.value, among: names)
        let sameName = officers.filter { $0.name == written.value }
        if sameName.count > 1 {
            return .error(
                TestCaseCode.ambiguousOfficer, "本用例中有 \(sameName.count) 名联系员叫“\(written.value)”",
                hint: "改写工号：\(sameName.map(\.id).joined(separator: "、"))", at: written.location)
        }
        return Diagnostic.error(
            TestCaseCode.unknownOfficer, "本用例中没有工号或姓名为“\(written.value)”的联系员",
            hint: "本用例的联系员：\(officers.map { "\($0.id) \($0.name)" }.joined(separator: "、"))",
            at: written.location
        ).suggesting(suggestion, replacing: written.location)
    }

    static func unknownCandidate(_ written: Written<String>, among known: [Candidate]) -> Diagnostic {
        let suggestion = NameSuggestion.closest(to: written.value, among: known.flatMap { [$0.id, $0.name] })
        return Diagnostic.error(
            TestCaseCode.unknownCandidate, "本用例中没有编号或姓名为“\(written.value)”的候选人",
            hint: "本用例的候选人：\(known.map { "\($0.id) \($0.name)" }.joined(separator: "、"))",
            at: written.location
        ).suggesting(suggestion, replacing: written.location)
    }

    /// `kind`: the case's kind in words (`季度`).
    static func misplaced(_ expectation: Expectation, kind: String) -> Diagnostic {
        .error(TestCaseCode.misplacedExpectation, "这项期望不适用于\(kind)用例", hint: "见 docs/testing.md 中各类用例可写的期望", at: expectation.location)
    }

    static func notPerRecord(_ rule: RewardRule, at location: SourceLocation) -> Diagnostic {
        .error(
            TestCaseCode.unknownRate, "奖励 \(rule.id) 不是按记录条数计奖的，没有各档的条数",
            hint: "改为核对金额：\(rule.id): 金额", at: location, notes: [.init("奖励写在这里", at: rule.location)])
    }

    /// An inline cell that is a list or a mapping, not a value.
    static func notAValue(_ node: YAMLNode) -> Diagnostic {
        .error(EvidenceCode.yamlShape, "这里应当是一个值，而不是\(node.kindDescription)", at: node.location)
    }
}

/// `scorecard eval`: an expression tried on the rules and on an officer's record.
extension TestCaseMessages {
    /// The expression does not check under the rules; `code` and `message` are the expression's.
    static func expressionRejected(code: String, _ message: String, at location: SourceLocation) -> Diagnostic {
        .error(code, "表达式：\(message)", hint: "检查这个表达式的写法（见 docs/rules.md 第 4 节）", at: location)
    }

    /// The expression checks, but cannot be worked out on this officer's record.
    static func expressionFailed(code: String, _ message: String, officer: Officer, at location: SourceLocation) -> Diagnostic {
        .error(
            code, "表达式对联系员 \(officer.id)（\(officer.name)）的记录无法计算：\(message)",
            hint: "写进规则时要先排除这种情况，如 if reports_due == 0 then 5 else …", at: location)
    }
}
