import Foundation
import ScorecardBase
import Testing
import ScorecardTestSupport
@testable import ScorecardRules

/// Every ```yaml block of docs/rules.md is a complete policy that loads; a block whose first
/// line is `# expect: <code>` must fail with that code. (`yaml fragment` blocks are skipped.)
@Suite struct DocsExamplesTests {
    struct Example {
        var number: Int
        /// 1-based line of the block's first content line in rules.md.
        var line: Int
        var text: String
        var expectedCode: String?
    }

    /// The fenced blocks whose info string is exactly `yaml`, in order.
    static func examples(in markdown: String) -> [Example] {
        var examples: [Example] = []
        var current: (fence: String, line: Int, lines: [String])?
        var skipping: String?
        for (index, rawLine) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine)
            let trimmed = line.drop { $0 == " " }
            if let open = current {
                if trimmed.hasPrefix(open.fence), trimmed.drop(while: { $0 == open.fence.first }).allSatisfy({ $0 == " " }) {
                    let text = open.lines.joined(separator: "\n") + "\n"
                    var code: String?
                    if let first = open.lines.first, first.hasPrefix("# expect:") {
                        code = first.dropFirst("# expect:".count).trimmingCharacters(in: .whitespaces)
                    }
                    examples.append(Example(number: examples.count + 1, line: open.line, text: text, expectedCode: code))
                    current = nil
                } else {
                    current?.lines.append(line)
                }
                continue
            }
            if let fence = skipping {
                if trimmed.hasPrefix(fence), trimmed.drop(while: { $0 == fence.first }).allSatisfy({ $0 == " " }) { skipping = nil }
                continue
            }
            for marker in ["```", "~~~"] where trimmed.hasPrefix(marker) {
                let fenceChar = marker.first!
                let fence = String(trimmed.prefix { $0 == fenceChar })
                let info = trimmed.dropFirst(fence.count).trimmingCharacters(in: .whitespaces)
                if info == "yaml" {
                    current = (fence, index + 2, [])
                } else {
                    skipping = fence
                }
            }
        }
        return examples
    }

    @Test func docsExamplesLoad() throws {
        let path = packageRoot + "/docs/rules.md"
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("docs/rules.md missing")
            return
        }
        let markdown = String(decoding: data, as: UTF8.self)
        let examples = Self.examples(in: markdown)
        #expect(!examples.isEmpty, "docs/rules.md has no ```yaml examples")
        for example in examples {
            let display = "docs/rules.md#example-\(example.number)"
            let result = loadPolicy(sources: [RuleSource(displayPath: display, bytes: Array(example.text.utf8))])
            let listing = result.diagnostics.map(\.description).joined(separator: "\n")
            if let code = example.expectedCode {
                #expect(
                    result.errors.contains { $0.code == code },
                    "\(display) (rules.md line \(example.line)) should fail with \(code), got:\n\(listing)")
            } else {
                #expect(result.errors.isEmpty, "\(display) (rules.md line \(example.line)) should load, got:\n\(listing)")
            }
        }
    }

    @Test func extractorTakesOnlyExactlyYAMLBlocks() {
        let markdown = """
            # 标题
            ```yaml
            # expect: rules.unknown-key
            a: 1
            ```
            ```yaml fragment
            b: 2
            ```
            ```text
            ```yaml
            ```
            ````yaml
            c: |
              ```
            ````

            """
        let examples = Self.examples(in: markdown)
        #expect(examples.map(\.text) == ["# expect: rules.unknown-key\na: 1\n", "c: |\n  ```\n"])
        #expect(examples.map(\.expectedCode) == ["rules.unknown-key", nil])
        #expect(examples.map(\.line) == [3, 13])
    }
}
