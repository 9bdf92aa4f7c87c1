import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// `scorecard eval`: an expression tried before it is written into the rules — checked against
/// the names and types a reward's expression may read (record fields, lists, `score.<item>`,
/// `total`, `grade`), then evaluated on one officer's real record and results.
package struct ExpressionTrial: Sendable {
    /// The name locations in the expression are given under (`表达式:1:9`).
    package static let file = "表达式"

    package let text: String
    package let policy: Policy
    /// The expression compiled under the rules, or why it cannot be used there (a located error).
    private let checked: Checked

    private enum Checked: Sendable {
        case compiled(CheckedExpression)
        case rejected(Diagnostic)
    }

    package init(_ text: String, policy: Policy) {
        self.text = text
        self.policy = policy
        do {
            checked = .compiled(try Expression.compile(text, in: Self.environment(of: policy)))
        } catch {
            let place = Self.location(offset: error.offset, length: error.length)
            checked = .rejected(
                TestCaseMessages.expressionRejected(code: error.code, error.message, at: place)
                    .passingOn(error.suggestion, advice: error.advice, replacing: place))
        }
    }

    private var compiled: CheckedExpression? {
        if case .compiled(let expression) = checked { expression } else { nil }
    }

    /// Why the expression cannot be used under the rules: a located error.
    package var problem: Diagnostic? {
        if case .rejected(let problem) = checked { problem } else { nil }
    }

    /// The expression's type in words (`小数`), once it checks.
    package var typeWords: String? { compiled?.type.description }

    /// The record names the expression reads, sorted.
    package var readNames: [String] { compiled?.readNames ?? [] }

    /// A value the expression read, as the trial shows it: `done = 4（2025-Q1/scores.csv:3:5）`.
    package struct ReadValue: Sendable, Hashable {
        package var name: String
        /// The value in words (`4`, `“矿”`, `缺失`).
        package var value: String
        /// Where it was recorded, for a field read from the quarter's files.
        package var location: SourceLocation?
    }

    /// What `scorecard eval` writes, and the problem that ends it: the text is written either way.
    package struct Report: Sendable {
        package var text: String
        package var failure: Diagnostic?
    }

    /// The values the expression reads on an officer's record and results, each with where it
    /// was recorded.
    package func readValues(record: OfficerRecord, result: OfficerResult) -> [ReadValue] {
        guard let compiled else { return [] }
        let layout = policy.layout
        let slots = slots(record: record, result: result)
        return compiled.readNames.map { name in
            let score = name.hasPrefix("score.") ? layout.slot(ofScore: String(name.dropFirst(6))) : nil
            let slot =
                layout.slot(ofField: name) ?? layout.slot(ofList: name) ?? score
                ?? (name == "total" ? layout.totalSlot : name == "grade" ? layout.gradeSlot : nil)
            let value = slot.flatMap { slots.indices.contains($0) ? slots[$0] : nil } ?? .missing
            let location = layout.fieldIDs.firstIndex(of: name).flatMap { record.fieldLocation($0) }
            return ReadValue(name: name, value: words(value), location: location)
        }
    }

    /// The expression evaluated on an officer's record and results, in words; the failure is
    /// located in the expression (`表达式:1:N`), or is `problem` when the expression does not check.
    package func evaluate(record: OfficerRecord, result: OfficerResult) throws(Diagnostic) -> String {
        let compiled: CheckedExpression
        switch checked {
        case .compiled(let expression): compiled = expression
        case .rejected(let problem): throw problem
        }
        do {
            return words(try compiled.evaluate(slots(record: record, result: result)))
        } catch {
            throw TestCaseMessages.expressionFailed(
                code: error.code, error.message, officer: record.officer, at: Self.location(offset: error.offset, length: error.length))
        }
    }

    /// The record's slots with the officer's results in place: scores, total and grade.
    private func slots(record: OfficerRecord, result: OfficerResult) -> [Value] {
        let layout = policy.layout
        var slots = record.slots
        for (index, item) in policy.items.enumerated() where result.items.indices.contains(index) {
            if let slot = layout.slot(ofScore: item.id), let score = result.items[index].score { slots[slot] = .number(score) }
        }
        if let total = result.total { slots[layout.totalSlot] = .number(total) }
        if let grade = result.grade { slots[layout.gradeSlot] = .string(grade) }
        return slots
    }

    /// The text a renderer shows under `表达式:1:N`.
    package var sourceLines: [String] { [text] }

    /// What the trial found, for people: the expression and its type, then on the officer's
    /// record the values it read (with their places) and the result.
    package func report(quarter: Quarter? = nil, record: OfficerRecord? = nil, result: OfficerResult? = nil) -> Report {
        var out = "表达式 \(text)\n"
        guard let typeWords else { return Report(text: out, failure: problem) }
        out += "类型 \(typeWords)（按规则版本 \(policy.metadata.version) 检查，名称和类型都正确）\n"
        guard let record, let result else { return Report(text: out, failure: nil) }
        let who = record.officer
        out += "联系员 \(who.id) \(who.name)（\(who.unit) \(who.area)）" + (quarter.map { "· \($0)" } ?? "") + "\n"
        let inputs = readValues(record: record, result: result)
        if !inputs.isEmpty {
            out +=
                "用到："
                + inputs.map { input in "\(input.name) = \(input.value)" + (input.location.map { "（\($0)）" } ?? "") }.joined(separator: "，")
                + "\n"
        }
        do {
            out += "= \(try evaluate(record: record, result: result))\n"
            return Report(text: out, failure: nil)
        } catch {
            return Report(text: out, failure: error)
        }
    }

    private static func location(offset: Int, length: Int) -> SourceLocation {
        SourceLocation(file: file, line: 1, column: offset + 1, length: length)
    }

    /// Everything a reward's expression may read: the widest environment of the rules.
    static func environment(of policy: Policy) -> ExpressionEnvironment {
        let layout = policy.layout
        var environment = ExpressionEnvironment()
        for field in policy.evidence.fields {
            if let slot = layout.slot(ofField: field.id) {
                environment.declare(field.id, type: field.type.expressionType, slot: slot, choices: field.type.choices)
            }
        }
        for list in policy.evidence.lists {
            if let slot = layout.slot(ofList: list.id) { environment.declare(list.id, type: .list(list.recordType), slot: slot) }
        }
        for item in policy.items {
            if let slot = layout.slot(ofScore: item.id) { environment.declare("score.\(item.id)", type: .decimal, slot: slot) }
        }
        environment.declare("total", type: .decimal, slot: layout.totalSlot)
        environment.declare("grade", type: .string, slot: layout.gradeSlot, choices: policy.grades.map { $0.bands.map(\.name) })
        return environment
    }
}
