import Testing
import ScorecardBase
@testable import ScorecardExpression

@Suite struct EvaluationTests {
    typealias F = Fixture

    @Test(arguments: [
        ("1 + 2 * 3", "7"), ("(1 + 2) * 3", "9"), ("10 - 4 - 3", "3"), ("100 / 10 / 5", "2"),
        ("2 * 3 - 4 * 5", "-14"), ("-2 * 3", "-6"), ("--2", "2"), ("- (1 + 2)", "-3"), ("8 / 2 * 4", "16"),
        ("0.1 + 0.2", "0.3"), ("5 * 3 / 4", "3.75"), ("1 / 3", "0.333333333333333333"),
        ("if reports_due == 0 then 5 else 5 * reports_on_time / reports_due", "3.75"),
        ("score.i07 * 2", "5.0"), ("出勤天数 / 3", "20"),
        ("min(3, 1.5, 2)", "1.5"), ("max(3, 1.5, 2)", "3"), ("clamp(7, 0, 5)", "5"), ("clamp(-1, 0, 5)", "0"),
        ("clamp(2.5, 0, 5)", "2.5"), ("round(2.345, 2)", "2.35"), ("round(2.345, 2, \"half-even\")", "2.34"),
        ("round(-2.5, 0)", "-3"), ("round(2.5, 0, 'half-even')", "2"), ("round(2.5, 0, \"down\")", "2"),
        ("abs(-3.5)", "3.5"), ("abs(2)", "2"), ("floor(2.7)", "2"), ("floor(-2.1)", "-3"), ("ceil(2.1)", "3"),
        ("ceil(-2.7)", "-2"),
        ("count(suggestions)", "3"), ("count(suggestions, adopted)", "2"),
        ("sum(suggestions, reward)", "35"), ("sum(suggestions, if adopted then 30 else 0)", "60"),
        ("count(suggestions, date >= date(\"2025-02-01\"))", "2"),
        ("if is_active then 1 else 2.5", "1"),
        ("if reports_due > 3 then if reports_on_time > 3 then 1 else 2 else 3", "2"),
    ])
    func numbers(source: String, expected: String) throws {
        #expect(try F.evaluate(source) == F.number(expected), "\(source)")
    }

    @Test func exactDecimalsKeepScale() throws {
        let value = try F.evaluate("30.00 + 5")
        guard case .number(let n) = value else { Issue.record("not a number"); return }
        #expect(n.description == "35.00")
    }

    @Test(arguments: [
        ("1 < 2", true), ("2 <= 2", true), ("3 > 4", false), ("3 >= 3.0", true), ("1 == 1.00", true), ("1 != 1", false),
        ("单位 == \"一矿\"", true), ("单位 != '一矿'", false), ("is_active == true", true),
        ("joined < date(\"2025-01-01\")", true), ("not is_active", false), ("not not is_active", true),
        ("true or false and false", true), ("(true or false) and false", false),
        ("not 1 > 2 and true", true), ("any(suggestions, reward > 10)", true), ("all(suggestions, adopted)", false),
        ("all(suggestions, reward >= 0)", true), ("any(suggestions, title == \"排水\")", true),
        ("count(suggestions, not adopted) == 1", true),
        ("min(date(\"2025-01-01\"), joined) == joined", true),
        ("reports_due == 0 or reports_on_time / reports_due > 0.5", true),
    ])
    func booleans(source: String, expected: Bool) throws {
        #expect(try F.evaluate(source) == .boolean(expected), "\(source)")
    }

    @Test func stringsAndEscapes() throws {
        #expect(try F.evaluate(#"if is_active then "矿\"一\"" else '二\\'"#) == .string("矿\"一\""))
        #expect(try F.evaluate(#""a\nb""#) == .string("a\nb"))
        #expect(try F.evaluate("date(\"2025-03-31\")") == F.day("2025-03-31"))
    }

    @Test func elementFieldsShadowOuterNames() throws {
        // `title` is an outer name too; inside the predicate it means the element's field.
        #expect(try F.evaluate("count(suggestions, title == \"外层\")") == F.number("0"))
        #expect(try F.evaluate("title == \"外层\"") == .boolean(true))
        let checked = try Expression.compile("count(suggestions, title == \"通风\")", in: F.environment)
        #expect(checked.readNames == ["suggestions"])
        #expect(checked.readElementNames == ["title"])
    }

