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
        if magnitude <= UInt128(UInt64.max) {
            Self.appendFixed(magnitude: UInt64(magnitude), negative: value.coefficient < 0, scale: value.scale, places: target, to: &bytes)
            return
        }
        if value.coefficient < 0 { bytes.append(UInt8(ascii: "-")) }
        // Digits backwards into a buffer on the stack, then copied out in order.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { digits in
            var count = 0
            var rest = magnitude
            repeat {
                digits[count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                count += 1
                rest /= 10
            } while rest != 0
            var index = count - 1
            while index >= value.scale {
                bytes.append(digits[index])
                index -= 1
            }
            if target > 0 {
                bytes.append(UInt8(ascii: "."))
                while index >= 0 {
                    bytes.append(digits[index])
                    index -= 1
                }
                for _ in 0..<(target - value.scale) { bytes.append(UInt8(ascii: "0")) }
            }
        }
    }

    /// Appends the fixed-point number `value × 10^-places` as `formatted(scale: places)` writes
    /// it (`-0.05`, `30.00`, `7`): the kernel's figures, written without making a decimal.
    public static func appendFixedPoint(_ value: Int64, places: Int, to bytes: inout [UInt8]) {
        let places = max(0, min(places, maxScale))
        appendFixed(magnitude: value.magnitude, negative: value < 0, scale: places, places: places, to: &bytes)
    }

    /// `magnitude × 10^-scale` at `places >= scale` digits after the point, laid out in a
    /// buffer on the stack and appended at once.
    @inline(__always)
    private static func appendFixed(magnitude: UInt64, negative: Bool, scale: Int, places: Int, to bytes: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { buffer in
            // The digits backwards from the end of the buffer: fraction padding, fraction, point, integer part.
            var end = 64
            for _ in 0..<(places - scale) {
                end -= 1
                buffer[end] = UInt8(ascii: "0")
            }
            var rest = magnitude
            var written = 0
            while written < scale {
                end -= 1
                buffer[end] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
                written += 1
            }
            if places > 0 {
                end -= 1
                buffer[end] = UInt8(ascii: ".")
            }
            repeat {
                end -= 1
                buffer[end] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: rest % 10)
                rest /= 10
            } while rest != 0
            if negative && magnitude != 0 {
                end -= 1
                buffer[end] = UInt8(ascii: "-")
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[end..<64]))
        }
    }
}
