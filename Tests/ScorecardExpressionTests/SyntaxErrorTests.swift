import Testing
@testable import ScorecardExpression

@Suite struct SyntaxErrorTests {
    typealias F = Fixture

    @Test(arguments: [
        // source, code, offset, length, hint fragment
        ("reports_due = 0", "expr.syntax.single-equals", 12, 1, "=="),
        ("is_active && true", "expr.syntax.c-operator", 10, 2, "and"),
        ("is_active || true", "expr.syntax.c-operator", 10, 2, "or"),
        ("!is_active", "expr.syntax.c-operator", 0, 1, "not"),
        ("max（1, 2)", "expr.syntax.full-width", 3, 1, "("),
        ("max(1, 2）", "expr.syntax.full-width", 8, 1, ")"),
        ("max(1， 2)", "expr.syntax.full-width", 5, 1, ","),
        ("1 ＋ 2", "expr.syntax.full-width", 2, 1, "+"),
        ("1 － 2", "expr.syntax.full-width", 2, 1, "-"),
        ("1 ＊ 2", "expr.syntax.full-width", 2, 1, "*"),
        ("1 ／ 2", "expr.syntax.full-width", 2, 1, "/"),
        ("reports_due ＝＝ 1", "expr.syntax.full-width", 12, 1, "="),
        ("reports_due ＜ 1", "expr.syntax.full-width", 12, 1, "<"),
        ("reports_due ＞ 1", "expr.syntax.full-width", 12, 1, ">"),
        ("单位 == “一矿”", "expr.syntax.full-width", 6, 1, "\""),
        ("单位 == ‘一矿’", "expr.syntax.full-width", 6, 1, "'"),
        ("reports_due + ５", "expr.syntax.full-width", 14, 1, "5"),
        ("1 < 2 < 3", "expr.syntax.chained-comparison", 6, 1, "and"),
        ("1 == 2 != 3", "expr.syntax.chained-comparison", 7, 2, "and"),
        ("(1 + 2", "expr.syntax.unclosed-paren", 0, 1, ")"),
        ("max(1, (2 + 3)", "expr.syntax.unclosed-paren", 3, 1, ")"),
        ("if is_active 1 else 2", "expr.syntax.missing-then", 13, 1, "then"),
        ("if is_active then 1", "expr.syntax.missing-else", 19, 1, "else"),
        ("1 + 2)", "expr.syntax.unmatched-paren", 5, 1, "("),
        ("1 2", "expr.syntax.trailing", 2, 1, "运算符"),
        ("1e3", "expr.syntax.bad-number", 0, 3, "1e3"),
        ("1,000", "expr.syntax.trailing", 1, 1, "运算符"),
        (".5", "expr.syntax.unknown-character", 0, 1, "0.5"),
        ("\"abc", "expr.syntax.unterminated-string", 0, 1, "\""),
        ("\"a\\tb\"", "expr.syntax.bad-escape", 2, 2, "\\\\"),
    ])
    func reportsWithHint(source: String, code: String, offset: Int, length: Int, hint: String) throws {
        let error = try #require(F.error(source), "\(source)")
        #expect(error.code == code, "\(source): \(error)")
        #expect(error.offset == offset, "\(source): \(error)")
        #expect(error.length == length, "\(source): \(error)")
        #expect(error.hint?.contains(hint) == true, "\(source): \(error)")
    }

    @Test(arguments: ["", "   ", "1 +", "* 2", "if", "max(1,", "max(1 2)", "()", "1 + + ", "score."])
    func incompleteOrUnexpected(source: String) throws {
        let error = try #require(F.error(source), "\(source)")
        #expect(error.code.hasPrefix("expr.syntax."), "\(source): \(error)")
        #expect(error.offset <= source.unicodeScalars.count)
        #expect(!error.message.isEmpty)
    }

    @Test func fullWidthTextInsideStringsIsFine() throws {
        #expect(try F.evaluate("\"矿（一）＝\" == 单位") == .boolean(false))
    }

    @Test func chineseIdentifiersAndDottedNames() throws {
        var env = ExpressionEnvironment()
        env.declare("考核.得分", type: .integer, slot: 0)
        env.declare("_内部1", type: .integer, slot: 1)
        let checked = try Expression.compile("考核.得分 + _内部1", in: env)
        #expect(try checked.evaluate([Fixture.number("2"), Fixture.number("3")]) == Fixture.number("5"))
        #expect(checked.readNames == ["_内部1", "考核.得分"])
        #expect(env.names == ["_内部1", "考核.得分"])
    }

    @Test func offsetsCountUnicodeScalars() throws {
        // "出勤天数" is 4 scalars (12 UTF-8 bytes); the error must be at scalar 7.
        let error = try #require(F.error("出勤天数 + 单位"))
        #expect(error.offset == 7 && error.length == 2)
    }
}
