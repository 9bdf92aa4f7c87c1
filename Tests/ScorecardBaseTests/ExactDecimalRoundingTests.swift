import Testing
import ScorecardTestSupport
@testable import ScorecardBase

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
            #expect(dec(value).rounded(scale: 0, mode) == dec(want), "\(value) \(mode)")
        }
    }

    @Test func roundingToPlaces() {
        #expect(dec("2.345").rounded(scale: 2).description == "2.35")
        #expect(dec("2.345").rounded(scale: 2, .halfEven).description == "2.34")
        #expect(dec("2.355").rounded(scale: 2, .halfEven).description == "2.36")
        #expect(dec("2.3").rounded(scale: 2).description == "2.3")
        #expect(dec("9.999").rounded(scale: 2).description == "10.00")
        #expect(dec("12.5").rounded(scale: -1) == dec("13"))
        #expect(RoundingMode(rawValue: "half-even") == .halfEven)
        #expect(RoundingMode.allCases.count == 7)
    }
}
