import Testing
@testable import ScorecardBase

private func d(_ text: String) -> ExactDecimal {
    guard let value = ExactDecimal(text) else { fatalError("bad test literal \(text)") }
    return value
}

@Suite struct ExactDecimalArithmeticTests {
    @Test func sumsAreExact() throws {
        #expect(try d("0.1").adding(d("0.2")) == d("0.3"))
        #expect(try d("0.1").adding(d("0.2")).description == "0.3")
        #expect(try d("30").adding(d("5.00")).description == "35.00")
        #expect(try d("1").subtracting(d("1.25")).description == "-0.25")
        var total = ExactDecimal.zero
        for _ in 0..<1000 { total = try total.adding(d("0.01")) }
        #expect(total == d("10"))
    }

    @Test func multiplication() throws {
        #expect(try d("1.5").multiplying(by: d("-2.25")).description == "-3.375")
        #expect(try d("30").multiplying(by: d("3")) == d("90"))
        // More than 28 places: rounded half-even to 28.
        let tiny = try d("0.00000000000001").multiplying(by: d("0.000000000000015"))
        #expect(tiny.scale == 28)
        #expect(tiny == d("0.0000000000000000000000000002"))
    }

    @Test func divisionExactAndRounded() throws {
        let third = try d("1").dividing(by: d("3"))
        #expect(third.description == "0.333333333333333333")
        #expect(try d("15").dividing(by: d("4")).description == "3.75")
        #expect(try d("5").multiplying(by: d("3")).dividing(by: d("4")) == d("3.75"))
        #expect(try d("10").dividing(by: d("2")).description == "5")
        #expect(try d("2").dividing(by: d("3"), scale: 2, rounding: .halfUp).description == "0.67")
        #expect(try d("-2").dividing(by: d("3"), scale: 2, rounding: .down).description == "-0.66")
        #expect(try d("1").dividing(by: d("8"), scale: 2).description == "0.12")  // half-even tie
        #expect(try d("3").dividing(by: d("8"), scale: 2).description == "0.38")
        #expect(try d("0").dividing(by: d("7")) == .zero)
        #expect(try d("1").dividing(by: d("0.001")) == d("1000"))
        // Dividend with more places than the result scale.
        let small = d("0.0000000000000000000000000015")
        #expect(try small.dividing(by: d("1"), scale: 27) == d("0.000000000000000000000000002"))
        #expect(try small.dividing(by: d("1"), scale: 2) == .zero)
        #expect(try small.dividing(by: d("1"), scale: 2, rounding: .up) == d("0.01"))
        // Large scale shift (> 38 digits) goes through the long path.
        #expect(try d("1000000000000000000000000000").dividing(by: d("7"), scale: 12)
            == d("142857142857142857142857142.857142857143"))
    }

    @Test func divisionByZero() {
        #expect(throws: DecimalError.divisionByZero) { try d("1").dividing(by: d("0.00")) }
    }

    @Test func overflowIsReported() {
        let big = ExactDecimal(coefficient: Int128.max, scale: 0)
        #expect(throws: DecimalError.overflow) { try big.adding(d("1")) }
        #expect(throws: DecimalError.overflow) { try big.negated.subtracting(d("1")) }
        #expect(throws: DecimalError.overflow) { try big.multiplying(by: d("2")) }
        #expect(throws: DecimalError.overflow) { try big.adding(d("0.1")) }
        #expect(throws: DecimalError.overflow) { try big.dividing(by: d("0.1")) }
        #expect(throws: DecimalError.overflow) { try d("1000000000000000000000").dividing(by: d("3")) }
    }

    @Test func equalityAndHashAcrossScales() {
        #expect(d("3.50") == d("3.5"))
        #expect(d("3.50").hashValue == d("3.5").hashValue)
        #expect(d("-0.00") == .zero)
        #expect(d("-0.00").hashValue == ExactDecimal.zero.hashValue)
        #expect(Set([d("1"), d("1.0"), d("1.00"), d("2")]).count == 2)
        #expect(d("3.50").normalized.description == "3.5")
        #expect(d("2.00").normalized.description == "2")
        #expect(d("1.0000000000000000000000000000").normalized.description == "1")
        #expect(d("12345678901234567890.1200000000").normalized.description == "12345678901234567890.12")
        #expect(d("1000.00").normalized.description == "1000")
        #expect(d("1.1") > d("1.09"))
        #expect(d("-1.1") < d("-1.09"))
        #expect(d("-1") < d("0.5"))
        let big = ExactDecimal(coefficient: Int128.max, scale: 0)
        #expect(big > d("0.5"))
        #expect(big.negated < d("-0.5"))
        #expect(d("0.5") < big)
        #expect(!d("3.5").isNegative && d("-3.5").isNegative && d("0.000").isZero)
        #expect(d("3.5").negated == d("-3.5"))
    }
}

@Suite struct ExactDecimalRoundingTests {
    // value, half-up, half-even, half-down, up, down, ceiling, floor (to 0 places)
    @Test(arguments: [
        ("2.5", ["3", "2", "2", "3", "2", "3", "2"]),
        ("-2.5", ["-3", "-2", "-2", "-3", "-2", "-2", "-3"]),
        ("3.5", ["4", "4", "3", "4", "3", "4", "3"]),
        ("2.4", ["2", "2", "2", "3", "2", "3", "2"]),
        ("-2.6", ["-3", "-3", "-3", "-3", "-2", "-2", "-3"]),
        ("2.51", ["3", "3", "3", "3", "2", "3", "2"]),
        ("-0.5", ["-1", "0", "0", "-1", "0", "0", "-1"]),
        ("7", ["7", "7", "7", "7", "7", "7", "7"]),
    ])
    func roundingModes(value: String, expected: [String]) {
        let modes: [RoundingMode] = [.halfUp, .halfEven, .halfDown, .up, .down, .ceiling, .floor]
        for (mode, want) in zip(modes, expected) {
            #expect(d(value).rounded(scale: 0, mode) == d(want), "\(value) \(mode)")
        }
    }

    @Test func roundingToPlaces() {
        #expect(d("2.345").rounded(scale: 2).description == "2.35")
        #expect(d("2.345").rounded(scale: 2, .halfEven).description == "2.34")
        #expect(d("2.355").rounded(scale: 2, .halfEven).description == "2.36")
        #expect(d("2.3").rounded(scale: 2).description == "2.3")
        #expect(d("9.999").rounded(scale: 2).description == "10.00")
        #expect(d("12.5").rounded(scale: -1) == d("13"))
        #expect(RoundingMode(rawValue: "half-even") == .halfEven)
        #expect(RoundingMode.allCases.count == 7)
    }
}
