import Testing
import ScorecardBase
@testable import ScorecardExpression

@Suite struct CheckingTests {
    typealias F = Fixture

    @Test(arguments: [
        ("reports_due", ValueType.integer), ("reports_due + 1", .integer), ("reports_due * 2", .integer),
        ("reports_due / 2", .decimal), ("reports_due + 0.5", .decimal), ("if is_active then 1 else 0.5", .decimal),
        ("if is_active then 1 else 2", .integer), ("floor(2.5)", .integer), ("round(2.55, 1)", .decimal),
        ("count(suggestions)", .integer), ("sum(suggestions, reward)", .decimal), ("joined", .date),
        ("单位", .string), ("reports_due > 1", .boolean), ("suggestions", .list(Fixture.suggestion)),
        ("min(1, 2)", .integer), ("max(1, 2.0)", .decimal), ("abs(-reports_due)", .integer),
    ])
    func types(source: String, type: ValueType) throws {
        #expect(try Expression.compile(source, in: F.environment).type == type, "\(source)")
    }

    @Test func expectedTypes() throws {
        #expect(F.error("reports_due", expecting: .number) == nil)
        #expect(F.error("reports_due > 0", expecting: .boolean) == nil)
        #expect(try Expression.compile("1", in: F.environment, expecting: .exactly(.decimal)).type == .decimal)
        let error = F.error("reports_due + 1", expecting: .boolean)
        #expect(error?.code == "expr.type.expected")
        #expect(error?.offset == 0 && error?.length == 15)
        #expect(F.error("单位", expecting: .number)?.code == "expr.type.expected")
        #expect(F.error("1.5", expecting: .exactly(.integer))?.code == "expr.type.expected")
        #expect(F.error("1", expecting: .string)?.code == "expr.type.expected")
    }

    @Test func typeErrorsPointAtTheOperand() throws {
        let e = try #require(F.error("reports_due + \"矿\""))
        #expect(e.code == "expr.type.mismatch")
        #expect(e.offset == 14 && e.length == 3)
        #expect(e.message.contains("文本"))
        let c = try #require(F.error("单位 < \"二矿\""))
        #expect(c.code == "expr.type.mismatch")
        #expect(try #require(F.error("is_active + 1")).offset == 0)
        #expect(try #require(F.error("reports_due == \"4\"")).offset == 15)
        #expect(try #require(F.error("if reports_due then 1 else 2")).offset == 3)
        #expect(try #require(F.error("if is_active then 1 else \"x\"")).code == "expr.type.branches")
        #expect(try #require(F.error("not reports_due")).offset == 4)
        #expect(try #require(F.error("is_active and 1")).offset == 14)
        #expect(try #require(F.error("-单位")).offset == 1)
        #expect(try #require(F.error("sum(suggestions, title)")).offset == 17)
        #expect(try #require(F.error("count(suggestions, reward)")).offset == 19)
        #expect(try #require(F.error("count(reports_due)")).offset == 6)
        #expect(try #require(F.error("min(1, joined)")).offset == 7)
    }

    @Test func unknownNamesSuggestTheClosest() throws {
        let e = try #require(F.error("reprots_due + 1"))
        #expect(e.code == "expr.name.unknown")
        #expect(e.offset == 0 && e.length == 11)
        #expect(e.hint?.contains("reports_due") == true)
        let chinese = try #require(F.error("5 * 出勤天 / 3"))
        #expect(chinese.offset == 4 && chinese.length == 3)
        #expect(chinese.hint?.contains("出勤天数") == true)
        let field = try #require(F.error("count(suggestions, adoptd)"))
        #expect(field.hint?.contains("adopted") == true)
        let dotted = try #require(F.error("score.i08"))
        #expect(dotted.hint?.contains("score.i07") == true)
        let keyword = try #require(F.error("If is_active then 1 else 2"))
        #expect(keyword.code == "expr.name.unknown" || keyword.code == "expr.syntax.trailing")
        let far = try #require(F.error("zzzzzzzz"))
        #expect(far.hint?.contains("是否想写") != true)
        // Fields are not visible outside their list function.
        #expect(F.error("adopted")?.code == "expr.name.unknown")
    }

    @Test func functionsCheckArityAndLiterals() throws {
        let arity = try #require(F.error("round(2.5)"))
        #expect(arity.code == "expr.function.arity")
        #expect(arity.offset == 0 && arity.length == 10)
        #expect(F.error("min(1)")?.code == "expr.function.arity")
        #expect(F.error("clamp(1, 2)")?.code == "expr.function.arity")
        #expect(F.error("sum(suggestions)")?.code == "expr.function.arity")
        #expect(F.error("abs()")?.code == "expr.function.arity")
        let mode = try #require(F.error("round(1.25, 1, \"banker\")"))
        #expect(mode.code == "expr.function.argument")
        #expect(mode.offset == 15)
        #expect(mode.hint?.contains("half-even") == true)
        #expect(F.error("round(1.25, reports_due)")?.code == "expr.function.argument")
        #expect(F.error("round(1.25, 29)")?.code == "expr.function.argument")
        #expect(F.error("date(\"2025-02-30\")")?.code == "expr.function.argument")
        #expect(F.error("date(单位)")?.code == "expr.function.argument")
        let unknown = try #require(F.error("rond(1, 2)"))
        #expect(unknown.code == "expr.function.unknown")
        #expect(unknown.offset == 0 && unknown.length == 4)
        #expect(unknown.hint?.contains("round") == true)
    }

    @Test func canonicalFormIgnoresFormatting() throws {
        func canonical(_ s: String) throws -> String { try Expression.compile(s, in: F.environment).canonicalForm }
        #expect(try canonical("(reports_due+1)*2") == canonical("( reports_due + 1 ) * 2"))
        #expect(try canonical("(reports_due+1)*2") == "(reports_due + 1) * 2")
        #expect(try canonical("((reports_due)) + (1 * 2)") == "reports_due + 1 * 2")
        #expect(try canonical("reports_due - (1 - 2)") == "reports_due - (1 - 2)")
        #expect(try canonical("(reports_due - 1) - 2") == "reports_due - 1 - 2")
        #expect(try canonical("-(reports_due)") == "-reports_due")
        #expect(try canonical("-(-reports_due)") == "-(-reports_due)")
        #expect(try canonical("(not is_active) and (reports_due>1)") == "not is_active and reports_due > 1")
        #expect(try canonical("not (is_active and true)") == "not (is_active and true)")
        #expect(try canonical("(if is_active then 1 else 2) + 1") == "(if is_active then 1 else 2) + 1")
        #expect(try canonical("if(is_active)then(1)else(2)") == "if is_active then 1 else 2")
        #expect(try canonical("round( 2.50 ,2,'half-even' )") == "round(2.50, 2, \"half-even\")")
        #expect(try canonical("(1 < 2) == true") == "(1 < 2) == true")
        #expect(try canonical("count(suggestions,(adopted))") == "count(suggestions, adopted)")
        #expect(try canonical("'a\"b'") == #""a\"b""#)
    }
}
