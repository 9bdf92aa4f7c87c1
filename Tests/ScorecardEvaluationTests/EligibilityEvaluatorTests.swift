import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardEvaluation
import ScorecardEvidence
import ScorecardExpression
import ScorecardRules

/// The bundled rules with `eligibility.yaml` changed by `edit`, for the cases the bundled
/// policy does not have (e.g. `require: any`).
func bundledPolicy(editingEligibility edit: (String) -> String = { $0 }) -> Policy? {
    let files = ["annual", "eligibility", "evidence", "items", "policy", "rewards", "roster"]
    let sources = files.map { name -> RuleSource in
        let path = "\(bundledRules)/\(name).yaml"
        var text = String(decoding: readBytes(path), as: UTF8.self)
        if name == "eligibility" { text = edit(text) }
        return RuleSource(displayPath: path, bytes: Array(text.utf8))
    }
    var problems = DiagnosticSink()
    return PolicyLoader.load(sources: sources, sink: &problems).policy
}

/// Candidates against clause 2.2.1: per criterion holds, fails or cannot be decided, with the
/// values it read; the verdict by `require: all|any`.
@Suite struct EligibilityEvaluatorTests {
    static let eligibility = seedWorkspace.policy!.eligibility!

    func candidate(_ values: [Value], id: String = "2001") -> Candidate {
        Candidate(
            id: id, name: "张三", unit: "一队", area: "甲班", values: values, location: SourceLocation(file: "candidates.csv", line: 2, column: 1)
        )
    }

    static let sound: [Value] = [.string("通过"), .boolean(true), .string("良好"), .number(dec("80"))]

    @Test func seedCandidates() throws {
        var sink = DiagnosticSink()
        let list = seedWorkspace.evidenceFolder.loadCandidates(Self.eligibility, sink: &sink)
        let results = EligibilityEvaluator(eligibility: Self.eligibility).evaluate(list.candidates)
        let verdicts = Dictionary(uniqueKeysWithValues: results.map { ($0.candidate.id, $0.verdict) })
        #expect(
            verdicts == [
                "10339": .eligible, "10516": .eligible, "10489": .eligible, "10502": .eligible,
                "10471": .ineligible, "10478": .ineligible, "10624": .ineligible, "10645": .ineligible,
            ])
        let kong = try #require(results.first { $0.candidate.id == "10624" })
        #expect(kong.outcomes.map(\.verdict) == [.holds, .holds, .fails, .fails])
        let relations = kong.outcomes[3]
        #expect(relations.criterionID == "relations")
        #expect(relations.inputs.map(\.field.id) == ["peer_approval"])
        #expect(relations.inputs.first?.value == .number(dec("71.5")))
        #expect(relations.inputs.first?.location?.description.hasSuffix("seeds/candidates.csv:8:26") == true)
        #expect(kong.failures.isEmpty)
    }

    @Test func everyConditionAtItsThreshold() {
        let result = EligibilityEvaluator(eligibility: Self.eligibility).evaluate(candidate(Self.sound))
        #expect(result.verdict == .eligible)
        #expect(result.outcomes.allSatisfy { $0.verdict == .holds })
    }

    @Test func eachConditionCanFailAlone() {
        let evaluator = EligibilityEvaluator(eligibility: Self.eligibility)
        let breaks: [Value] = [.string("不通过"), .boolean(false), .string("合格"), .number(dec("79.9"))]
        for index in breaks.indices {
            var values = Self.sound
            values[index] = breaks[index]
            let result = evaluator.evaluate(candidate(values))
            #expect(result.verdict == .ineligible)
            #expect(result.outcomes.indices.filter { result.outcomes[$0].verdict == .fails } == [index])
        }
    }

    @Test func aMissingValueLeavesTheConditionUndecided() throws {
        var values = Self.sound
        values[3] = .missing
        let result = EligibilityEvaluator(eligibility: Self.eligibility).evaluate(candidate(values))
        #expect(result.verdict == .undecided)
        let failure = try #require(result.failures.first)
        #expect(failure.code.hasPrefix("expr.eval."))
        #expect(failure.message.hasPrefix("候选人 2001（张三）的任职条件 relations 无法判断"))
        #expect(failure.location?.file.hasSuffix("eligibility.yaml") == true)
        // A known failure decides `all` whatever is undecided.
        values[1] = .boolean(false)
        #expect(EligibilityEvaluator(eligibility: Self.eligibility).evaluate(candidate(values)).verdict == .ineligible)
    }

    @Test func requireAnyNeedsOneCondition() throws {
        let policy = try #require(bundledPolicy { $0.replacing("require: all", with: "require: any") })
        let eligibility = try #require(policy.eligibility)
        #expect(eligibility.requirement == .any)
        let evaluator = EligibilityEvaluator(eligibility: eligibility)
        let none: [Value] = [.string("不通过"), .boolean(false), .string("合格"), .number(dec("10"))]
        #expect(evaluator.evaluate(candidate(none)).verdict == .ineligible)
        var one = none
        one[1] = .boolean(true)
        #expect(evaluator.evaluate(candidate(one)).verdict == .eligible)
        var undecided = none
        undecided[3] = .missing
        #expect(evaluator.evaluate(candidate(undecided)).verdict == .undecided)
        undecided[0] = .string("通过")
        #expect(evaluator.evaluate(candidate(undecided)).verdict == .eligible)
    }
}
