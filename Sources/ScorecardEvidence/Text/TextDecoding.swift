import ScorecardBase

/// Whole-file decoding for files small enough to hold (rules, short evidence lists, source
/// lines for messages). Large CSV files go through `CSVReader`, which decodes as it streams.
public enum TextDecoding {
    /// Decodes `bytes` read from `file` (used only in messages).
    ///
    /// With `encoding` nil: UTF-8 when the bytes are valid UTF-8, else GB18030, which is what
    /// Chinese Excel writes, else an error at the first byte that neither can decode.
    public static func decode(
        _ bytes: [UInt8], file: String, encoding: TextEncoding? = nil
    ) throws(Diagnostic) -> DecodedText {
        switch encoding {
        case .utf8?:
            do { return try decodeUTF8(bytes) } catch { throw error.diagnostic(file: file, bytes: bytes, tried: [.utf8]) }
        case .gb18030?:
            do { return try decodeGB18030(bytes) } catch { throw error.diagnostic(file: file, bytes: bytes, tried: [.gb18030]) }
        case nil:
            let utf8Failure: Failure
            do { return try decodeUTF8(bytes) } catch { utf8Failure = error }
            let gbFailure: Failure
            do { return try decodeGB18030(bytes) } catch { gbFailure = error }
            // Point at the later failure: the encoding that got further is the likelier one.
            let failure = gbFailure.offset > utf8Failure.offset ? gbFailure : utf8Failure
            throw failure.diagnostic(file: file, bytes: bytes, tried: [.utf8, .gb18030])
        }
    }

    /// Where decoding stopped, with the UTF-8 produced up to there (for the column).
    struct Failure: Error {
        var offset: Int
        var decodedPrefix: [UInt8]
        var encoding: TextEncoding
        /// iconv on this system cannot convert GB18030 at all.
        var unavailable = false

        func diagnostic(file: String, bytes: [UInt8], tried: [TextEncoding]) -> Diagnostic {
            if unavailable && tried == [.gb18030] { return TextMessages.converterUnavailable(file: file) }
            let prefix = decodedPrefix.starts(with: TextDecoding.bom) ? Array(decodedPrefix.dropFirst(3)) : decodedPrefix
            let (line, column) = TextPosition.of(offset: prefix.count, inUTF8: prefix)
            let byte = offset < bytes.count ? bytes[offset] : nil
            return TextMessages.undecodable(file: file, line: line, column: column, byte: byte, tried: tried)
        }
    }

    static let bom: [UInt8] = [0xEF, 0xBB, 0xBF]

    static func decodeUTF8(_ bytes: [UInt8]) throws(Failure) -> DecodedText {
        let hadBOM = bytes.starts(with: bom)
        let body = hadBOM ? bytes[3...] : bytes[...]
        let outcome = body.withUnsafeBufferPointer { UTF8Validation.check($0) }
        switch outcome {
        case .valid:
            return DecodedText(text: String(decoding: body, as: UTF8.self), encoding: .utf8, hadBOM: hadBOM)
        case .invalid(let at), .truncated(let at):
            let start = hadBOM ? 3 : 0
            throw Failure(offset: start + at, decodedPrefix: Array(body.prefix(at)), encoding: .utf8)
        }
    }

    static func decodeGB18030(_ bytes: [UInt8]) throws(Failure) -> DecodedText {
        var converter = GB18030Converter()
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        let outcome = bytes.withUnsafeBufferPointer {
            converter.convert($0, appendingTo: &output, isFinal: true)
        }
        switch outcome {
        case .converted:
            let hadBOM = output.starts(with: bom)
            let body = hadBOM ? output[3...] : output[...]
            return DecodedText(text: String(decoding: body, as: UTF8.self), encoding: .gb18030, hadBOM: hadBOM)
        case .invalid(let at):
            throw Failure(offset: at, decodedPrefix: output, encoding: .gb18030)
        case .unavailable:
            throw Failure(offset: 0, decodedPrefix: [], encoding: .gb18030, unavailable: true)
        }
    }
}
