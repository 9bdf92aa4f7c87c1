#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Long text on a terminal goes through a pager, as git does: `$PAGER` (default `less`, with
/// `LESS=FRX` unless LESS is set: quit when it fits one screen, keep colours, leave the text on
/// the screen). Only when standard output is a terminal; `--no-pager` or `PAGER=cat` turn it off.
struct Pager {
    /// Set for the rest of the run once a pager has taken standard output, so that colour
    /// (`--color auto`) still counts it as the terminal it ends on.
    static let inUseVariable = "SCORECARD_PAGER_IN_USE"

    private let process: pid_t
    private let tookStandardError: Bool

    static var inUse: Bool { getenv(inUseVariable) != nil }

    /// Starts the pager and points standard output (and standard error, when it is the same
    /// terminal) at it; nil when there is no terminal or no pager to use.
    static func start() -> Pager? {
        guard isatty(1) == 1 else { return nil }
        let configured = getenv("PAGER").map { String(cString: $0) }
        let command = configured ?? "less"
        guard !command.allSatisfy({ $0 == " " }), command != "cat" else { return nil }
        // What the text is laid out for, and what the pager is told, are the terminal's width.
        if Terminal.columnsVariable == nil, let width = Terminal.windowWidth(of: 1) { setenv("COLUMNS", String(width), 1) }
        if getenv("LESS") == nil { setenv("LESS", "FRX", 1) }
        if getenv("LV") == nil { setenv("LV", "-c", 1) }

        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        #if canImport(Darwin)
        var actions: posix_spawn_file_actions_t?
        #else
        var actions = posix_spawn_file_actions_t()
        #endif
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
        posix_spawn_file_actions_addclose(&actions, ends[0])
        posix_spawn_file_actions_addclose(&actions, ends[1])
        let arguments = ["sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, nil, argv, environ)
        close(ends[0])
        guard spawned == 0 else {
            close(ends[1])
            return nil
        }
        let sameTerminal = isatty(2) == 1
        dup2(ends[1], 1)
        if sameTerminal { dup2(ends[1], 2) }
        close(ends[1])
        setenv(inUseVariable, "1", 1)
        return Pager(process: pid, tookStandardError: sameTerminal)
    }

    /// Ends the output and waits for the reader to quit the pager.
    func finish() {
        close(1)
        if tookStandardError { close(2) }
        var status: Int32 = 0
        while waitpid(process, &status, 0) < 0 && errno == EINTR {}
    }
}

/// A command whose text output is worth paging when it goes to a terminal.
protocol PagedCommand {
    var pagesOutput: Bool { get }
}

extension EvaluateCommand: PagedCommand {
    var pagesOutput: Bool { format == .text && destination.output == nil && !display.noPager }
}

extension AnnualCommand: PagedCommand {
    var pagesOutput: Bool { format == .text && output.output == nil && !display.noPager }
}

extension VacancyCommand: PagedCommand {
    var pagesOutput: Bool { format == .text && !display.noPager }
}

extension EligibilityCommand: PagedCommand {
    var pagesOutput: Bool { format == .text && !display.noPager }
}

extension ExplainCommand: PagedCommand {
    var pagesOutput: Bool { !display.noPager }
}

extension CheckCommand: PagedCommand {
    var pagesOutput: Bool { format == .text && !display.noPager }
}

extension DiffCommand: PagedCommand {
    var pagesOutput: Bool { format != .json && !display.noPager }
}
