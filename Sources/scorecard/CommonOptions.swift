import ArgumentParser
import ScorecardBase
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the rules and the evidence are; shared by every subcommand.
struct PathOptions: ParsableArguments {
    static let rulesHelp = ArgumentHelp("规则文件或文件夹。", valueName: "path")
    static let evidenceHelp = ArgumentHelp("证据文件夹：联系员名册 officers.csv，每个季度一个文件夹。", valueName: "path")

    @Option(name: .long, help: PathOptions.rulesHelp)
    var rules: String = "rules"

    @Option(name: .long, help: PathOptions.evidenceHelp)
    var evidence: String = "seeds"
}

/// The paths, and which quarter under which version: what the quarterly commands take.
///
/// The paths are declared here again (with `PathOptions`' help), not as a nested option group:
/// each group type costs the parser several runtime conformance scans (about 0.15 M instructions
/// each) at every start of `evaluate`, `check`, `explain` and `eval`.
struct LocationOptions: ParsableArguments {
    @Option(name: .long, help: PathOptions.rulesHelp)
    var rules: String = "rules"

    @Option(name: .long, help: PathOptions.evidenceHelp)
    var evidence: String = "seeds"

    @Option(name: .long, help: ArgumentHelp("季度，如 2025-Q4；不写时取最近一个有记录的季度。", valueName: "year-Qn"))
    var quarter: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "改用这一版本的规则（写它的 policy.version 或所在的文件夹），而不是本季度第一天有效的版本。",
            valueName: "version"))
    var rulesVersion: String?

    func validate() throws {
        _ = try parsedQuarter()
    }

    func parsedQuarter() throws -> Quarter? {
        guard let quarter else { return nil }
        guard let parsed = Quarter(quarter) else {
            throw UsageErrors.notAQuarter(quarter)
        }
        return parsed
    }
}

/// What `evaluate` and `annual` write: every format, a page and a workbook among them.
enum OutputFormat: String, ArgumentChoice {
    case text, json, csv, html, xlsx
}

/// `check` writes diagnostics, which have no CSV form: its help lists only what it accepts.
enum CheckFormat: String, ArgumentChoice {
    case text, json
}

/// `eligibility` has a page but no workbook: its help lists only what it writes.
enum EligibilityFormat: String, ArgumentChoice {
    case text, json, csv, html
}

/// `vacancy` is a list with neither page nor workbook: its help lists only what it writes.
enum VacancyFormat: String, ArgumentChoice {
    case text, json, csv
}

enum ColorChoice: String, ArgumentChoice {
    case auto, always, never
}

struct DisplayOptions: ParsableArguments {
    @Option(name: .long, help: "何时用颜色显示：auto（输出到终端且没有设置 NO_COLOR 时）、always（总是）、never（从不）。")
    var color: ColorChoice = .auto

    @Flag(name: .long, help: "在终端上不用 less（或 $PAGER 指定的程序）分页显示长的输出。")
    var noPager = false

    /// Colour for a stream: only on a terminal (or the pager showing it), never when NO_COLOR is
    /// set (no-color.org).
    func useColor(fileDescriptor: Int32) -> Bool {
        switch color {
        case .always: return true
        case .never: return false
        case .auto:
            if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
            return isatty(fileDescriptor) == 1 || Pager.inUse
        }
    }
}

/// The input limits, raised where the environment says so (docs/limits.md); a value that is
/// not a size is a usage error (exit 2).
func inputLimits(display: DisplayOptions) throws -> InputLimits {
    do throws(Diagnostic) {
        return try InputLimits.from(environment: { name in getenv(name).map { String(cString: $0) } })
    } catch {
        report([error], display: display)
        throw ExitCode(2)
    }
}

func writeOutput(_ text: String) { writeAll(text, to: 1) }

/// Bytes to standard output (an xlsx workbook redirected to a file).
func writeOutputBytes(_ bytes: [UInt8]) {
    var offset = 0
    bytes.withUnsafeBytes { buffer in
        while offset < buffer.count {
            let written = write(1, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
    }
}

func writeError(_ text: String) { writeAll(text, to: 2) }

/// Writes every byte, retrying short writes, so piped output is never cut.
private func writeAll(_ text: String, to descriptor: Int32) {
    var text = text
    text.withUTF8 { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress?.advanced(by: offset), buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { break }
            offset += written
        }
    }
}

func exitProcess(_ code: Int32) -> Never {
    exit(code)
}

/// An option's value that is one of a few words, each its raw value (`--format text`).
///
/// The library's own lists of the words reach the values through key paths and generic
/// reductions, whose metadata the runtime checks on first use by scanning every protocol
/// conformance record in the program (about 0.15 M instructions a scan, several per option at
/// every start). The same lists, said directly: no word has a description apart from itself.
protocol ArgumentChoice: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension ArgumentChoice {
    static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    static var allValueDescriptions: [String: String] { [:] }
}
