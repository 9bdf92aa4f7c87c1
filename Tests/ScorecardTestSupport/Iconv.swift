#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes converted between encodings by the C library's iconv, nil when it cannot: an encoder
/// and decoder independent of the engine's own, to make and check GB18030 files with.
public func iconvConvert(_ bytes: [UInt8], from source: String, to target: String) -> [UInt8]? {
    let converter = iconv_open(target, source)
    guard Int(bitPattern: converter) != -1 else { return nil }
    defer { iconv_close(converter) }
    var input = bytes.map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: bytes.count * 4 + 4)
    let produced: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer in
            var inPointer = inBuffer.baseAddress
            var outPointer = outBuffer.baseAddress
            var inLeft = inBuffer.count
            var outLeft = outBuffer.count
            guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != Int.max, inLeft == 0 else { return nil }
            return outBuffer.count - outLeft
        }
    }
    return produced.map { output[0..<$0].map { UInt8(bitPattern: $0) } }
}
