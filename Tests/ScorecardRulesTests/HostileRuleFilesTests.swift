import Foundation
import ScorecardBase
import Testing
import ScorecardTestSupport
@testable import ScorecardRules

/// Rule folders that are broken or hostile: a file past the size limit, a file that
/// is a named pipe or a device, a version folder that leads back up or holds nothing.
@Suite struct HostileRuleFilesTests {
    /// A copy of the minimal policy as files in a fresh folder.
    /// The caller removes it.
    static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder(prefix: "scorecard-rules")
        for (stem, text) in Rules.defaults { try folder.write("\(stem).yaml", text) }
        return folder
    }

    @Test func aRuleFilePastTheLimitIsRefusedWhereItPassesIt() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let root = folder.path
        let limits = InputLimits(yamlFileBytes: 40)
        let result = loadPolicy(path: root, limits: limits)
        let problem = try #require(result.errors.first { $0.code == "input.file-too-large" }, "\(result.listing)")
        // The first file in name order whose size passes 40 bytes, placed at byte 40.
        let file = try #require(problem.location?.file)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
        #expect(bytes.count > 40)
        #expect(problem.location == InputLimits.location(ofByte: 40, in: bytes, file: file))
        #expect(problem.hint?.contains("SCORECARD_MAX_YAML_BYTES") == true)
        #expect(result.policy == nil)
    }

    @Test func theDefaultLimitLetsTheBundledRulesLoad() {
        let result = loadVersions(path: packageRoot + "/rules")
        #expect(result.versions?.versions.count == 2, "\(result.diagnostics)")
    }

    @Test(.timeLimit(.minutes(1)))
    func aRuleFileThatIsANamedPipeOrADeviceIsRefused() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let root = folder.path
        #expect(mkfifo(root + "/zz-pipe.yaml", 0o600) == 0)
        let piped = loadVersions(path: root)
        #expect(piped.diagnostics.map(\.code) == ["io.not-regular-file"])
        #expect(piped.diagnostics.first?.location?.description == root + "/zz-pipe.yaml:1:1")
        _ = unlink(root + "/zz-pipe.yaml")
        #expect(symlink("/dev/zero", root + "/zz-zero.yaml") == 0)
        #expect(loadVersions(path: root).diagnostics.map(\.code) == ["io.not-regular-file"])
        // Named on its own, too.
        #expect(loadVersions(path: "/dev/zero").diagnostics.map(\.code) == ["io.not-regular-file"])
    }

    @Test(arguments: ["..", ".", "../.."])
    func aDatedVersionFolderThatLeadsBackUpIsAnError(target: String) throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let root = folder.path
        #expect(symlink(target, root + "/2026-01-01") == 0)
        let result = loadVersions(path: root)
        #expect(result.diagnostics.map(\.code) == ["rules.version-folder-loop"], "\(result.diagnostics)")
        #expect(result.diagnostics.first?.message.contains(root + "/2026-01-01") == true)
        #expect(result.versions == nil)
    }

    @Test func aDatedVersionFolderWithNoRuleFileIsAWarning() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let root = folder.path
        try folder.write("2026-01-01/README.txt", "notes")
        try folder.makeFolder("notes")
        let result = loadVersions(path: root)
        #expect(result.diagnostics.map(\.code) == ["rules.empty-version-folder"])
        #expect(result.diagnostics.first?.severity == .warning)
        #expect(result.versions?.versions.count == 1)
    }

    @Test func aLinkToAnotherFolderOfRulesIsAVersionLikeAnyOther() throws {
        let folder = try Self.folder()
        let otherFolder = try Self.folder()
        defer {
            folder.remove()
            otherFolder.remove()
        }
        let (root, other) = (folder.path, otherFolder.path)
        let policy = try String(contentsOfFile: other + "/policy.yaml", encoding: .utf8)
        let revised = policy.replacingOccurrences(of: "effective: 2021-09-27", with: "effective: 2026-01-01")
            .replacingOccurrences(of: "version: \"1\"", with: "version: \"2\"")
        try #require(revised.contains("2026-01-01") && revised.contains("\"2\""))
        try otherFolder.write("policy.yaml", revised)
        #expect(symlink(other, root + "/2026-01-01") == 0)
        let result = loadVersions(path: root)
        #expect(result.versions?.versions.count == 2, "\(result.diagnostics)")
    }
}
