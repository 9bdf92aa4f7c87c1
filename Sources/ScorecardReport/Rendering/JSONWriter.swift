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
        var out = ""
        write(to: &out, indent: indent, escaping: escaping)
        return out
    }

    /// The same value on one line, `{"a": 1, "b": [2, 3]}`: one record per line of a log.
    package func renderedOnOneLine(escaping: JSONEscaping = .standard) -> String {
        var out = ""
        writeLine(to: &out, escaping: escaping)
        return out
    }

    private func writeLine(to out: inout String, escaping: JSONEscaping) {
        switch self {
        case .object(let pairs):
            out += "{"
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out += ", " }
                JSONValue.escape(key, into: &out, escaping: escaping)
                out += ": "
                value.writeLine(to: &out, escaping: escaping)
            }
            out += "}"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += ", " }
                item.writeLine(to: &out, escaping: escaping)
            }
            out += "]"
        default:
            write(to: &out, indent: 0, escaping: escaping)
        }
    }

    private func write(to out: inout String, indent: Int, escaping: JSONEscaping) {
        let pad = String(repeating: "  ", count: indent + 1)
        let closePad = String(repeating: "  ", count: indent)
        switch self {
        case .object(let pairs):
            if pairs.isEmpty { out += "{}"; return }
            out += "{\n"
            for (index, (key, value)) in pairs.enumerated() {
                out += pad
                JSONValue.escape(key, into: &out, escaping: escaping)
                out += ": "
                value.write(to: &out, indent: indent + 1, escaping: escaping)
                out += index + 1 < pairs.count ? ",\n" : "\n"
            }
            out += closePad + "}"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += pad
                item.write(to: &out, indent: indent + 1, escaping: escaping)
                out += index + 1 < items.count ? ",\n" : "\n"
            }
            out += closePad + "]"
        case .string(let text): JSONValue.escape(text, into: &out, escaping: escaping)
        case .number(let text): out += text
        case .bool(let value): out += value ? "true" : "false"
        case .null: out += "null"
        }
    }

    static func escape(_ text: String, into out: inout String, escaping: JSONEscaping = .standard) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || (escaping == .yamlSafe && Self.unsafeForYAML(scalar)) {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }

    private static func unsafeForYAML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
