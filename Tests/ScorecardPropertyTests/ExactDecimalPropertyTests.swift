import PropertyBased
import ScorecardBase
import Testing

/// Decimals as users write them, checked against arithmetic on the digit strings themselves:
/// the text a value prints reads back as the same value, and every rounding mode drops digits
/// as its name says.
@Suite struct ExactDecimalPropertyTests {
    /// `[+|-] digits [. digits]` with at most 38 digits in all (so it fits the type), leading
    /// zeros now and then, and up to `maxScale` places.
    static let decimalText = zip(
        Gen.int(in: 0...2), Gen.number.string(of: 1...18), Gen.int(in: 0...3), Gen.number.string(of: 1...20)
    ).map { sign, integer, fractionKind, fraction in
        DigitText(sign: ["", "-", "+"][sign], integer: integer, fraction: fractionKind == 0 ? nil : fraction)
    }

    @Test func aDecimalsTextReadsBackAsTheSameValueAndScale() {
        checkProperty(seed: 1, input: Self.decimalText) { text in
            let value = try parsed(text.written)
            try holds(value.description == text.canonical, "printed \(value.description), expected \(text.canonical)")
            let again = try parsed(value.description)
            try holds(again.coefficient == value.coefficient && again.scale == value.scale, "\(value.description) read back as \(again)")
        }
    }

    @Test func formattingToAScaleIsHalfUpRoundingPaddedToThatScale() {
        checkProperty(seed: 2, input: zip(Self.decimalText, Gen.int(in: 0...30))) { text, places in
            let value = try parsed(text.written)
            let formatted = value.formatted(scale: places)
            let expected = text.rounded(places: min(places, ExactDecimal.maxScale), .halfUp, padded: true)
            try holds(formatted == expected, "formatted(scale: \(places)) gave \(formatted), expected \(expected)")
            var bytes: [UInt8] = []
            value.appendFormatted(scale: places, to: &bytes)
            try holds(String(decoding: bytes, as: UTF8.self) == formatted, "appendFormatted gave other text than formatted")
            // Padding adds digits: past 38 in all the text no longer fits the type it came from.
            if formatted.count(where: \.isWholeNumber) <= 38 {
                let back = try parsed(formatted)
                try holds(back == value.rounded(scale: places, .halfUp), "\(formatted) reads back as another value")
            }
        }
    }

    /// The kernel's figures are written straight from their 64-bit coefficients: the same text
    /// as the decimal they stand for, formatted at its own places.
    @Test func aFixedPointFigureIsWrittenAsItsDecimalIsFormatted() {
        // Any 64-bit value, and small ones (around zero, where signs and padding matter) as often.
        let figures = zip(Gen<UInt64>.value(in: 0...UInt64.max), Gen.int(in: 0...28)).map { bits, places in
            (bits & 1 == 0 ? Int64(truncatingIfNeeded: bits) : Int64(truncatingIfNeeded: bits % 2_001) - 1_000, places)
        }
        checkProperty(seed: 9, input: figures) { value, places in
            var bytes: [UInt8] = []
            ExactDecimal.appendFixedPoint(value, places: places, to: &bytes)
            let expected = ExactDecimal(coefficient: Int128(value), scale: places).formatted(scale: places)
            try holds(
                String(decoding: bytes, as: UTF8.self) == expected,
                "\(value) at \(places): wrote \(String(decoding: bytes, as: UTF8.self)), expected \(expected)")
        }
        for (value, places, text) in [
            (Int64.min, 2, "-92233720368547758.08"), (0, 2, "0.00"), (-1, 2, "-0.01"), (5, 0, "5"), (-30, 1, "-3.0"),
        ] {
            var bytes: [UInt8] = []
            ExactDecimal.appendFixedPoint(value, places: places, to: &bytes)
            #expect(String(decoding: bytes, as: UTF8.self) == text)
        }
    }

    @Test(arguments: RoundingMode.allCases)
    func roundingDropsDigitsAsTheModeSays(_ mode: RoundingMode) {
        checkProperty(seed: 3, input: zip(Self.decimalText, Gen.int(in: -2...30))) { text, places in
            let value = try parsed(text.written)
            let rounded = value.rounded(scale: places, mode).description
            let expected = text.rounded(places: places, mode, padded: false)
            try holds(rounded == expected, "rounded(scale: \(places), .\(mode)) gave \(rounded), expected \(expected)")
        }
    }

