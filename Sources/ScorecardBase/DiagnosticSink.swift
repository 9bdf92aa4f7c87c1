/// Where loaders and checks put the problems they find, so a person sees every mistake of a
/// file in one run: each step takes `sink: inout DiagnosticSink` and returns what it could
/// read. A step that can fail only once throws `Diagnostic` instead.
public struct DiagnosticSink: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    /// Names whose declaration was already reported as broken (a field with a misspelt type, an
    /// item whose points are not a number): a later use of one stays quiet, so one mistake
    /// gives one message, not one more for every place that names it.
    private var brokenNames: Set<String> = []

    public init() {}

    public mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public mutating func append(contentsOf other: some Sequence<Diagnostic>) { diagnostics.append(contentsOf: other) }

    public mutating func error(
        _ code: some DiagnosticCode, _ message: String, hint: String? = nil, at location: SourceLocation?,
        notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(.error(code, message, hint: hint, at: location, notes: notes))
    }

    public mutating func warning(_ code: some DiagnosticCode, _ message: String, hint: String? = nil, at location: SourceLocation?) {
        diagnostics.append(.warning(code, message, hint: hint, at: location))
    }

    public var hasErrors: Bool { diagnostics.hasErrors }

    public var isEmpty: Bool { diagnostics.isEmpty }

    /// Marks names whose own declaration has just been reported (see `isBroken`).
    public mutating func markBroken(_ names: some Sequence<String>) { brokenNames.formUnion(names) }

    /// Whether a problem about using `name` would only echo one already reported.
    public func isBroken(_ name: String) -> Bool { brokenNames.contains(name) }

    /// Hands the collected problems over, leaving the sink empty.
    public mutating func take() -> [Diagnostic] {
        defer { diagnostics = [] }
        return diagnostics
    }
}
