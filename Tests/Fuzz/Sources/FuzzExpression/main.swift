import FuzzSupport
import ScorecardBase
import ScorecardExpression

/// The expression language on any text: lexed, parsed, type-checked against an officer-shaped
/// environment under every expected type, and each expression that compiles evaluated on records
/// of extreme values (the largest and smallest decimals, zero, missing values, empty and long
/// lists, the first and last dates). Errors are fine; a crash or a trap is a finding.
let suggestion = RecordType(
    name: "建议",
    fields: [
        .init("level", .string, choices: ["矿", "区队"]), .init("adopted", .boolean), .init("reward", .decimal),
        .init("date", .date), .init("title", .string),
    ])

let environment: ExpressionEnvironment = {
    var env = ExpressionEnvironment()
    env.declare("reports_due", type: .integer, slot: 0)
    env.declare("reports_on_time", type: .integer, slot: 1)
    env.declare("score.i07", type: .decimal, slot: 2)
    env.declare("单位", type: .string, slot: 3)
    env.declare("suggestions", type: .list(suggestion), slot: 4)
    env.declare("is_active", type: .boolean, slot: 5)
    env.declare("joined", type: .date, slot: 6)
    env.declare("level", type: .string, slot: 7, choices: ["矿", "区队"])
    return env
}()

let largest = ExactDecimal(coefficient: Int128.max, scale: 0)
let smallest = ExactDecimal(coefficient: Int128.min + 1, scale: 0)
let tiny = ExactDecimal(coefficient: 1, scale: ExactDecimal.maxScale)
let firstDay = LocalDate(year: 1, month: 1, day: 1)!
let lastDay = LocalDate(year: 9999, month: 12, day: 31)!

func element(_ reward: ExactDecimal, _ day: LocalDate, _ level: String) -> [Value] {
    [.string(level), .boolean(true), .number(reward), .date(day), .string(String(repeating: "长", count: 40))]
}

/// Records of extreme values, slot by slot as declared above.
let records: [[Value]] = [
    [.number(.zero), .number(.zero), .number(.zero), .string(""), .list([]), .boolean(false), .date(firstDay), .string("矿")],
    [
        .number(largest), .number(largest), .number(largest), .string("综采一队"),
        .list(Array(repeating: element(largest, lastDay, "矿"), count: 300)), .boolean(true), .date(lastDay), .string("区队"),
    ],
    [
        .number(smallest), .number(largest), .number(tiny), .string("\u{0}"),
        .list([element(smallest, firstDay, "区队"), element(tiny, lastDay, "矿")]), .boolean(true), .date(lastDay), .string("矿"),
    ],
    [.missing, .missing, .missing, .missing, .missing, .missing, .missing, .missing],
    [
        .number(ExactDecimal(1)), .number(ExactDecimal(-1)), .number(ExactDecimal(coefficient: -1, scale: ExactDecimal.maxScale)),
        .string("x"), .list([[.missing, .missing, .missing, .missing, .missing]]), .boolean(false), .date(firstDay), .string("矿"),
    ],
]

FuzzDriver.run { data, size in
    let text = String(decoding: FuzzDriver.bytes(data, size), as: UTF8.self)
    for expected in [ExpectedType.any, .number, .boolean, .string, .exactly(.decimal), .exactly(.date)] {
        guard let compiled = try? Expression.compile(text, in: environment, expecting: expected) else { continue }
        // Compiling the canonical form again gives the same canonical form.
        if let again = try? Expression.compile(compiled.canonicalForm, in: environment, expecting: expected) {
            fuzzCheck(
                again.canonicalForm == compiled.canonicalForm,
                "canonical form of \(text): \(compiled.canonicalForm) → \(again.canonicalForm)")
        }
        for record in records {
            _ = try? compiled.evaluate(record)
            _ = try? compiled.evaluateNumber(record)
            _ = try? compiled.evaluateBoolean(record)
        }
    }
    return 0
}