    /// Short strings over the characters a decimal is made of, and some it must refuse.
    static let nearDecimalText = Gen<Character?>.element(of: Array("0123456789.-+e, ") as [Character]).map { $0 ?? "0" }
        .string(of: 0...8)

    @Test func exactlyTheGrammarsTextsAreRead() {
        checkProperty(500, seed: 4, input: Self.nearDecimalText) { text in
            let accepted = ExactDecimal(text) != nil
            let expected = DigitText(parsing: text) != nil
            try holds(accepted == expected, "“\(text)” \(accepted ? "was read" : "was refused"), the grammar says otherwise")
        }
    }

    private func parsed(_ text: String) throws(PropertyViolation) -> ExactDecimal {
        guard let value = ExactDecimal(text) else { throw PropertyViolation(description: "“\(text)” does not parse") }
        return value
    }
}

/// A decimal as its written parts, with rounding done digit by digit on the text: a reference
/// that shares nothing with the type's Int128 arithmetic.
struct DigitText: CustomStringConvertible, Sendable {
    var sign: String
    var integer: String
    var fraction: String?

    init(sign: String, integer: String, fraction: String?) {
        self.sign = sign
        self.integer = integer
        self.fraction = fraction
    }

    /// The documented grammar, `[+|-] digits [. digits]` with at most 28 places; nil otherwise.
    init?(parsing text: String) {
        var rest = Substring(text)
        var sign = ""
        if let first = rest.first, first == "+" || first == "-" {
            sign = String(first)
            rest = rest.dropFirst()
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        let isDigits = { (part: Substring) in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
        guard parts.count <= 2, isDigits(parts[0]) else { return nil }
        if parts.count == 2 { guard isDigits(parts[1]), parts[1].count <= 28 else { return nil } }
        self.init(sign: sign, integer: String(parts[0]), fraction: parts.count == 2 ? String(parts[1]) : nil)
    }

    var written: String { sign + integer + (fraction.map { "." + $0 } ?? "") }
    var description: String { written }
    var negative: Bool { sign == "-" }

    /// As the type prints it: no plus, no leading zeros, the places kept, no sign on zero.
    var canonical: String { Self.layout(negative: negative, integer: integer, fraction: fraction ?? "") }

    /// Rounded to `places` (a negative count as 0) in `mode`; with `padded`, zeros fill up to
    /// `places`, otherwise a value with fewer places is left as written.
    func rounded(places: Int, _ mode: RoundingMode, padded: Bool) -> String {
        let places = max(0, places)
        let written = fraction ?? ""
        guard places < written.count else {
            return Self.layout(negative: negative, integer: integer, fraction: padded ? written.padding(to: places) : written)
        }
        let keptFraction = written.prefix(places)
        let dropped = written.dropFirst(places)
        var digits = Array(integer + keptFraction)
        if Self.awayFromZero(dropped: dropped, lastKept: digits[digits.count - 1], negative: negative, mode) {
            var index = digits.count - 1
            while index >= 0, digits[index] == "9" {
                digits[index] = "0"
                index -= 1
            }
            if index >= 0 { digits[index] = Character(String(digits[index].wholeNumberValue! + 1)) } else { digits.insert("1", at: 0) }
        }
        let integerCount = digits.count - places
        return Self.layout(negative: negative, integer: String(digits[..<integerCount]), fraction: String(digits[integerCount...]))
    }

    /// Whether the kept digits grow by one, from what the mode's name means.
    private static func awayFromZero(dropped: Substring, lastKept: Character, negative: Bool, _ mode: RoundingMode) -> Bool {
        guard dropped.contains(where: { $0 != "0" }) else { return false }
        let first = dropped.first!
        let tie = first == "5" && dropped.dropFirst().allSatisfy { $0 == "0" }
        let overHalf = first > "5" || (first == "5" && !tie)
        switch mode {
        case .up: return true
        case .down: return false
        case .ceiling: return !negative
        case .floor: return negative
        case .halfUp: return overHalf || tie
        case .halfDown: return overHalf
        case .halfEven: return overHalf || (tie && lastKept.wholeNumberValue! % 2 == 1)
        }
    }

    private static func layout(negative: Bool, integer: String, fraction: String) -> String {
        let trimmed = String(integer.drop { $0 == "0" })
        let whole = trimmed.isEmpty ? "0" : trimmed
        let isZero = !(integer + fraction).contains { $0 != "0" }
        return (negative && !isZero ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
    }
}

extension String {
    fileprivate func padding(to count: Int) -> String { self + String(repeating: "0", count: Swift.max(0, count - self.count)) }
}
