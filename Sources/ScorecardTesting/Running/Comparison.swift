import ScorecardBase
import ScorecardExpression

/// What came out for an expectation, as a value to compare and as words to show.
struct Actual {
    var value: Expectation.Value?
    var text: String?
    var trace: RuleTrace?

    static func number(_ value: ExactDecimal?, places: Int, trace: RuleTrace?) -> Actual {
        Actual(value: value.map { .number($0, tolerance: nil) }, text: value.map { $0.formatted(scale: places) }, trace: trace)
    }

    static func names(_ names: [String], shown: [String]? = nil, ordered: Bool, trace: RuleTrace?) -> Actual {
        let placeholder = SourceLocation(file: "", line: 0, column: 0)
        let words = shown ?? names
        return Actual(
            value: .names(names.map { Written($0, at: placeholder) }, ordered: ordered),
            text: words.isEmpty ? "（无）" : words.joined(separator: "、"), trace: trace)
    }
}

extension Actual {
    /// The codes of `problems`, each once in the order first met: what an `evidence_errors`
    /// expectation is compared with.
    static func problemCodes(_ problems: [Diagnostic]) -> Actual {
        var codes: [String] = []
        for problem in problems where !codes.contains(problem.code) { codes.append(problem.code) }
        return .names(codes, ordered: false, trace: Traces.problems(problems))
    }
}

extension ExpectationOutcome {
    /// An expectation about to be looked up: nothing found, nothing passed yet.
    init(pending expectation: Expectation) {
        self.init(
            expectation: expectation, subject: "本用例", what: "", expected: expectation.value.shown, actual: nil, passed: false,
            trace: nil, error: nil)
    }

    /// What the engine gave, compared with `expected`; left undecided when looking it up
    /// already failed (`error`).
    mutating func settle(_ actual: Actual?, against expected: Expectation.Value) {
        guard let actual, error == nil else { return }
        self.actual = actual.text
        trace = actual.trace
        passed = expected.matches(actual.value)
    }
}

extension Expectation.Value {
    /// Exact unless the author gave a tolerance; names compare as a set unless ordered.
    func matches(_ actual: Expectation.Value?) -> Bool {
        guard let actual else { return false }
        switch (self, actual) {
        case let (.number(expected, tolerance), .number(value, _)):
            guard let tolerance else { return expected == value }
            guard let difference = try? value.subtracting(expected) else { return false }
            return (difference.isNegative ? difference.negated : difference) <= tolerance
        case let (.integer(a), .integer(b)): return a == b
        case let (.word(a), .word(b)): return a == b
        case let (.boolean(a), .boolean(b)): return a == b
        case let (.names(a, ordered), .names(b, _)):
            return ordered ? a.map(\.value) == b.map(\.value) : Set(a.map(\.value)) == Set(b.map(\.value))
        default: return false
        }
    }

    /// The value as the author wrote it.
    var shown: String {
        switch self {
        case let .number(value, tolerance): value.description + (tolerance.map { "（允许误差 ±\($0)）" } ?? "")
        case .integer(let value): String(value)
        case .word(let word): word
        case .boolean(let value): value ? "是" : "否"
        case .names(let names, _): names.isEmpty ? "（无）" : names.map(\.value).joined(separator: "、")
        }
    }
}

/// A value read from a record or computed, as the reports show it.
func words(_ value: Value) -> String {
    switch value {
    case .number(let number): number.normalized.description
    case .string(let text): text
    case .boolean(let flag): flag ? "是" : "否"
    case .date(let date): date.description
    case .list(let rows): "\(rows.count) 条"
    case .missing: "（未记录）"
    }
}
