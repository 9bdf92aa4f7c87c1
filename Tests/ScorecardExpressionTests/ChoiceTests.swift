import Testing
import ScorecardBase
@testable import ScorecardExpression

@Suite struct ChoiceTests {
    private var environment: ExpressionEnvironment {
        var environment = ExpressionEnvironment()
        environment.declare("post_rating", type: .string, slot: 0, choices: ["优秀", "良好", "合格", "不合格"])
        environment.declare("note", type: .string, slot: 1)
        let suggestion = RecordType(name: "suggestions", fields: [.init("level", .string, choices: ["矿", "区队"])])
        environment.declare("suggestions", type: .list(suggestion), slot: 2)
        return environment
    }

    @Test func comparingAChoiceWithAWordItCannotHoldIsAnErrorAtTheWord() throws {
        let error = try #require(throws: ExpressionError.self) {
            try Expression.compile(#"post_rating == "优" or post_rating == "良好""#, in: environment)
        }
        #expect(error.code == "expr.choice.unknown")
        #expect(error.offset == 15 && error.length == 3)
        #expect(error.hint?.contains("优秀") == true)
    }

    @Test func theWordMayStandOnEitherSideAndInsideAListPredicate() throws {
        #expect(throws: ExpressionError.self) { try Expression.compile(#""优" != post_rating"#, in: environment) }
        let inList = try #require(throws: ExpressionError.self) {
            try Expression.compile(#"count(suggestions, level == "旷")"#, in: environment)
        }
        #expect(inList.code == "expr.choice.unknown")
        #expect(inList.hint?.contains("矿") == true)
    }

    @Test func declaredWordsAndFreeTextStillCompile() throws {
        _ = try Expression.compile(#"post_rating == "优秀" and note != "任何文字""#, in: environment)
        _ = try Expression.compile(#"count(suggestions, level == "区队")"#, in: environment)
    }
}
