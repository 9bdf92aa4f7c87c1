/// UTF-8 checking that reports *where* it fails, which the stdlib's validating initialisers do not.
enum UTF8Validation {
    /// Outcome of checking a run of bytes.
    enum Outcome: Equatable {
        case valid
        /// The sequence starting at this offset cannot be decoded.
        case invalid(at: Int)
        /// Valid so far, but the last sequence, starting at this offset, is cut off by the end.
        case truncated(at: Int)
    }

    /// How many continuation bytes a lead byte needs and the allowed range of the first one;
    /// the narrowed ranges reject overlong forms, surrogates and scalars above U+10FFFF.
    @inline(__always)
    static func lead(_ byte: UInt8) -> (need: Int, low: UInt8, high: UInt8)? {
        switch byte {
        case 0xC2...0xDF: (1, 0x80, 0xBF)
        case 0xE0: (2, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE, 0xEF: (2, 0x80, 0xBF)
        case 0xED: (2, 0x80, 0x9F)
        case 0xF0: (3, 0x90, 0xBF)
        case 0xF1...0xF3: (3, 0x80, 0xBF)
        case 0xF4: (3, 0x80, 0x8F)
        default: nil
        }
    }

    static func check(_ bytes: UnsafeBufferPointer<UInt8>) -> Outcome {
        var i = 0
        let end = bytes.count
        while i < end {
            let byte = bytes[i]
            if byte < 0x80 {
                i += 1
                continue
            }
            guard let (need, low, high) = lead(byte) else { return .invalid(at: i) }
            let start = i
            i += 1
            for k in 0..<need {
                if i == end { return .truncated(at: start) }
                let next = bytes[i]
                let (lo, hi): (UInt8, UInt8) = k == 0 ? (low, high) : (0x80, 0xBF)
                if next < lo || next > hi { return .invalid(at: start) }
                i += 1
            }
        }
        return .valid
    }

    static func check(_ bytes: [UInt8]) -> Outcome {
        bytes.withUnsafeBufferPointer { check($0) }
    }
}
