import Foundation
import Testing

/// One case of `Tests/Golden/commands.txt`: a name (the files' stem) and the arguments of one
/// `scorecard` run.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var testDescription: String { name }

    /// `scorecard …` as a user would type it, for messages.
    var commandLine: String { (["scorecard"] + arguments).joined(separator: " ") }
}

/// The golden outputs: every case's stdout, stderr and exit status, kept byte for byte, so that a
/// change to any command's output is seen. `Tests/Golden/regenerate.sh` writes them the same way
/// these tests run them.
enum Golden {
    static let folder = CLI.packageRoot.appendingPathComponent("Tests/Golden")
    static let manifest = folder.appendingPathComponent("commands.txt")
    static let suffixes = ["stdout", "stderr", "status"]

    /// What regenerate.sh exports: help text wraps at COLUMNS (swift-argument-parser), colour
    /// follows NO_COLOR; TZ is pinned though no output reads the clock.
    static let environment: [String: String?] = ["NO_COLOR": "1", "COLUMNS": "80", "TZ": "UTC", "LINES": nil]

    /// The manifest's cases, in order: blank lines and lines starting with `#` skipped, the rest
    /// split at runs of spaces or tabs (as bash's `read -a` does in regenerate.sh).
    static func cases() throws -> [GoldenCase] {
        let text = try String(contentsOf: manifest, encoding: .utf8)
        var cases: [GoldenCase] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            guard let name = words.first, !name.hasPrefix("#") else { continue }
            cases.append(GoldenCase(name: name, arguments: Array(words.dropFirst())))
        }
        return cases
    }

    static func expected(_ name: String, _ suffix: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent("\(name).\(suffix)"))
    }

    /// Where two outputs first differ, line by line, for a message a person can act on.
    static func firstDifference(expected: Data, actual: Data) -> String {
        let old = lines(expected)
        let new = lines(actual)
        let index = (0..<min(old.count, new.count)).first { old[$0] != new[$0] } ?? min(old.count, new.count)
        func shown(_ lines: [String]) -> String {
            index < lines.count ? String(reflecting: lines[index]) : "(end of output)"
        }
        return "line \(index + 1):\n    expected: \(shown(old))\n    actual:   \(shown(new))"
    }

    /// Lines split at "\n" only; a final line without "\n" keeps a visible marker, so a lost
    /// trailing newline is reported as a difference in that line.
    private static func lines(_ data: Data) -> [String] {
        var parts = [UInt8](data).split(separator: 0x0A, omittingEmptySubsequences: false).map {
            String(decoding: $0, as: UTF8.self)
        }
        if let last = parts.last {
            if last.isEmpty { parts.removeLast() } else { parts[parts.count - 1] = last + "⟨no newline at end⟩" }
        }
        return parts
    }

    static let advice = """
        If this change of output is a deliberate, documented improvement, run \
        `bash Tests/Golden/regenerate.sh` and commit the new golden files with it; \
        otherwise the change is a bug. See Tests/Golden/README.md.
        """
}

@Suite("golden outputs")
struct GoldenOutputTests {
    /// Every case runs in its own scratch copy of rules/ and seeds/ without seeds/results/
    /// (a quarter recorded in the checkout would change `check`); the cases run in parallel.
    @Test(arguments: try Golden.cases())
    func outputIsUnchanged(_ golden: GoldenCase) throws {
        let workspace = try Workspace()
        defer { workspace.remove() }
        let results = workspace.url("seeds/results")
        if FileManager.default.fileExists(atPath: results.path) { try FileManager.default.removeItem(at: results) }

        let run = try workspace.run(golden.arguments, environment: Golden.environment)

        let statusText = String(decoding: try Golden.expected(golden.name, "status"), as: UTF8.self)
        let status = try #require(
            Int32(statusText.trimmingCharacters(in: .whitespacesAndNewlines)),
            "\(golden.name).status holds no exit status")
        #expect(run.status == status, "\(golden.commandLine): exit status \(run.status), golden \(status).\n\(Golden.advice)")

        for (suffix, actual) in [("stdout", run.stdoutData), ("stderr", run.stderrData)] {
            let expected = try Golden.expected(golden.name, suffix)
            // A Bool, not the Data: the message shows the first differing line, not every byte.
            let same = actual == expected
            #expect(
                same,
                """
                \(golden.commandLine): \(suffix) differs from Tests/Golden/\(golden.name).\(suffix) at \
                \(Golden.firstDifference(expected: expected, actual: actual))
                \(Golden.advice)
                """)
        }
    }

    @Test func manifestNamesEachCaseOnceWithAPlainName() throws {
        let cases = try Golden.cases()
        #expect(cases.count > 50, "commands.txt has only \(cases.count) cases")
        var seen = Set<String>()
        for golden in cases {
            #expect(seen.insert(golden.name).inserted, "case \(golden.name) appears twice in commands.txt")
            let plain = golden.name.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
            }
            #expect(plain, "case name \(golden.name) should use only A-Z a-z 0-9 . _ -")
        }
    }

    /// The folder holds exactly the three files of every case: none missing, none left over from
    /// a case that was renamed or removed.
    @Test func folderHoldsExactlyTheManifestsFiles() throws {
        let wanted = Set(try Golden.cases().flatMap { golden in Golden.suffixes.map { "\(golden.name).\($0)" } })
        let present = Set(
            try FileManager.default.contentsOfDirectory(atPath: Golden.folder.path).filter {
                Golden.suffixes.contains(URL(fileURLWithPath: $0).pathExtension)
            })
        #expect(wanted.subtracting(present).sorted() == [], "missing golden files: \(Golden.advice)")
        #expect(present.subtracting(wanted).sorted() == [], "golden files of no case in commands.txt: run regenerate.sh")
    }
}
