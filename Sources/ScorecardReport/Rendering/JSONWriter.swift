import ScorecardBase

/// How strings are escaped. `standard` escapes what RFC 8259 requires. `yamlSafe` also escapes
/// what a YAML reader (libyaml, YAML 1.1) would not give back unchanged: DEL and the C1 controls,
/// NEL, U+2028 and U+2029 (line breaks there, folded inside a quoted scalar), the byte-order mark
/// and the non-characters U+FFFE and U+FFFF; so a file the program writes can be read back by
/// the YAML layer exactly.
package enum JSONEscaping: Sendable {
    case standard, yamlSafe
}

/// A small JSON builder: deterministic key order (as written), exact decimals as JSON numbers,
/// no Foundation. Results must be byte-for-byte reproducible across runs.
package indirect enum JSONValue: Sendable {
    case object([(String, JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(String)
    case bool(Bool)
    case null

    package static func decimal(_ value: ExactDecimal?) -> JSONValue {
        value.map { .number($0.description) } ?? .null
    }

    package static func text(_ value: String?) -> JSONValue {
        value.map { .string($0) } ?? .null
    }

    package func rendered(indent: Int = 0) -> String {
        rendered(indent: indent, escaping: .standard)
    }

    package func rendered(indent: Int = 0, escaping: JSONEscaping) -> String {
        var out: [UInt8] = []
        write(to: &out, indent: indent, escaping: escaping)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `rendered(indent:)`'s bytes: what a report of many officers writes, one at a time.
    package func write(to out: inout [UInt8], indent: Int = 0) {
        write(to: &out, indent: indent, escaping: .standard)
    }

    /// The same value on one line, `{"a": 1, "b": [2, 3]}`: one record per line of a log.
    package func renderedOnOneLine(escaping: JSONEscaping = .standard) -> String {
        var out: [UInt8] = []
        writeLine(to: &out, escaping: escaping)
        return String(decoding: out, as: UTF8.self)
    }

    private func writeLine(to out: inout [UInt8], escaping: JSONEscaping) {
        switch self {
        case .object(let pairs):
            out.append(UInt8(ascii: "{"))
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
                JSONValue.escape(key, into: &out, escaping: escaping)
                out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
                value.writeLine(to: &out, escaping: escaping)
            }
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { out.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
                item.writeLine(to: &out, escaping: escaping)
            }
            out.append(UInt8(ascii: "]"))
        default:
            write(to: &out, indent: 0, escaping: escaping)
        }
    }

    /// Two spaces per level.
    private static func pad(_ level: Int, into out: inout [UInt8]) {
        for _ in 0..<(2 * level) { out.append(UInt8(ascii: " ")) }
    }

    private func write(to out: inout [UInt8], indent: Int, escaping: JSONEscaping) {
        switch self {
        case .object(let pairs):
            if pairs.isEmpty {
                out.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "}")])
                return
            }
            out.append(contentsOf: [UInt8(ascii: "{"), UInt8(ascii: "\n")])
            for (index, (key, value)) in pairs.enumerated() {
                Self.pad(indent + 1, into: &out)
                JSONValue.escape(key, into: &out, escaping: escaping)
                out.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
                value.write(to: &out, indent: indent + 1, escaping: escaping)
                if index + 1 < pairs.count { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\n"))
            }
            Self.pad(indent, into: &out)
            out.append(UInt8(ascii: "}"))
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "]")])
                return
            }
            out.append(contentsOf: [UInt8(ascii: "["), UInt8(ascii: "\n")])
            for (index, item) in items.enumerated() {
                Self.pad(indent + 1, into: &out)
                item.write(to: &out, indent: indent + 1, escaping: escaping)
                if index + 1 < items.count { out.append(UInt8(ascii: ",")) }
                out.append(UInt8(ascii: "\n"))
            }
            Self.pad(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .string(let text): JSONValue.escape(text, into: &out, escaping: escaping)
        case .number(let text): out.append(contentsOf: text.utf8)
        case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        }
    }

    /// The text quoted, its bytes copied as they are unless one may need escaping (nearly
    /// every string has none); then scalar by scalar.
    static func escape(_ text: String, into out: inout [UInt8], escaping: JSONEscaping = .standard) {
        out.append(UInt8(ascii: "\""))
        // Bytes that start something to escape: controls, quote, backslash; for YAML also DEL
        // and the lead bytes of U+0080–U+009F (C2), U+2028/2029 (E2) and U+FEFF/FFFE/FFFF (EF).
        let plain = text.utf8.allSatisfy { byte in
            byte >= 0x20 && byte != 0x22 && byte != 0x5C
                && (escaping == .standard || (byte != 0x7F && byte != 0xC2 && byte != 0xE2 && byte != 0xEF))
        }
        if plain {
            out.append(contentsOf: text.utf8)
        } else {
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out.append(contentsOf: [0x5C, 0x22])
                case "\\": out.append(contentsOf: [0x5C, 0x5C])
                case "\n": out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case "\r": out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case "\t": out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    if scalar.value < 0x20 || (escaping == .yamlSafe && Self.unsafeForYAML(scalar)) {
                        let hex = String(scalar.value, radix: 16)
                        out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8)
                    } else {
                        UTF8.encode(scalar) { out.append($0) }
                    }
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func unsafeForYAML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