    /// What of a list's rows an expression needs: the element fields named inside `count`,
    /// `sum`, `any` and `all`, never an outer name, nor a list only counted.
    @Test func theElementFieldsReadAreNamedAndNothingElse() throws {
        #expect(try Expression.compile("count(suggestions)", in: F.environment).readElementNames == [])
        #expect(try Expression.compile("title == \"外层\"", in: F.environment).readElementNames == [])
        let both = try Expression.compile(
            "count(suggestions, adopted) + sum(suggestions, if title == \"通风\" and adopted then reward else 0)", in: F.environment)
        #expect(both.readElementNames == ["adopted", "reward", "title"])
        #expect(both.readNames == ["suggestions"])
    }

    @Test func shortCircuitAvoidsDivisionByZero() throws {
        var slots = F.record
        slots[0] = F.number("0")
        #expect(try F.evaluate("reports_due == 0 or reports_on_time / reports_due > 0.5", slots) == .boolean(true))
        #expect(try F.evaluate("if reports_due == 0 then 5 else 5 * reports_on_time / reports_due", slots) == F.number("5"))
    }

    @Test func divisionByZeroPointsAtTheDivisor() {
        var slots = F.record
        slots[0] = F.number("0")
        let source = "5 * reports_on_time / reports_due"
        #expect {
            try Fixture.evaluate(source, slots)
        } throws: { error in
            guard let e = error as? EvaluationError else { return false }
            return e.code == "expr.eval.division-by-zero" && e.offset == 22 && e.length == 11
                && e.message.contains("reports_due")
        }
    }

    @Test func overflowIsAnEvaluationError() throws {
        let source = "score.i07 * score.i07 * score.i07"
        var slots = F.record
        slots[2] = F.number("10000000000000000000")
        let checked = try Expression.compile(source, in: F.environment)
        do {
            _ = try checked.evaluate(slots)
            Issue.record("expected overflow")
        } catch {
            #expect(error.code == "expr.eval.overflow")
            #expect(error.offset == 0 && error.length == source.unicodeScalars.count)
        }
    }

    @Test func missingValuesAreErrorsNotZero() throws {
        var slots = F.record
        slots[1] = .missing
        let checked = try Expression.compile("reports_on_time + 1", in: F.environment)
        do {
            _ = try checked.evaluate(slots)
            Issue.record("expected missing")
        } catch {
            #expect(error.code == "expr.eval.missing")
            #expect(error.offset == 0 && error.length == 15)
        }
        // Too few slots: also an error, never a crash.
        #expect(throws: EvaluationError.self) { try checked.evaluate([]) }
        // Wrong kind of value in a slot.
        slots[1] = .string("三")
        #expect(throws: EvaluationError.self) { try checked.evaluate(slots) }
    }

    @Test func clampWithInvertedBoundsFails() throws {
        #expect(throws: EvaluationError.self) { try Fixture.evaluate("clamp(1, 5, 0)") }
    }

    @Test func readsOnlyTheSlotsItNames() throws {
        let checked = try Expression.compile(
            "if reports_due == 0 then 5 else 5 * reports_on_time / reports_due", in: F.environment, expecting: .number)
        #expect(checked.readNames == ["reports_due", "reports_on_time"])
        // Every other slot is missing (reading one would throw) or of the wrong kind.
        var slots = [Value](repeating: .missing, count: 9)
        slots[0] = F.number("4")
        slots[1] = F.number("4")
        #expect(try checked.evaluate(slots) == F.number("5"))
        #expect(try checked.evaluateNumber(slots) == ExactDecimal(5))
        #expect(try checked.evaluateBoolean(slots) == nil)
    }

    /// Speed belongs in benchmarks; this pins that repeated evaluation of one compiled
    /// expression is stable and its results add up exactly.
    @Test func repeatedEvaluationAccumulatesExactly() throws {
        let checked = try Expression.compile(
            "if reports_due == 0 then 5 else 5 * reports_on_time / reports_due", in: F.environment)
        let slots = F.record
        var total = ExactDecimal.zero
        for _ in 0..<10_000 {
            if let v = try checked.evaluateNumber(slots) { total = try total.adding(v) }
        }
        #expect(total == ExactDecimal(37_500))
    }
}
