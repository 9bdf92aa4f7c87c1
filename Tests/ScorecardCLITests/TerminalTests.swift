import Foundation
import Synchronization
import Testing
import ScorecardTestSupport
#if canImport(Glibc)
import Glibc
#endif

// The C library's pseudo-terminal calls, which Glibc's module map leaves out (they need _XOPEN_SOURCE).
@_silgen_name("posix_openpt") private func openPseudoTerminal(_ flags: Int32) -> Int32
@_silgen_name("grantpt") private func grantPseudoTerminal(_ fd: Int32) -> Int32
@_silgen_name("unlockpt") private func unlockPseudoTerminal(_ fd: Int32) -> Int32
@_silgen_name("ptsname") private func pseudoTerminalName(_ fd: Int32) -> UnsafeMutablePointer<CChar>?

/// The evaluate table on a terminal of any width, colour, and the pager (issue 13).
@Suite("terminal")
struct TerminalTests {
    @Test func atEightyColumnsTheTableIsSplitIntoBlocksThatFit() throws {
        let run = try CLI.run(["evaluate", "--quarter", "2025-Q4"], environment: ["COLUMNS": "80"])
        #expect(run.status == 0)
        let lines = run.stdoutLines
        let tooWide = lines.filter { DisplayWidth.of($0) > 80 }
        #expect(tooWide.isEmpty, "\(tooWide)")
        #expect(lines.contains("总分、等级和奖励（各项得分分表列在后面；--wide 显示为一张表）"))
        #expect(lines.contains("各项得分（列名为考核标准序号）：第 1–10 项"))
        #expect(lines.contains("各项得分（续）：第 11–20 项"))
        // Every officer is in each block, by id and name.
        let summary = try #require(lines.firstIndex { $0.hasPrefix("工号   姓名    单位      班次   总分") })
        #expect(lines[summary + 2].fields == ["10231", "田晓东", "综采一队", "甲班", "92.00", "优秀", "10.00"])
        let second = try #require(lines.firstIndex(of: "各项得分（续）：第 11–20 项"))
        #expect(lines[second + 1].fields == ["工号", "姓名"] + (11...20).map(String.init))
        #expect(lines[second + 3].fields == ["10231", "田晓东", "4.5", "4", "4.5", "4.5", "4.5", "5", "4.5", "4.5", "5", "5"])
    }

    @Test func wideOrAWideTerminalOrNoWidthGiveTheOneTable() throws {
        let plain = try CLI.run(["evaluate", "--quarter", "2025-Q4"])
        #expect(plain.stdout.contains("各项得分（列名为考核标准序号）\n工号   姓名    单位      班次   01"))
        let wide = try CLI.run(["evaluate", "--quarter", "2025-Q4", "--wide"], environment: ["COLUMNS": "80"])
        let roomy = try CLI.run(["evaluate", "--quarter", "2025-Q4"], environment: ["COLUMNS": "200"])
        #expect(wide.stdoutData == plain.stdoutData)
        #expect(roomy.stdoutData == plain.stdoutData)
    }

