import Testing
import ScorecardBase
@testable import ScorecardReport

/// The JSON every report writes: two-space indentation, keys in the order given, strings
/// escaped as RFC 8259 requires (and, for files read back by the YAML layer, what YAML 1.1
/// would not give back unchanged).
@Suite struct JSONWriterTests {
    /// The escaping rule stated scalar by scalar, independently of the writer's byte fast path.
    private func reference(_ text: String, _ escaping: JSONEscaping) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out += "\\\""
            case 0x5C: out += "\\\\"
            case 0x0A: out += "\\n"
            case 0x0D: out += "\\r"
            case 0x09: out += "\\t"
            case 0..<0x20: out += hex(scalar.value)
            case 0x7F...0x9F, 0x2028, 0x2029, 0xFEFF, 0xFFFE, 0xFFFF:
                if escaping == .yamlSafe { out += hex(scalar.value) } else { out.unicodeScalars.append(scalar) }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    private func hex(_ value: UInt32) -> String {
        let digits = String(value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }

    @Test(arguments: [
        "田晓东", "", "plain ascii", "他说\"好\"", "a\\b", "第一行\n第二行\r\n", "\t", "\u{1}\u{1F}",
        "全角，标点：（）", "\u{7F}", "\u{85}NEL", "\u{A0}不换行空格", "\u{2028}\u{2029}", "\u{2026}省略号",
        "\u{FEFF}BOM", "\u{FFFE}\u{FFFF}", "\u{FFFD}", "😀 emoji", "e\u{301} combining",
    ])
    func stringsAreEscapedAsTheRuleSaysOnBothPaths(text: String) {
        for escaping in [JSONEscaping.standard, .yamlSafe] {
            #expect(JSONValue.string(text).rendered(escaping: escaping) == reference(text, escaping), "\(escaping)")
        }
    }

    /// Many mixed strings, so that the plain fast path and the scalar path are both taken at
    /// every position of a string.
    @Test func mixedStringsAreEscapedAsTheRuleSays() {
        let pool: [Unicode.Scalar] = [
            "a", "7", " ", "\"", "\\", "\n", "\r", "\u{1}", "田", "，", "\u{7F}", "\u{85}", "\u{2028}", "\u{FEFF}", "\u{FFFF}", "😀",
        ]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<500 {
            var text = ""
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            for _ in 0..<Int(state >> 60) {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                text.unicodeScalars.append(pool[Int(state >> 33) % pool.count])
            }
            for escaping in [JSONEscaping.standard, .yamlSafe] {
                #expect(JSONValue.string(text).rendered(escaping: escaping) == reference(text, escaping))
            }
        }
    }

    @Test func nestedValuesAreIndentedTwoSpacesAKeyInTheOrderGiven() {
        let value: JSONValue = .object([
            ("b", .number("1.50")), ("a", .array([.bool(true), .null, .object([])])), ("empty", .array([])),
            ("inner", .object([("名", .string("值"))])),
        ])
        #expect(
            value.rendered() == """
                {
                  "b": 1.50,
                  "a": [
                    true,
                    null,
                    {}
                  ],
                  "empty": [],
                  "inner": {
                    "名": "值"
                  }
                }
                """)
        #expect(value.renderedOnOneLine() == #"{"b": 1.50, "a": [true, null, {}], "empty": [], "inner": {"名": "值"}}"#)
        var bytes: [UInt8] = []
        value.write(to: &bytes, indent: 1)
        #expect(String(decoding: bytes, as: UTF8.self) == value.rendered(indent: 1))
    }
}
