import ArgumentParser
import ScorecardBase

/// `-o/--output`: where the results go; standard output when not given. Either way nothing
/// appears until the results are known to be publishable, and a file appears whole or not at all.
struct OutputOptions: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp(
        "把结果写到这个文件，而不是标准输出；文件要么完整写出，要么不写。", valueName: "path"))
    var output: String?

    /// Whether text results are coloured: on standard output as `--color` says; in a file only
    /// with `--color always`.
    func useColor(_ display: DisplayOptions) -> Bool {
        output == nil ? display.useColor(fileDescriptor: 1) : display.color == .always
    }

    /// The pending output; a file that cannot be created there is a usage error (exit 2).
    func open(display: DisplayOptions) throws -> PendingOutput {
        do {
            return try PendingOutput(output.map { .file($0) } ?? .standardOutput)
        } catch {
            report([error], display: display)
            throw ExitCode(2)
        }
    }
}

/// Makes the output appear, or says why it could not (exit 1).
func commit(_ output: PendingOutput, display: DisplayOptions) throws {
    do {
        try output.commit()
    } catch {
        report([error], display: display)
        throw ExitCode(1)
    }
}
