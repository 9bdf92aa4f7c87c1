import ScorecardBase
@testable import ScorecardExpression

/// A small record layout shaped like an officer's quarter.
enum Fixture {
    static let suggestion = RecordType(
        name: "建议",
        fields: [
            .init("adopted", .boolean), .init("reward", .decimal), .init("date", .date), .init("title", .string),
        ])

    static var environment: ExpressionEnvironment {
        var env = ExpressionEnvironment()
        env.declare("reports_due", type: .integer, slot: 0)
        env.declare("reports_on_time", type: .integer, slot: 1)
        env.declare("score.i07", type: .decimal, slot: 2)
        env.declare("单位", type: .string, slot: 3)
        env.declare("suggestions", type: .list(suggestion), slot: 4)
        env.declare("is_active", type: .boolean, slot: 5)
        env.declare("joined", type: .date, slot: 6)
        env.declare("出勤天数", type: .integer, slot: 7)
        env.declare("title", type: .string, slot: 8)
        return env
    }

    static func number(_ text: String) -> Value {
        guard let value = ExactDecimal(text) else { fatalError("bad literal \(text)") }
        return .number(value)
    }

    static func day(_ text: String) -> Value {
        guard let value = LocalDate(text) else { fatalError("bad date \(text)") }
        return .date(value)
    }

    static func item(_ adopted: Bool, _ reward: String, _ date: String, _ title: String = "x") -> [Value] {
        [.boolean(adopted), number(reward), day(date), .string(title)]
    }

    static var record: [Value] {
        [
            number("4"), number("3"), number("2.5"), .string("一矿"),
            .list([
                item(true, "30", "2025-01-10", "通风"), item(false, "0", "2025-02-01"),
                item(true, "5", "2025-03-20", "排水"),
            ]),
            .boolean(true), day("2024-06-01"), number("60"), .string("外层"),
        ]
    }

    static func evaluate(_ source: String, _ slots: [Value] = record) throws -> Value {
        try Expression.compile(source, in: environment).evaluate(slots)
    }

    static func error(_ source: String, expecting: ExpectedType = .any) -> ExpressionError? {
        do {
            _ = try Expression.compile(source, in: environment, expecting: expecting)
            return nil
        } catch {
            return error
        }
    }
}
