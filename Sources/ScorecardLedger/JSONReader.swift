import ScorecardBase
import ScorecardReport

/// A parsed JSON value with the place it starts, so a problem in a recorded provenance file
/// (or a changed input it lists) can point at `file:line:column`.
public struct JSONNode: Sendable {
    public indirect enum Kind: Sendable {
        case object([(String, JSONNode)])
        case array([JSONNode])
        case string(String)
        /// The number's text as written: provenance holds none that need arithmetic.
        case number(String)
        case bool(Bool)
        case null
    }

    public var kind: Kind
    public var location: SourceLocation

    public subscript(key: String) -> JSONNode? {
        guard case .object(let pairs) = kind else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    public var array: [JSONNode]? {
        if case .array(let items) = kind { return items }
        return nil
    }
}

/// A strict reader for RFC 8259 JSON, the counterpart of `JSONValue`'s writer. Small on purpose:
/// the ledger reads back only what it wrote, but a hand-edited or truncated file must come back
/// as a clear problem with its place, never a crash.
public struct JSONReader {
    private let scalars: [Unicode.Scalar]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1
    private var depth = 0
    private static let maximumDepth = 64

    /// Parses `bytes` (UTF-8) as one JSON document.
    public static func parse(_ bytes: [UInt8], file: String) -> Result<JSONNode, Diagnostic> {
        var reader = JSONReader(scalars: Array(String(decoding: bytes, as: UTF8.self).unicodeScalars), file: file)
        do {
            reader.skipSpace()
            let node = try reader.value()
            reader.skipSpace()
            if reader.index < reader.scalars.count { throw reader.problem("JSON 内容结束后还有多余的字符") }
            return .success(node)
        } catch let problem as Diagnostic {
            return .failure(problem)
        } catch {
            return .failure(reader.problem("无法读取 JSON"))
        }
    }

    private init(scalars: [Unicode.Scalar], file: String) {
        self.scalars = scalars
        self.file = file
    }

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    private func problem(_ message: String) -> Diagnostic {
        .error("ledger.bad-record", "记录文件不是有效的 JSON：\(message)",
               hint: "这个文件由程序写出，不要手工修改；如已损坏，用 --force 重新记录该季度", at: here)
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private mutating func advance() {
        if scalars[index] == "\n" { line += 1; column = 1 } else { column += 1 }
        index += 1
    }

    private mutating func skipSpace() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { advance() }
    }

    private mutating func expect(_ word: String) throws {
        for expected in word.unicodeScalars {
            guard current == expected else { throw problem("此处应为“\(word)”") }
            advance()
        }
    }

    private mutating func value() throws -> JSONNode {
        let start = here
        guard let scalar = current else { throw problem("文件提前结束") }
        switch scalar {
        case "{": return JSONNode(kind: try object(), location: start)
        case "[": return JSONNode(kind: try array(), location: start)
        case "\"": return JSONNode(kind: .string(try string()), location: start)
        case "t": try expect("true"); return JSONNode(kind: .bool(true), location: start)
        case "f": try expect("false"); return JSONNode(kind: .bool(false), location: start)
        case "n": try expect("null"); return JSONNode(kind: .null, location: start)
        case "-", "0"..."9": return JSONNode(kind: .number(try number()), location: start)
        default: throw problem("此处不能出现“\(scalar)”")
        }
    }

    private mutating func nested<T>(_ body: (inout JSONReader) throws -> T) throws -> T {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else { throw problem("嵌套层数过多") }
        return try body(&self)
    }

    private mutating func object() throws -> JSONNode.Kind {
        try nested { reader in
            reader.advance() // {
            var pairs: [(String, JSONNode)] = []
            reader.skipSpace()
            if reader.current == "}" { reader.advance(); return .object(pairs) }
            while true {
                reader.skipSpace()
                guard reader.current == "\"" else { throw reader.problem("此处应为用双引号括起来的键") }
                let key = try reader.string()
                reader.skipSpace()
                guard reader.current == ":" else { throw reader.problem("键后面应为冒号") }
                reader.advance()
                reader.skipSpace()
                pairs.append((key, try reader.value()))
                reader.skipSpace()
                switch reader.current {
                case ",": reader.advance()
                case "}": reader.advance(); return .object(pairs)
                default: throw reader.problem("此处应为逗号或 }")
                }
            }
        }
    }

    private mutating func array() throws -> JSONNode.Kind {
        try nested { reader in
            reader.advance() // [
            var items: [JSONNode] = []
            reader.skipSpace()
            if reader.current == "]" { reader.advance(); return .array(items) }
            while true {
                reader.skipSpace()
                items.append(try reader.value())
                reader.skipSpace()
                switch reader.current {
                case ",": reader.advance()
                case "]": reader.advance(); return .array(items)
                default: throw reader.problem("此处应为逗号或 ]")
                }
            }
        }
    }

    private mutating func string() throws -> String {
        advance() // "
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = current else { throw problem("字符串没有结束的双引号") }
            if scalar == "\"" { advance(); return String(text) }
            if scalar.value < 0x20 { throw problem("字符串中有控制字符") }
            if scalar != "\\" { text.append(scalar); advance(); continue }
            advance()
            guard let escaped = current else { throw problem("字符串没有结束的双引号") }
            advance()
            switch escaped {
            case "\"": text.append("\"")
            case "\\": text.append("\\")
            case "/": text.append("/")
            case "b": text.append("\u{08}")
            case "f": text.append("\u{0C}")
            case "n": text.append("\n")
            case "r": text.append("\r")
            case "t": text.append("\t")
            case "u":
                let unit = try hex4()
                if (0xD800..<0xDC00).contains(unit) {
                    try expect("\\u")
                    let low = try hex4()
                    guard (0xDC00..<0xE000).contains(low),
                          let combined = Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) else {
                        throw problem("\\u 转义不是有效的代理对")
                    }
                    text.append(combined)
                } else if let single = Unicode.Scalar(unit) {
                    text.append(single)
                } else {
                    throw problem("\\u 转义不是有效的字符")
                }
            default: throw problem("未知的转义“\\\(escaped)”")
            }
        }
    }

    private mutating func hex4() throws -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let scalar = current, let digit = Self.hexDigit(scalar) else { throw problem("\\u 后面应为 4 位十六进制数") }
            value = value * 16 + digit
            advance()
        }
        return value
    }

    private static func hexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 0x30
        case "a"..."f": scalar.value - 0x61 + 10
        case "A"..."F": scalar.value - 0x41 + 10
        default: nil
        }
    }

    private mutating func number() throws -> String {
        var text = ""
        func digits(_ reader: inout JSONReader) -> Int {
            var count = 0
            while let scalar = reader.current, ("0"..."9").contains(scalar) { text.unicodeScalars.append(scalar); reader.advance(); count += 1 }
            return count
        }
        if current == "-" { text += "-"; advance() }
        if current == "0" { text += "0"; advance() } else if digits(&self) == 0 { throw problem("数字格式不对") }
        if current == "." {
            text += "."; advance()
            guard digits(&self) > 0 else { throw problem("小数点后应有数字") }
        }
        if let scalar = current, scalar == "e" || scalar == "E" {
            text.unicodeScalars.append(scalar); advance()
            if let sign = current, sign == "+" || sign == "-" { text.unicodeScalars.append(sign); advance() }
            guard digits(&self) > 0 else { throw problem("指数部分应有数字") }
        }
        return text
    }
}