    @Test func theLowestGradeAndAResultNotComputedAreRed() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let zeros = Array(repeating: "0", count: 17).joined(separator: ",")
        try ws.replace(
            "seeds/2025-Q1/scores.csv", "10231,5.0,5.0,5.0,5.0,4.0,4.5,4.5,4.0,4.5,4.5,5.0,4.5,4.5,4.0,4.5,5.0,4.5,",
            with: "10231,\(zeros),")
        let run = try ws.run(["evaluate", "--quarter", "2025-Q1", "--color", "always"], environment: ["COLUMNS": "80"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\u{1B}[1;31m不合格\u{1B}[0m"), "\(run.stdout)")
        let plain = try ws.run(["evaluate", "--quarter", "2025-Q1"], environment: ["COLUMNS": "80"])
        #expect(run.stdout.strippingANSI == plain.stdout)
    }

    /// `--color` colours something in each text report, and only with escapes around words.
    @Test(arguments: [
        (["annual", "--year", "2025"], "\u{1B}[1;32m优秀\u{1B}[0m"),
        (["annual", "--year", "2025"], "\u{1B}[33m未参加评选"),
        (["vacancy", "--year", "2025"], "\u{1B}[1;32m蒋秀梅\u{1B}[0m"),
        (["explain", "10426", "--quarter", "2025-Q4"], "i12  \u{1B}[1;31m0.00\u{1B}[0m / 5"),
        (["explain", "10516", "--quarter", "2025-Q4"], "等级 \u{1B}[1;32m优秀\u{1B}[0m"),
    ])
    func colourMarksTheResultsThatMatter(arguments: [String], coloured: String) throws {
        let run = try CLI.run(arguments + ["--color", "always"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(coloured), "\(arguments): \(coloured)")
        #expect(run.stdout.strippingANSI == (try CLI.cached(arguments)).stdout)
        let auto = try CLI.run(arguments, environment: ["NO_COLOR": "1"])
        #expect(!auto.stdout.containsANSI, "NO_COLOR")
    }

    // MARK: The pager

    /// Runs scorecard with standard output on a pseudo-terminal, the way a user at a terminal
    /// does; what reaches the terminal itself is returned.
    static func onTerminal(_ arguments: [String], environment: [String: String?]) throws -> (status: Int32, terminal: String) {
        let master = openPseudoTerminal(O_RDWR | O_NOCTTY)
        try #require(master >= 0)
        defer { close(master) }
        try #require(grantPseudoTerminal(master) == 0 && unlockPseudoTerminal(master) == 0)
        let name = String(cString: try #require(pseudoTerminalName(master)))
        let slave = open(name, O_RDWR | O_NOCTTY)
        try #require(slave >= 0)
        var size = winsize(ws_row: 24, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)

        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        process.currentDirectoryURL = CLI.packageRoot
        var env = ProcessInfo.processInfo.environment
        env["COLUMNS"] = nil
        env["NO_COLOR"] = "1"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardError = FileHandle.nullDevice
        // Drained as it comes, so a long report never fills the terminal's buffer.
        let collected = Mutex<Data>(Data())
        let reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = read(master, &buffer, buffer.count)
                if count <= 0 { break }
                collected.withLock { $0.append(contentsOf: buffer[..<count]) }
            }
        }
        reader.start()
        try process.run()
        close(slave)
        process.waitUntilExit()
        while !reader.isFinished { usleep(10_000) }
        let text = collected.withLock { String(decoding: $0, as: UTF8.self) }
        return (process.terminationStatus, text)
    }

    @Test func onATerminalLongOutputGoesThroughThePagerWithLessFRX() throws {
        let scratch = try TemporaryFolder(prefix: "scorecard-pager")
        defer { scratch.remove() }
        let folder = URL(fileURLWithPath: scratch.path)
        let paged = folder.appendingPathComponent("paged").path
        let less = folder.appendingPathComponent("less").path
        let pager = "echo \"$LESS $COLUMNS\" > '\(less)'; cat > '\(paged)'"
        let run = try Self.onTerminal(["evaluate", "--quarter", "2025-Q4"], environment: ["PAGER": pager, "LESS": nil])
        #expect(run.status == 0)
        let text = try String(contentsOfFile: paged, encoding: .utf8)
        #expect(text.hasPrefix("碱沟煤矿政工联系员制度"))
        #expect(text.contains("总分、等级和奖励"), "laid out for the terminal's 100 columns")
        #expect(try String(contentsOfFile: less, encoding: .utf8) == "FRX 100\n")
        #expect(!run.terminal.contains("碱沟煤矿"), "nothing written past the pager")

        try? FileManager.default.removeItem(atPath: paged)
        let direct = try Self.onTerminal(["evaluate", "--quarter", "2025-Q4", "--no-pager"], environment: ["PAGER": pager])
        #expect(direct.status == 0)
        #expect(!FileManager.default.fileExists(atPath: paged))
        #expect(direct.terminal.contains("碱沟煤矿政工联系员制度"))

        let cat = try Self.onTerminal(["evaluate", "--quarter", "2025-Q4"], environment: ["PAGER": "cat"])
        #expect(cat.terminal.contains("碱沟煤矿政工联系员制度"))
    }

    @Test func dataFormatsAndFilesAreNeverPaged() throws {
        let scratch = try TemporaryFolder(prefix: "scorecard-pager")
        defer { scratch.remove() }
        let folder = URL(fileURLWithPath: scratch.path)
        let marker = folder.appendingPathComponent("used").path
        let pager = "touch '\(marker)'; cat"
        let run = try Self.onTerminal(["evaluate", "--quarter", "2025-Q4", "--format", "csv"], environment: ["PAGER": pager])
        #expect(run.status == 0)
        #expect(!FileManager.default.fileExists(atPath: marker))
        #expect(run.terminal.contains("officer,name"))
    }
}
