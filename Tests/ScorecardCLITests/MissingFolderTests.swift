import Foundation
import Testing

@Suite("missing folders")
struct MissingFolderTests {
    @Test func aMissingEvidenceFolderIsNamedAsMissing() throws {
        let run = try CLI.run(["evaluate", "--evidence", "/nonexistent-scorecard-evidence"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("错误[evidence.not-found]: 找不到证据文件夹“/nonexistent-scorecard-evidence”"))
        #expect(run.stdout.isEmpty)
    }

    @Test func aMissingRulesFolderIsAUsageError() throws {
        let run = try CLI.run(["evaluate", "--rules", "/nonexistent-scorecard-rules"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("rules.not-found"))
    }
}
