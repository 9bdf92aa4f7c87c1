import Foundation
import Testing
import ScorecardTestSupport

/// `docs/install.sh` (README “Installing”): the program, its completions and its manual page
/// under PREFIX. Run with the binary the tests use, so no release build is needed here.
@Suite("install")
struct InstallTests {
    @Test func installPutsTheProgramCompletionsAndManualPageUnderPrefix() throws {
        let fm = FileManager.default
        let scratch = try TemporaryFolder(prefix: "scorecard-prefix")
        defer { scratch.remove() }
        let prefix = URL(fileURLWithPath: scratch.path)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [CLI.packageRoot.appendingPathComponent("docs/install.sh").path]
        var environment = ProcessInfo.processInfo.environment
        environment["PREFIX"] = prefix.path
        environment["SCORECARD_BINARY"] = CLI.binary.path
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)

        let installed = prefix.appendingPathComponent("bin/scorecard")
        #expect(fm.isExecutableFile(atPath: installed.path))
        let version = try CLI.run(["--version"])
        let run = Process()
        run.executableURL = installed
        run.arguments = ["--version"]
        let pipe = Pipe()
        run.standardOutput = pipe
        try run.run()
        run.waitUntilExit()
        #expect(pipe.fileHandleForReading.readDataToEndOfFile() == version.stdoutData)

        for (path, word) in [
            ("share/bash-completion/completions/scorecard", "evaluate"),
            ("share/zsh/site-functions/_scorecard", "evaluate"),
            ("share/fish/vendor_completions.d/scorecard.fish", "evaluate"),
        ] {
            let text = try String(contentsOf: prefix.appendingPathComponent(path), encoding: .utf8)
            #expect(text.contains(word) && text.contains("quarter"), "\(path)")
        }
        let manual = try String(contentsOf: prefix.appendingPathComponent("share/man/man1/scorecard.1"), encoding: .utf8)
        #expect(manual.hasPrefix(".TH SCORECARD 1 "))
        for command in ["check", "evaluate", "explain", "annual", "vacancy", "eligibility", "diff"] {
            #expect(manual.contains(".SH \"scorecard \(command)\""), "\(command)")
        }
        #expect(manual.contains("计算一个季度的考核结果"), "the Chinese help is kept")
        // No help line may be taken for a roff request.
        #expect(
            !manual.components(separatedBy: "\n").contains {
                $0.hasPrefix(".") && !$0.hasPrefix(".TH") && !$0.hasPrefix(".SH") && $0 != ".nf" && $0 != ".fi"
            })
    }
}
