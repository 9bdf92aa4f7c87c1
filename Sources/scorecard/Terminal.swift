#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What the CLI knows of the terminal its results go to.
enum Terminal {
    /// The width to lay text out for: `COLUMNS` when set to a number (as for `ls` and `git`,
    /// whatever the output is), else the width of the terminal on standard output, else nil
    /// (a file or a pipe: no limit).
    static func width() -> Int? {
        columnsVariable ?? windowWidth(of: 1)
    }

    /// `COLUMNS`, when it holds a positive number.
    static var columnsVariable: Int? {
        guard let text = getenv("COLUMNS").map({ String(cString: $0) }), let columns = Int(text), columns > 0 else { return nil }
        return columns
    }

    /// TIOCGWINSZ of a terminal descriptor; nil when it is not a terminal.
    static func windowWidth(of descriptor: Int32) -> Int? {
        guard isatty(descriptor) == 1 else { return nil }
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }
}
