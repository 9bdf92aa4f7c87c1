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
enum CSVHeaders: String, ArgumentChoice {
    case id, zh

    var style: HeaderStyle { self == .id ? .id : .zh }
}

/// `-o/--output`: where `evaluate`, `annual` and `template` write, standard output when not
/// given. Either way nothing appears until the results are known to be publishable, and a
/// file appears whole or not at all (a temporary name beside it, flushed, then renamed).
struct FileOutputOptions: ParsableArguments {
    @Option(
        name: [.short, .long],
        help: ArgumentHelp(
            "把结果写到这个文件，而不是标准输出；文件要么完整写出，要么不写。", valueName: "path"))
    var output: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "CSV 的列名：id（给程序用）或 zh（中文，给 Excel 用）；默认：标准输出用 id，--output 指定的文件用 zh。",
            valueName: "id|zh"))
    var headers: CSVHeaders?

    /// Whether text results are coloured: on standard output as `--color` says; in a file only
    /// with `--color always`.
    func useColor(_ display: DisplayOptions) -> Bool {
        output == nil ? display.useColor(fileDescriptor: 1) : display.color == .always
    }

    /// Files are for people opening them in Excel; standard output keeps the documented ids.
    var headerStyle: HeaderStyle { (headers ?? (output != nil ? .zh : .id)).style }

    func validate(format: OutputFormat) throws {
        if headers != nil && format != .csv { throw UsageErrors.headersWithoutCSV }
        if format == .xlsx && output == nil && isatty(1) == 1 {
            throw UsageErrors.workbookToTerminal
        }
    }

    /// The pending output; a file that cannot be created there is a usage error (exit 2).
    func open(display: DisplayOptions) throws -> PendingOutput {
        do throws(Diagnostic) {
            return try PendingOutput(output.map { .file($0) } ?? .standardOutput)
        } catch {
            report([error], display: display)
            throw ExitCode(2)
        }
    }

    /// Writes a report rendered whole.
    func emit(_ text: String, display: DisplayOptions) throws {
        try emit(display: display) { $0.write(text) }
    }

    func emit(_ bytes: [UInt8], display: DisplayOptions) throws {
        try emit(display: display) { $0.write(bytes) }
    }

    /// Writes a report written piece by piece into the pending output.
    func emit(display: DisplayOptions, _ write: (PendingOutput) -> Void) throws {
        let pending = try open(display: display)
        write(pending)
        try commit(pending, display: display)
    }

    /// Makes the output appear, or says why it could not (exit 3: a write that failed).
    func commit(_ pending: PendingOutput, display: DisplayOptions) throws {
        do throws(Diagnostic) {
            try pending.commit()
        } catch {
            report([error], display: display)
            throw ExitCode(3)
        }
        if let output { writeError(CommandConclusions.written(output)) }
    }
}
