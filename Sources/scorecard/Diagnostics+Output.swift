import ScorecardBase
import ScorecardEvidence
import ScorecardReport

/// Prints problems the way a compiler does, with the offending line and a caret, on stderr.
func report(_ diagnostics: [Diagnostic], display: DisplayOptions) {
    guard !diagnostics.isEmpty else { return }
    let diagnostics = diagnostics.foldingDroppedRowEchoes()
    // Only the lines shown are read, so a message about a large file costs those lines.
    var wanted: [String: Set<Int>] = [:]
    for diagnostic in diagnostics {
        for location in [diagnostic.location] + diagnostic.notes.map(\.location) {
            if let location, location.sheet == nil { wanted[location.file, default: []].insert(location.line) }
        }
    }
    let lines = wanted
    let renderer = DiagnosticRenderer(
        color: display.useColor(fileDescriptor: 2),
        sourceLines: { path in
            SourceLineReader.lines(of: path, wanted: lines[path] ?? [])
        })
    writeError(renderer.render(diagnostics))
}

/// The lines of a rule or evidence file, decoded as the readers decoded them (UTF-8 or GB18030),
/// so the echoed line matches what the caret points at. Split at LF, CRLF and CR by scalars, as
/// the readers count lines: "\r\n" is a single Character, so splitting the String at "\n"
/// would leave a CRLF file as one line.
@Sendable func sourceLines(_ path: String) -> [String]? {
    guard let bytes = try? FileSystem.read(path),
        let decoded = try? TextDecoding.decode(bytes, file: path)
    else { return nil }
    return SourceLines.split(decoded.text)
}
