import ScorecardBase
import ScorecardYAML

/// Collects every problem found while reading rule files, so one run reports them all.
public struct DiagnosticSink: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []
    /// Names whose declaration was already reported as broken (a field with a misspelt type,
    /// an item whose points are not a number): an expression reading one of them fails
    /// quietly rather than adding "unknown name" to the one real mistake.
    var brokenNames: Set<String> = []
    /// Where the keys were written, for the policy to keep (`PolicyMetadata.keys`).
    var keyPlaces = KeyPlaces()

    public init() {}

    public mutating func error(
        _ code: some DiagnosticCode, _ message: String, hint: String? = nil, at location: SourceLocation?, notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(.error(code, message, hint: hint, at: location, notes: notes))
    }

    public mutating func warning(_ code: some DiagnosticCode, _ message: String, hint: String? = nil, at location: SourceLocation?) {
        diagnostics.append(.warning(code, message, hint: hint, at: location))
    }

    public mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public mutating func append(contentsOf other: [Diagnostic]) { diagnostics.append(contentsOf: other) }

    public var hasErrors: Bool { diagnostics.hasErrors }
}

/// The location of a key, for problems that are about the key itself rather than its value.
public func keyLocation(_ pair: YAMLPair) -> SourceLocation {
    var location = pair.key.location
    if let text = pair.key.scalar?.value { location.length = max(1, text.unicodeScalars.count) }
    return location
}

/// The location of a scalar spanning its whole text, for underlining the value.
public func valueLocation(_ node: YAMLNode) -> SourceLocation {
    guard let scalar = node.scalar, !scalar.value.isEmpty, !scalar.value.contains("\n") else { return node.location }
    return node.location(ofScalarOffset: 0, length: scalar.value.unicodeScalars.count)
}
