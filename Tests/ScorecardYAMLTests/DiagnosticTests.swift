import Foundation
import ScorecardBase
import Testing
import ScorecardTestSupport
@testable import ScorecardYAML

@Suite struct DiagnosticTests {
    @Test func duplicateKeysNameTheKeyAndBothPlaces() throws {
        let result = load("规则:\n  分值: 1\n  权重: 2\n  分值: 3\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.code == "yaml.duplicate-key")
        #expect(diagnostic.message.contains("分值"))
        #expect(diagnostic.location?.place == [4, 3])
        #expect(diagnostic.notes.first?.location?.place == [2, 3])
        // The first occurrence is kept.
        #expect(result.documents.first?.root["规则"]?["分值"]?.scalar?.value == "1")
    }

    @Test func duplicateKeysCompareByValueAcrossStyles() {
        let result = load("{a: 1, 'a': 2, \"a\": 3}\n")
        #expect(result.diagnostics.map(\.code) == ["yaml.duplicate-key", "yaml.duplicate-key"])
    }

    @Test func billionLaughsStopsWithOneBoundedError() {
        var text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ")
            text += "a\(i): &a\(i) [\(refs)]\n"
        }
        let start = ContinuousClock.now
        let result = load(text)
        #expect(ContinuousClock.now - start < .seconds(2))
        #expect(result.diagnostics.map(\.code) == ["yaml.alias-limit"])
        #expect(result.diagnostics.first?.location?.line == 5) // a4 expands to 111_111 nodes
        #expect(result.documents.isEmpty)
    }

    @Test func nestingBeyondTheLimitIsRejected() {
        let text = String(repeating: "[", count: 50) + String(repeating: "]", count: 50)
        let result = load(text, limits: YAMLLimits(maxNodes: 1000, maxDepth: 20))
        #expect(result.diagnostics.map(\.code) == ["yaml.depth-limit"])
        #expect(result.diagnostics.first?.location?.place == [1, 21])
        #expect(load(text).diagnostics.isEmpty)
    }

    @Test func aliasesCannotSmuggleDepthPastTheLimit() {
        let deep = String(repeating: "[", count: 8) + String(repeating: "]", count: 8)
        let text = "a: &a \(deep)\nb: [[[[[*a]]]]]\n"
        let result = load(text, limits: YAMLLimits(maxNodes: 1000, maxDepth: 10))
        #expect(result.diagnostics.map(\.code) == ["yaml.depth-limit"])
    }

    @Test func colonInValueGivesChineseMessageAtTheProblem() throws {
        let result = load("说明: 时间: 上午\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.code == "yaml.syntax")
        #expect(diagnostic.location?.place == [1, 7])
        #expect(diagnostic.message.contains("冒号"))
        #expect(diagnostic.hint?.contains("引号") == true)
        #expect(diagnostic.notes.contains { $0.message.contains("mapping values are not allowed") })
    }

    @Test func tabIndentationGetsATabMessage() throws {
        let result = load("规则:\n\t分值: 1\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "yaml.syntax")
        #expect(diagnostic.location?.place == [2, 1])
        #expect(diagnostic.message.contains("Tab"))
    }

    @Test func unclosedQuoteIsReportedWithItsStart() throws {
        let result = load("a: \"没有闭合\nb: 1\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message.contains("引号"))
        #expect(diagnostic.notes.first?.location?.place == [1, 4])
    }

    @Test func badIndentationSaysSo() throws {
        let result = load("规则:\n    名称: 甲\n  分值: 1\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.location?.line == 3)
        #expect(diagnostic.message.contains("缩进"))
    }

    @Test func unclosedFlowSequence() throws {
        let result = load("a: [1, 2\nb: 3\n")
        #expect(result.diagnostics.count == 1)
        #expect(result.diagnostics.first?.code == "yaml.syntax")
    }

    @Test func unknownProblemsKeepTheEnglishText() {
        let translation = LibYAMLMessages.translate(problem: "something new", context: nil, character: nil)
        #expect(translation.message.contains("YAML"))
    }

    @Test func gb18030BytesAreRejectedWhereTheyStart() throws {
        // "名称: " in UTF-8, then "中文" in GB18030 (D6 D0 CE C4) on line 2.
        let bytes = Array("规则: 1\n名称: ".utf8) + [0xD6, 0xD0, 0xCE, 0xC4, 0x0A]
        let result = loadYAML(bytes: bytes, file: "规则.yaml")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "yaml.encoding")
        #expect(diagnostic.location?.place == [2, 5])
        #expect(diagnostic.hint?.contains("UTF-8") == true)
        #expect(result.documents.isEmpty)
    }

    @Test func utf8BOMIsSkipped() throws {
        let result = loadYAML(bytes: [0xEF, 0xBB, 0xBF] + Array("名称: 甲\n".utf8), file: "x")
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.first?.root["名称"]?.location.place == [1, 5])
    }

    @Test func utf16IsRejected() throws {
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("a: 1\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let result = loadYAML(bytes: bytes, file: "x")
        #expect(result.diagnostics.map(\.code) == ["yaml.encoding"])
        #expect(result.diagnostics.first?.message.contains("UTF-16") == true)
        let noBOM = Array("a: 1\n".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(loadYAML(bytes: noBOM, file: "x").diagnostics.map(\.code) == ["yaml.encoding"])
    }

    @Test func controlCharactersAreReportedByLibyamlAtTheirLine() throws {
        let result = load("a: 1\nb: 甲\u{7}\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "yaml.syntax")
        #expect(diagnostic.location?.place == [2, 5])
    }
}
