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
    private let compiled: CheckedExpression?
    /// Why the expression cannot be used under the rules: a located error.
    package let problem: Diagnostic?

    package init(_ text: String, policy: Policy) {
        self.text = text
        self.policy = policy
        do {
            compiled = try Expression.compile(text, in: Self.environment(of: policy))
            problem = nil
        } catch {
            compiled = nil
            let place = Self.location(offset: error.offset, length: error.length)
            problem = TestCaseMessages.expressionRejected(code: error.code, error.message, at: place)
                .passingOn(error.suggestion, advice: error.advice, replacing: place)
        }
    }

    /// The expression's type in words (`小数`), once it checks.
    package var typeWords: String? { compiled?.type.description }

    /// The record names the expression reads, sorted.
    package var readNames: [String] { compiled?.readNames ?? [] }

    /// The expression evaluated on an officer's record and results: the value in words, or the
    /// failure (located in the expression); and the values read, each with where it was recorded.
    package func evaluate(record: OfficerRecord, result: OfficerResult) -> (
        value: String?, failure: Diagnostic?, inputs: [(name: String, value: String, location: SourceLocation?)]
    ) {
        guard let compiled else { return (nil, problem, []) }
        let layout = policy.layout
        var slots = record.slots
        for (index, item) in policy.items.enumerated() where result.items.indices.contains(index) {
            if let slot = layout.slot(ofScore: item.id), let score = result.items[index].score { slots[slot] = .number(score) }
        }
        if let total = result.total { slots[layout.totalSlot] = .number(total) }
        if let grade = result.grade { slots[layout.gradeSlot] = .string(grade) }
        let inputs = compiled.readNames.map { name -> (name: String, value: String, location: SourceLocation?) in
            let score = name.hasPrefix("score.") ? layout.slot(ofScore: String(name.dropFirst(6))) : nil
            let slot =
                layout.slot(ofField: name) ?? layout.slot(ofList: name) ?? score
                ?? (name == "total" ? layout.totalSlot : name == "grade" ? layout.gradeSlot : nil)
            let value = slot.flatMap { slots.indices.contains($0) ? slots[$0] : nil } ?? .missing
            let location = layout.fieldIDs.firstIndex(of: name).flatMap { record.fieldLocation($0) }
            return (name, words(value), location)
        }
        do {
            return (words(try compiled.evaluate(slots)), nil, inputs)
        } catch {
            return (
                nil,
                TestCaseMessages.expressionFailed(
                    code: error.code, error.message, officer: record.officer, at: Self.location(offset: error.offset, length: error.length)),
                inputs
            )
        }
    }

    /// The text a renderer shows under `表达式:1:N`.
    package var sourceLines: [String] { [text] }

    /// What the trial found, for people: the expression and its type, then on the officer's
    /// record the values it read (with their places) and the result.
    package func report(officer: Officer? = nil, quarter: Quarter? = nil, record: OfficerRecord? = nil, result: OfficerResult? = nil) -> (
        text: String, failure: Diagnostic?
    ) {
        var out = "表达式 \(text)\n"
        guard let typeWords else { return (out, problem) }
        out += "类型 \(typeWords)（按规则版本 \(policy.metadata.version) 检查，名称和类型都正确）\n"
        guard let record, let result else { return (out, nil) }
        let who = record.officer
        out += "联系员 \(who.id) \(who.name)（\(who.unit) \(who.area)）" + (quarter.map { "· \($0)" } ?? "") + "\n"
        let (value, failure, inputs) = evaluate(record: record, result: result)
        if !inputs.isEmpty {
            out +=
                "用到："
                + inputs.map { input in "\(input.name) = \(input.value)" + (input.location.map { "（\($0)）" } ?? "") }.joined(separator: "，")
                + "\n"
        }
        if let value { out += "= \(value)\n" }
        return (out, failure)
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
