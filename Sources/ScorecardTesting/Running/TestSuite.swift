import ScorecardBase
import ScorecardRules

/// Every case of a set of test files, run: what `scorecard test` reports.
package struct TestRun: Sendable {
    /// The test files read, in the order run.
    package var files: [String]
    package var outcomes: [CaseOutcome]
    /// Problems in the test files themselves (syntax, keys, types); their cases did not run.
    /// Part of what the run reports, so kept with it.
    package var diagnostics: [Diagnostic]

    package var passed: Int { outcomes.count { $0.status == .passed } }
    /// Failed cases, counting those that could not run as written.
    package var failed: Int { outcomes.count { $0.status == .failed || $0.status == .error } }
    package var skipped: Int { outcomes.count { $0.status == .skipped } }

    /// Whether a test file or a case is wrong as written (an error, not a failure).
    package var hasErrors: Bool { diagnostics.hasErrors || outcomes.contains { $0.status == .error } }

    /// 0 all passed, 1 a case failed, 2 an error in a test file (`scorecard test`'s exit status).
    package var exitStatus: Int32 { hasErrors ? 2 : failed > 0 ? 1 : 0 }

    /// `12 passed, 1 failed`, and `, 2 skipped` when any were.
    package var closingLine: String {
        "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
    }

    /// Every error the files and cases have, for `scorecard check`: the files' own problems,
    /// names a case uses that its rules lack, and problems in a case's evidence that no
    /// expectation accounts for.
    package var errors: [Diagnostic] {
        (diagnostics.filter { $0.severity == .error }
            + outcomes.flatMap { $0.errors + $0.unexpected.filter { $0.severity == .error } }).sortedForDisplay()
    }

    package var caseCount: Int { outcomes.count }
}

/// Loads test files and runs their cases.
package enum TestSuite {
    /// `pattern`: only cases whose name contains it (or any of its `|`-separated parts).
    package static func run(_ sources: [TestSource], versions: PolicyVersions, pattern: String? = nil) -> TestRun {
        var sink = DiagnosticSink()
        let files = load(sources, sink: &sink)
        var run = TestRun(files: sources.map(\.source.displayPath), outcomes: [], diagnostics: sink.take())
        let runner = CaseRunner(versions: versions)
        for file in files {
            for testCase in file.cases where selected(testCase.name, by: pattern) {
                run.outcomes.append(runner.run(testCase))
            }
        }
        return run
    }

    /// The files that loaded without errors; every problem goes to `sink`.
    package static func load(_ sources: [TestSource], sink: inout DiagnosticSink) -> [TestFile] {
        sources.compactMap { TestFileLoader.load($0.source, defaultVersion: $0.defaultVersion, sink: &sink) }
    }

    static func selected(_ name: String, by pattern: String?) -> Bool {
        guard let pattern, !pattern.isEmpty else { return true }
        return pattern.split(separator: "|").contains { part in name.contains(part) }
    }
}

/// The test files of a rule folder as `scorecard check` sees them: loaded, every case prepared
/// under its version, and every error (in the file, in a name, in the inline evidence) listed;
/// whether the expectations hold is for `scorecard test`.
package struct TestFilesCheck: Sendable {
    /// What `check` reports for the test files: its output, so kept as data.
    package var errors: [Diagnostic]
    package var files: Int
    package var cases: Int

    /// `；测试用例：66 个（12 个文件）` for check's closing line; empty without test files.
    package var note: String { files == 0 ? "" : "；测试用例：\(cases) 个（\(files) 个文件）" }

    package init(rulesPath: String, versions: PolicyVersions) {
        do throws(Diagnostic) {
            let sources = try TestFiles.of(rulesPath: rulesPath, versions: versions)
            let run = TestSuite.run(sources, versions: versions)
            (errors, files, cases) = (run.errors, sources.count, run.caseCount)
        } catch {
            (errors, files, cases) = ([error], 0, 0)
        }
    }
}
