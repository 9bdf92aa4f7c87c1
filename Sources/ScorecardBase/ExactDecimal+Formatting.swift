extension ExactDecimal {
    /// Plain notation keeping the scale: `3.50`, `-0.05`, `100`. Never an exponent.
    public var description: String {
        ExactDecimal.render(magnitude: coefficient.magnitude, scale: scale, negative: coefficient < 0, places: scale)
    }

    /// Exactly `scale` places (`30` at 2 → `30.00`), rounding half-up when digits are dropped.
    public func formatted(scale places: Int) -> String {
        let target = max(0, min(places, ExactDecimal.maxScale))
        let value = rounded(scale: target, .halfUp)
        return ExactDecimal.render(
            magnitude: value.coefficient.magnitude, scale: value.scale, negative: value.coefficient < 0, places: target)
    }

    /// Digits of `magnitude × 10^-scale`, zero-padded on the right up to `places >= scale`.
    static func render(magnitude: UInt128, scale: Int, negative: Bool, places: Int) -> String {
        // Digits written backwards into a small buffer, then laid out once: no intermediate strings.
        var digits: [UInt8] = []
        digits.reserveCapacity(48)
        if magnitude <= UInt128(UInt64.max) {
            var rest = UInt64(magnitude)
            repeat {
                digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest != 0
        } else {
            var rest = magnitude
            repeat {
                digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
                rest /= 10
            } while rest != 0
        }
        // At least one digit before the point.
        while digits.count <= scale { digits.append(UInt8(ascii: "0")) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count + places - scale + 2)
        if negative && magnitude != 0 { bytes.append(UInt8(ascii: "-")) }
        let integerCount = digits.count - scale
        for index in stride(from: digits.count - 1, through: digits.count - integerCount, by: -1) { bytes.append(digits[index]) }
        if places > 0 {
            bytes.append(UInt8(ascii: "."))
            for index in stride(from: scale - 1, through: 0, by: -1) { bytes.append(digits[index]) }
            for _ in 0..<max(0, places - scale) { bytes.append(UInt8(ascii: "0")) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension ExactDecimal {
    /// Appends `formatted(scale:)`'s text to `bytes` without making a `String`: what a report
    /// with a million rows writes thirty times a row.
    public func appendFormatted(scale places: Int, to bytes: inout [UInt8]) {
        let target = max(0, min(places, ExactDecimal.maxScale))
        let value = rounded(scale: target, .halfUp)
        let magnitude = value.coefficient.magnitude
        let scale = value.scale
        if value.coefficient < 0 && magnitude != 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits backwards into a buffer on the stack, then copied out in order.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { digits in
            var count = 0
            if magnitude <= UInt128(UInt64.max) {
                var rest = UInt64(magnitude)
                repeat {
                    digits[count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                    count += 1
                    rest /= 10
                } while rest != 0
            } else {
                var rest = magnitude
                repeat {
                    digits[count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                    count += 1
                    rest /= 10
                } while rest != 0
            }
            while count <= scale {
                digits[count] = UInt8(ascii: "0")
                count += 1
            }
            var index = count - 1
            while index >= scale {
                bytes.append(digits[index])
                index -= 1
            }
            if target > 0 {
                bytes.append(UInt8(ascii: "."))
                while index >= 0 {
                    bytes.append(digits[index])
                    index -= 1
                }
                for _ in 0..<(target - scale) { bytes.append(UInt8(ascii: "0")) }
            }
        }
    }
}
