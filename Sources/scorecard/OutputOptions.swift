import ArgumentParser
import ScorecardBase
import ScorecardReport
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// CSV column titles as given on the command line.
enum CSVHeaders: String, ExpressibleByArgument, CaseIterable {
    case id, zh

    var style: HeaderStyle { self == .id ? .id : .zh }
}

/// Where `evaluate` and `annual` write their report: standard output, or a file written whole
/// (to a temporary name, then renamed), which is how an .xlsx workbook is usually wanted.
struct FileOutputOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp(
        "Write the report to this file instead of standard output (written whole, atomically).", valueName: "path"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp(
        "CSV column titles: id (for programs) or zh (中文，给 Excel 用); default: id on standard output, zh in a file given with --output.",
        valueName: "id|zh"))
    var headers: CSVHeaders?

    /// Files are for people opening them in Excel; standard output keeps the documented ids.
    var headerStyle: HeaderStyle { (headers ?? (output != nil ? .zh : .id)).style }

    func validate(format: OutputFormat) throws {
        if headers != nil && format != .csv { throw ValidationError("--headers 只用于 --format csv") }
        if format == .xlsx && output == nil && isatty(1) == 1 {
            throw ValidationError("xlsx 是二进制文件，不能输出到终端：请用 --output 文件名.xlsx 指定文件（或重定向到文件）")
        }
    }

    /// Writes the text to the file or standard output; a write that fails is reported (exit 2).
    func emit(_ text: String, display: DisplayOptions) throws {
        guard output != nil else { return writeOutput(text) }
        try emit(Array(text.utf8), display: display)
    }

    func emit(_ bytes: [UInt8], display: DisplayOptions) throws {
        guard let output else { return writeOutputBytes(bytes) }
        switch FileSystem.writeAtomically(bytes, to: output) {
        case .success: writeError("已写入“\(output)”。\n")
        case .failure(let problem):
            report([problem], display: display)
            throw ExitCode(2)
        }
    }
}
