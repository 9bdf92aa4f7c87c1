import Testing
@testable import ScorecardBase

@Suite struct ExactDecimalParsingTests {
    @Test(arguments: [
        ("12", Int128(12), 0), ("-3.50", -350, 2), ("+0.5", 5, 1), ("0", 0, 0), ("-0", 0, 0),
        ("007", 7, 0), ("100", 100, 0), ("0.05", 5, 2),
        ("1.0000000000000000000000000000", Int128(10_000_000_000_000_000) * 1_000_000_000_000, 28),
    ])
    func accepts(text: String, coefficient: Int128, scale: Int) throws {
        let value = try #require(ExactDecimal(text))
        #expect(value.coefficient == coefficient)
        #expect(value.scale == scale)
    }

    @Test(arguments: [
        "", "-", "+", "1e3", "1E3", "1,000", "1.2.3", " 1", "1 ", ".5", "5.", "--1", "+-1", "１", "1_000",
        "0.00000000000000000000000000001", "170141183460469231731687303715884105728", "abc", "0x10", "٣",
    ])
    func rejects(text: String) {
        #expect(ExactDecimal(text) == nil)
    }

    @Test func largestCoefficientParses() throws {
        let value = try #require(ExactDecimal("170141183460469231731687303715884105727"))
        #expect(value.coefficient == Int128.max)
        #expect(ExactDecimal("-170141183460469231731687303715884105727")?.coefficient == -Int128.max)
        #expect(ExactDecimal("-170141183460469231731687303715884105728") == nil)
    }

    @Test func parsesFromBytesAndSubstrings() {
        let bytes = Array("30.00,5".utf8)
        let first = bytes.withUnsafeBufferPointer { ExactDecimal.parse(utf8: UnsafeBufferPointer(rebasing: $0[0..<5])) }
        #expect(first?.description == "30.00")
        let text = "x=-12.5"
        #expect(ExactDecimal(text.dropFirst(2))?.description == "-12.5")
    }

    @Test func descriptionKeepsScale() {
        #expect(ExactDecimal("3.50")?.description == "3.50")
        #expect(ExactDecimal("-0.05")?.description == "-0.05")
        #expect(ExactDecimal("100")?.description == "100")
        #expect(ExactDecimal("-0.0")?.description == "0.0")
        #expect(ExactDecimal(coefficient: 5, scale: 3).description == "0.005")
    }

    @Test func formattedPadsAndRounds() {
        #expect(ExactDecimal(30).formatted(scale: 2) == "30.00")
        #expect(ExactDecimal("2.345")?.formatted(scale: 2) == "2.35")
        #expect(ExactDecimal("-2.345")?.formatted(scale: 2) == "-2.35")
        #expect(ExactDecimal("0.5")?.formatted(scale: 0) == "1")
        #expect(ExactDecimal("-0.004")?.formatted(scale: 2) == "0.00")
        #expect(ExactDecimal("1.5")?.formatted(scale: 3) == "1.500")
    }
}
