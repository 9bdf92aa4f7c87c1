import ScorecardBase
import ScorecardYAML

/// Reads one YAML mapping against the keys a schema allows, reporting unknown keys with a
/// "did you mean" hint, missing required keys, and keys of the wrong shape. Public so that
/// other files kept with the rules (test cases) are read with the same strictness and messages.
public struct MappingReader {
    public let node: YAMLNode
    /// How messages name this mapping, e.g. `项目 i07` or `policy`.
    public var context: String { makeContext() }
    /// Worded only for a message: a large rule set has a mapping per item, and most have none.
    private let makeContext: () -> String
    private let pairs: [YAMLPair]

    /// Nil (with an error) when the node is not a mapping.
    public init?(_ node: YAMLNode, context: @autoclosure @escaping () -> String, allowed: [String], sink: inout DiagnosticSink) {
        guard case .mapping(let pairs) = node.content else {
            sink.append(
                RulesMessages.expectedMapping(spaced(context()), found: node.kindDescription, hint: colonHint(node), at: node.location))
            return nil
        }
        self.node = node
        self.makeContext = context
        self.pairs = pairs
        for pair in pairs {
            guard case .scalar(let keyScalar) = pair.key.content else {
                sink.append(RulesMessages.complexKey(spaced(context()), at: pair.key.location))
                continue
            }
            let key = keyScalar.value
            if !allowed.contains(key) {
                sink.append(RulesMessages.unknownKey(key, in: spaced(context()), allowed: allowed, at: keyLocation(pair)))
            }
        }
    }

    public func has(_ key: String) -> Bool { pairs.contains { $0.key.isScalar(key) } }

    /// The pair's place, found without copying the pairs passed over.
    private func index(of key: String) -> Int? { pairs.firstIndex { $0.key.isScalar(key) } }

    public func optional(_ key: String) -> YAMLNode? {
        guard let index = index(of: key) else { return nil }
        // `key:` with nothing after it reads as absent, the way authors mean it.
        if case .scalar(let scalar) = pairs[index].value.content, scalar.isNull { return nil }
        return pairs[index].value
    }

    public func required(_ key: String, sink: inout DiagnosticSink, hint: String? = nil) -> YAMLNode? {
        if let value = optional(key) { return value }
        let written = index(of: key).map { pairs[$0] }
        sink.append(
            RulesMessages.missingKey(
                key, in: spaced(context), written: written != nil, hint: hint, at: written.map { keyLocation($0) } ?? node.location))
        return nil
    }

    /// `key:` with nothing after it, which reads as absent.
    private func isNull(at index: Int) -> Bool {
        if case .scalar(let scalar) = pairs[index].value.content { return scalar.isNull }
        return false
    }

    /// `optional(key)` read in place by `read`: the value is not copied out of the mapping (a
    /// node holds several references, and most values are only read for their text).
    func optional<T>(_ key: String, _ read: (YAMLNode) -> T?) -> T? {
        guard let index = index(of: key), !isNull(at: index) else { return nil }
        return read(pairs[index].value)
    }

    /// `required(key)` read in place by `read`, with the same message when the key is missing.
    func required<T>(
        _ key: String, sink: inout DiagnosticSink, hint: String? = nil, _ read: (YAMLNode, inout DiagnosticSink) -> T?
    ) -> T? {
        if let index = index(of: key), !isNull(at: index) { return read(pairs[index].value, &sink) }
        _ = required(key, sink: &sink, hint: hint) // missing or null: the same message
        return nil
    }

    /// Records where every key of this mapping was written, as `path.key` (see `KeyPlaces`).
    func recordKeys(under path: String, in keys: inout KeyPlaces) {
        keys.record(mappingAt: path, pairs: pairs)
    }

    /// Where the key itself was written, for messages about the key.
    public func location(ofKey key: String) -> SourceLocation {
        index(of: key).map { keyLocation(pairs[$0]) } ?? node.location
    }
}

func spaced(_ context: String) -> String { context.spacedBeforeChinese }

/// A scalar where a mapping belongs is nearly always a colon typed the Chinese way (`id：i01`)
/// or without the space YAML needs after it (`id:i01`).
func colonHint(_ node: YAMLNode) -> String? {
    guard let text = node.scalar?.value else { return nil }
    if text.contains("：") { return "把全角冒号“：”改为半角冒号“:”，并在冒号后加一个空格，如“id: i01”" }
    if let colon = text.firstIndex(of: ":"), text.index(after: colon) < text.endIndex, text[text.index(after: colon)] != " " {
        return "YAML 的冒号后面要有一个空格：写成“\(text[..<colon]): \(text[text.index(after: colon)...])”"
    }
    return nil
}
