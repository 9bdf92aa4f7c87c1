#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Source lines for echoing in diagnostics, looked up by the file name a location carries.
///
/// The renderer takes any `(file) -> [String]?`; this type provides the usual ones. Files in
/// other encodings (GB18030 CSV) should be decoded by the caller, who knows the encoding, and
/// handed over with `inMemory`.
package struct SourceLines: Sendable {
    package typealias Loader = @Sendable (String) -> [String]?

    /// Reads the file as UTF-8 (a byte order mark is skipped); nil when it cannot be read or is
    /// not valid UTF-8, in which case diagnostics show no source line.
    package static let utf8Files: Loader = { path in
        guard let bytes = readFile(path) else { return nil }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        guard let text = String(validating: body, as: UTF8.self) else { return nil }
        return split(text)
    }

    /// Lines of texts already in memory, keyed by file name.
    package static func inMemory(_ files: [String: String]) -> Loader {
        let lines = files.mapValues { split($0) }
        return { lines[$0] }
    }

    /// Splits at LF, CRLF and CR, as the CSV and YAML readers count lines.
    package static func split(_ text: String) -> [String] {
        var lines: [String] = []
        var current = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\n" && previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = scalar == "\r"
            if scalar == "\n" || scalar == "\r" {
                lines.append(String(current))
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        lines.append(String(current))
        return lines
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { _ = close(fd) }
        var bytes: [UInt8] = []
        let chunk = 1 << 16
        while true {
            let old = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: chunk))
            let n = bytes.withUnsafeMutableBufferPointer { all -> Int in
                guard let base = all.baseAddress else { return -1 }
                return read(fd, base + old, chunk)
            }
            if n < 0 && errno == EINTR {
                bytes.removeLast(chunk)
                continue
            }
            guard n >= 0 else { return nil }
            bytes.removeLast(chunk - n)
            if n == 0 { return bytes }
        }
    }
}
