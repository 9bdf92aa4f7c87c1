/// Reading decimals as people and spreadsheets write them.
///
/// Grammar: `[+|-] digits [. digits]`, ASCII only. Rejected on purpose: exponents (`1e3`),
/// grouping (`1,000`), spaces anywhere, a bare point (`.5`, `5.`), more than `maxScale`
/// places, and values beyond ~38 digits. The written scale is kept: `3.50` has scale 2.
extension ExactDecimal {
    public init?(_ text: some StringProtocol) {
        let fast = text.utf8.withContiguousStorageIfAvailable { ExactDecimal.parse(utf8: $0) }
        if let fast {
            guard let value = fast else { return nil }
            self = value
        } else {
            let bytes = Array(text.utf8)
            guard let value = bytes.withUnsafeBufferPointer({ ExactDecimal.parse(utf8: $0) }) else { return nil }
            self = value
        }
    }

    /// The same grammar straight from bytes (CSV fields), without allocating.
    public static func parse(utf8 bytes: UnsafeBufferPointer<UInt8>) -> ExactDecimal? {
        let count = bytes.count
        var index = 0
        guard count > 0 else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        // Up to 18 digits accumulate in a UInt64; the rest, if any, in a UInt128.
        var small: UInt64 = 0
        var smallDigits = 0
        var large: UInt128 = 0
        var usesLarge = false
        var integerDigits = 0
        var fractionDigits = 0
        var seenPoint = false
        while index < count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ".") {
                guard !seenPoint, integerDigits > 0 else { return nil }
                seenPoint = true
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            if seenPoint { fractionDigits += 1 } else { integerDigits += 1 }
            if !usesLarge && smallDigits < 18 {
                small = small &* 10 &+ UInt64(digit)
                smallDigits += 1
                continue
            }
            if !usesLarge { large = UInt128(small); usesLarge = true }
            let (times10, o1) = large.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(UInt128(digit))
            guard !o1, !o2 else { return nil }
            large = sum
        }
        guard integerDigits > 0, !seenPoint || fractionDigits > 0, fractionDigits <= maxScale else { return nil }
        return make(negative: negative, magnitude: usesLarge ? large : UInt128(small), scale: fractionDigits)
    }
}
