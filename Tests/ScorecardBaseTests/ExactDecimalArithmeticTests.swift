import Testing
import ScorecardTestSupport
@testable import ScorecardBase

@Suite struct ExactDecimalArithmeticTests {
    @Test func sumsAreExact() throws {
        #expect(try dec("0.1").adding(dec("0.2")) == dec("0.3"))
        #expect(try dec("0.1").adding(dec("0.2")).description == "0.3")
        #expect(try dec("30").adding(dec("5.00")).description == "35.00")
        #expect(try dec("1").subtracting(dec("1.25")).description == "-0.25")
        var total = ExactDecimal.zero
        for _ in 0..<1000 { total = try total.adding(dec("0.01")) }
        #expect(total == dec("10"))
    }

    @Test func multiplication() throws {
        #expect(try dec("1.5").multiplying(by: dec("-2.25")).description == "-3.375")
        #expect(try dec("30").multiplying(by: dec("3")) == dec("90"))
        // More than 28 places: rounded half-even to 28.
        let tiny = try dec("0.00000000000001").multiplying(by: dec("0.000000000000015"))
        #expect(tiny.scale == 28)
        #expect(tiny == dec("0.0000000000000000000000000002"))
    }

    @Test func divisionExactAndRounded() throws {
        let third = try dec("1").dividing(by: dec("3"))
        #expect(third.description == "0.333333333333333333")
        #expect(try dec("15").dividing(by: dec("4")).description == "3.75")
        #expect(try dec("5").multiplying(by: dec("3")).dividing(by: dec("4")) == dec("3.75"))
        #expect(try dec("10").dividing(by: dec("2")).description == "5")
        #expect(try dec("2").dividing(by: dec("3"), scale: 2, rounding: .halfUp).description == "0.67")
        #expect(try dec("-2").dividing(by: dec("3"), scale: 2, rounding: .down).description == "-0.66")
        #expect(try dec("1").dividing(by: dec("8"), scale: 2).description == "0.12") // half-even tie
        #expect(try dec("3").dividing(by: dec("8"), scale: 2).description == "0.38")
        #expect(try dec("0").dividing(by: dec("7")) == .zero)
        #expect(try dec("1").dividing(by: dec("0.001")) == dec("1000"))
        // Dividend with more places than the result scale.
        let small = dec("0.0000000000000000000000000015")
        #expect(try small.dividing(by: dec("1"), scale: 27) == dec("0.000000000000000000000000002"))
        #expect(try small.dividing(by: dec("1"), scale: 2) == .zero)
        #expect(try small.dividing(by: dec("1"), scale: 2, rounding: .up) == dec("0.01"))
        // Large scale shift (> 38 digits) goes through the long path.
        #expect(
            try dec("1000000000000000000000000000").dividing(by: dec("7"), scale: 12)
                == dec("142857142857142857142857142.857142857143"))
    }

    @Test func divisionByZero() {
        #expect(throws: DecimalError.divisionByZero) { try dec("1").dividing(by: dec("0.00")) }
    }

    @Test func overflowIsReported() {
        let big = ExactDecimal(coefficient: Int128.max, scale: 0)
        #expect(throws: DecimalError.overflow) { try big.adding(dec("1")) }
        #expect(throws: DecimalError.overflow) { try big.negated.subtracting(dec("1")) }
        #expect(throws: DecimalError.overflow) { try big.multiplying(by: dec("2")) }
        #expect(throws: DecimalError.overflow) { try big.adding(dec("0.1")) }
        #expect(throws: DecimalError.overflow) { try big.dividing(by: dec("0.1")) }
        #expect(throws: DecimalError.overflow) { try dec("1000000000000000000000").dividing(by: dec("3")) }
    }

    @Test func equalityAndHashAcrossScales() {
        #expect(dec("3.50") == dec("3.5"))
        #expect(dec("3.50").hashValue == dec("3.5").hashValue)
        #expect(dec("-0.00") == .zero)
        #expect(dec("-0.00").hashValue == ExactDecimal.zero.hashValue)
        #expect(Set([dec("1"), dec("1.0"), dec("1.00"), dec("2")]).count == 2)
        #expect(dec("3.50").normalized.description == "3.5")
        #expect(dec("2.00").normalized.description == "2")
        #expect(dec("1.0000000000000000000000000000").normalized.description == "1")
        #expect(dec("12345678901234567890.1200000000").normalized.description == "12345678901234567890.12")
        #expect(dec("1000.00").normalized.description == "1000")
        #expect(dec("1.1") > dec("1.09"))
        #expect(dec("-1.1") < dec("-1.09"))
        #expect(dec("-1") < dec("0.5"))
        let big = ExactDecimal(coefficient: Int128.max, scale: 0)
        #expect(big > dec("0.5"))
        #expect(big.negated < dec("-0.5"))
        #expect(dec("0.5") < big)
        #expect(!dec("3.5").isNegative && dec("-3.5").isNegative && dec("0.000").isZero)
        #expect(dec("3.5").negated == dec("-3.5"))
    }
}
