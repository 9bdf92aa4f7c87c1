#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// GB18030 → UTF-8 through the C library's iconv, usable on a stream of chunks.
///
/// Non-copyable because it owns an iconv descriptor, which is closed exactly once in `deinit`.
/// `@unchecked Sendable` is sound for the same reason: only one owner can ever use the descriptor.
struct GB18030Converter: ~Copyable, @unchecked Sendable {
    enum Outcome: Equatable {
        /// All of the input was converted, except possibly an incomplete sequence at its end
        /// that starts at `consumed` and must be retried with more bytes.
        case converted(consumed: Int)
        /// The bytes at this offset are not GB18030; everything before it was converted.
        case invalid(at: Int)
        /// iconv has no GB18030 converter on this system.
        case unavailable
    }

    private var descriptor: iconv_t?
    private var opened = false

    init() {}

    deinit {
        if let descriptor { _ = iconv_close(descriptor) }
    }

    /// Opened on first use so that readers of UTF-8 files never load the gconv module.
    private mutating func open() -> iconv_t? {
        if !opened {
            opened = true
            let handle = iconv_open("UTF-8", "GB18030")
            if let handle, Int(bitPattern: handle) != -1 { descriptor = handle }
        }
        return descriptor
    }

    /// Converts `input`, appending UTF-8 to `output`.
    ///
    /// With `isFinal`, an incomplete sequence at the end is reported as invalid instead of being
    /// left for the next chunk.
    mutating func convert(
        _ input: UnsafeBufferPointer<UInt8>, appendingTo output: inout [UInt8], isFinal: Bool
    ) -> Outcome {
        guard let descriptor = open() else { return .unavailable }
        guard let base = input.baseAddress, input.count > 0 else { return .converted(consumed: 0) }
        let scratchSize = 64 * 1024
        var consumed = 0
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: scratchSize) { scratch in
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: base)
                .assumingMemoryBound(to: CChar.self)
            var inLeft = input.count
            while inLeft > 0 {
                var outPointer: UnsafeMutablePointer<CChar>? = scratch.baseAddress
                var outLeft = scratchSize
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                let failure = result == -1 ? errno : 0
                let produced = scratchSize - outLeft
                if produced > 0 {
                    UnsafeRawBufferPointer(rebasing: UnsafeMutableRawBufferPointer(scratch)[0..<produced])
                        .withMemoryRebound(to: UInt8.self) { output.append(contentsOf: $0) }
                }
                consumed = input.count - inLeft
                guard result == -1 else { continue }
                switch failure {
                case E2BIG:
                    continue
                case EINVAL:
                    // An incomplete multi-byte sequence at the end of this chunk.
                    return isFinal ? .invalid(at: consumed) : .converted(consumed: consumed)
                default:
                    // EILSEQ, or anything unexpected: stop at the byte iconv could not take.
                    return .invalid(at: consumed)
                }
            }
            return .converted(consumed: consumed)
        }
    }

    /// Forgets any shift state after an invalid byte, so conversion can resume after it.
    mutating func reset() {
        if let descriptor { _ = iconv(descriptor, nil, nil, nil, nil) }
    }
}
