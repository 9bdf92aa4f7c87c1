import Foundation
import ScorecardBase
import Testing
import ScorecardTestSupport

@Suite struct FileWritingTests {
    @Test func atomicWriteReplacesWholeFileAndLeavesNoTemporary() throws {
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        let folder = scratch.path
        let path = folder + "/results.json"
        try FileSystem.writeAtomically(Array("old".utf8), to: path)
        try FileSystem.writeAtomically(Array("新的内容".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "新的内容")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["results.json"])
    }

    @Test func failedWriteLeavesTheOldFile() throws {
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        let folder = scratch.path
        let path = folder + "/results.json"
        try FileSystem.writeAtomically(Array("old".utf8), to: path)
        // Renaming a file over a non-empty folder fails: the write must not touch what is there.
        try scratch.makeFolder("sub/x")
        let problem = #expect(throws: Diagnostic.self) { try FileSystem.writeAtomically(Array("new".utf8), to: folder + "/sub") }
        #expect(problem?.code == "io.write")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["results.json", "sub"])
    }

    @Test func pathParts() {
        #expect(FileSystem.parent(of: "seeds/results/2025-Q4") == "seeds/results")
        #expect(FileSystem.parent(of: "seeds/") == ".")
        #expect(FileSystem.parent(of: "/x") == "/")
        #expect(FileSystem.lastComponent(of: "seeds/results/") == "results")
        #expect(FileSystem.lastComponent(of: "a") == "a")
    }

    @Test func makeDirectoriesCreatesEveryLevel() throws {
        let scratch = try TemporaryFolder()
        defer { scratch.remove() }
        let folder = scratch.path
        try FileSystem.makeDirectories(folder + "/a/b/c")
        #expect(FileSystem.kind(of: folder + "/a/b/c") == .directory)
        try FileSystem.makeDirectories(folder + "/a/b/c")
    }
}

@Suite struct UTCTimeTests {
    @Test func roundTripsThroughTheCalendar() throws {
        #expect(UTCTime(secondsSinceEpoch: 0).iso8601 == "1970-01-01T00:00:00Z")
        let time = try #require(UTCTime(year: 2026, month: 1, day: 5, hour: 8, minute: 30, second: 7))
        #expect(time.secondsSinceEpoch == 1_767_601_807)
        #expect(time.iso8601 == "2026-01-05T08:30:07Z")
        #expect(time.compact == "20260105T083007Z")
        #expect(UTCTime(iso8601: time.iso8601) == time)
        #expect(UTCTime(year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59)?.iso8601 == "2024-02-29T23:59:59Z")
        #expect(UTCTime(year: 2025, month: 2, day: 29) == nil)
        #expect(UTCTime(iso8601: "2026-01-05 08:30:07") == nil)
        #expect(UTCTime.now().secondsSinceEpoch > 1_700_000_000)
    }
}
