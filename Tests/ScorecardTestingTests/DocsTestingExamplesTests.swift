import Testing
import ScorecardTestSupport
import ScorecardBase
import ScorecardRules
@testable import ScorecardTesting

/// Every ```yaml block of docs/testing.md is a complete test file whose cases pass against the
/// bundled rules (as if kept in rules/tests/). `yaml fragment` blocks are parts of a file, skipped.
@Suite struct DocsTestingExamplesTests {
    /// The blocks whose info string is exactly `yaml`, with the line each starts on.
    static func examples(in markdown: String) -> [(line: Int, text: String)] {
        var examples: [(line: Int, text: String)] = []
        var open: (line: Int, lines: [String], taken: Bool)?
        for (index, line) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if var block = open {
                if line.hasPrefix("```") {
                    if block.taken { examples.append((block.line, block.lines.joined(separator: "\n") + "\n")) }
                    open = nil
                } else {
                    block.lines.append(String(line))
                    open = block
                }
            } else if line.hasPrefix("```") {
                open = (index + 2, [], line == "```yaml")
            }
        }
        return examples
    }

    @Test func everyExampleRunsAndPasses() throws {
        let versions = try #require(bundledVersions)
        guard let bytes = try? FileSystem.read(packageRoot + "/docs/testing.md") else {
            Issue.record("docs/testing.md missing")
            return
        }
        let examples = Self.examples(in: String(decoding: bytes, as: UTF8.self))
        #expect(examples.count >= 7, "docs/testing.md has \(examples.count) yaml examples")
        for (number, example) in examples.enumerated() {
            let file = "docs/testing.md#example-\(number + 1)"
            let result = run(example.text, versions: versions, file: file, defaultVersion: "2021.1")
            #expect(result.diagnostics.isEmpty, "\(file) (line \(example.line)): \(result.diagnostics)")
            #expect(!result.outcomes.isEmpty, "\(file) (line \(example.line)) has no cases")
            for outcome in result.outcomes where outcome.status != .passed {
                let failed = outcome.failedExpectations.map { "\($0.what) 期望 \($0.expected) 实际 \($0.actual ?? "-")" }
                Issue.record(
                    "\(file) (line \(example.line)) “\(outcome.testCase.name)”: \(outcome.status) \(failed) \(outcome.unexpected) \(outcome.errors)"
                )
            }
        }
    }

    @Test func theExtractorSkipsFragmentsAndOtherLanguages() {
        let markdown = "```yaml\na: 1\n```\n```yaml fragment\nb: 2\n```\n```text\nc\n```\n"
        let examples = Self.examples(in: markdown)
        #expect(examples.map(\.text) == ["a: 1\n"])
        #expect(examples.map(\.line) == [2])
    }
}
