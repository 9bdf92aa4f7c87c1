import Foundation
import Testing
import ScorecardTestSupport

/// Every diagnostic code the engine can emit appears in docs/ (rules.md, evidence.md,
/// output.md, ledger.md, diff.md, testing.md, limits.md), so a policy officer who sees a code can look it up.
@Suite struct DiagnosticCodesDocumentedTests {
    static let prefixes = ["rules", "evidence", "eval", "expr", "yaml", "csv", "text", "io", "ledger", "diff", "test", "input"]

    /// String literals in the sources that look like codes: `"rules.unknown-key"`.
    static func codes(inSourcesAt root: String) throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: "\"((?:\(prefixes.joined(separator: "|")))\\.[a-z][a-z.-]*)\"")
        var codes = Set<String>()
        let enumerator = FileManager.default.enumerator(atPath: root + "/Sources")
        while let path = enumerator?.nextObject() as? String {
            guard path.hasSuffix(".swift") else { continue }
            let text = try String(contentsOfFile: root + "/Sources/" + path, encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("///") {
                let line = String(line)
                for match in pattern.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                    if let range = Range(match.range(at: 1), in: line) { codes.insert(String(line[range])) }
                }
            }
        }
        return codes
    }

    @Test func everyEmittedCodeIsDocumented() throws {
        let root = packageRoot
        let docs = try ["rules.md", "evidence.md", "output.md", "ledger.md", "diff.md", "testing.md", "limits.md"]
            .map { try String(contentsOfFile: root + "/docs/" + $0, encoding: .utf8) }
            .joined(separator: "\n")
        let codes = try Self.codes(inSourcesAt: root)
        #expect(codes.count > 100, "the scan found the codes")
        let undocumented = codes.filter { !docs.contains($0) }.sorted()
        #expect(undocumented.isEmpty, "not in docs/: \(undocumented)")
    }
}
