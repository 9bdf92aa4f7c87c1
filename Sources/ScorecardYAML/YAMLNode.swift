import ScorecardBase

/// One node of a loaded YAML document, with the place it was written.
///
/// Aliases are already resolved and merge keys (`<<`) already applied, so a consumer sees plain
/// data; scalars stay strings until the schema that expects them gives them a type, so `no`,
/// `010` or `2021-09-27` never change meaning behind the rule author's back.
public struct YAMLNode: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    /// Where the node starts (for an alias: where the anchored node it stands for starts).
    public var location: SourceLocation
    /// The explicit tag, if the author wrote one (`!!str`, `!custom`), fully resolved.
    public var tag: String?
    /// The anchor the author put on this node, if any (for diff tools and messages).
    public var anchor: String?

    public init(_ content: Content, at location: SourceLocation, tag: String? = nil, anchor: String? = nil) {
        self.content = content
        self.location = location
        self.tag = tag
        self.anchor = anchor
    }

    @inlinable
    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    @inlinable
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    @inlinable
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// The value under a plain scalar key, for mappings; nil otherwise.
    public subscript(key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = content, let index = pairs.firstIndex(where: { $0.key.isScalar(key) }) else { return nil }
        return pairs[index].value
    }

    /// Whether the node is a scalar reading `text`: a key look-up that copies nothing out of the
    /// node (inlinable, as the accessors above, so that other modules read the node in place).
    @inlinable
    public func isScalar(_ text: String) -> Bool {
        if case .scalar(let s) = content { return s.value == text }
        return false
    }

    /// A word for the node's kind in messages to rule authors.
    public var kindDescription: String {
        switch content {
        case .scalar(let s): s.isNull ? "空值" : "标量"
        case .sequence: "列表"
        case .mapping: "映射"
        }
    }
}

/// A key and its value in a mapping, in the order written.
public struct YAMLPair: Hashable, Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A scalar's text exactly as YAML defines it (after unescaping and folding), untyped.
public struct YAMLScalar: Hashable, Sendable {
    public enum Style: String, Hashable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    public var value: String
    public var style: Style
    /// Where the scalar was read from, so its line starts are worked out only when asked
    /// (an error inside it): most scalars of a rule file never need them.
    private var places: Places

    /// A struct rather than an enum of the two cases: an enum would keep its case in the spare
    /// bits of the source's reference, which leak checkers (LeakSanitizer) do not recognise as a
    /// pointer, so every rule file kept for a whole run was reported as leaked.
    private struct Places: Sendable {
        /// Given by whoever made the scalar (no source), or worked out from the source's text.
        var given: [SourceLocation] = []
        var source: YAMLSourceText?
        var start = YAMLMark(line: 0, column: 0)
        var end = YAMLMark(line: 0, column: 0)
    }

    public init(value: String, style: Style, lineStarts: [SourceLocation] = []) {
        self.value = value
        self.style = style
        places = Places(given: lineStarts)
    }

    init(value: String, style: Style, source: YAMLSourceText, start: YAMLMark, end: YAMLMark) {
        self.value = value
        self.style = style
        places = Places(source: source, start: start, end: end)
    }

    /// For each line of `value` (split on "\n"), where its first character sits in the file.
    /// Lets an expression error point at the column inside the scalar. Empty when the mapping
    /// from value to source is not exact (escapes, folded lines); then only the node's location is known.
    public var lineStarts: [SourceLocation] {
        guard let source = places.source else { return places.given }
        return YAMLScalarLineStarts.compute(
            value: value, style: style, start: places.start, end: places.end, source: source, file: source.file)
    }

    /// Plain `~`, `null`, `Null`, `NULL` or nothing at all: YAML's null, whatever the schema.
    @inlinable
    public var isNull: Bool {
        // Longer than "null" is the common case, settled by the byte count alone.
        style == .plain && value.utf8.count <= 4
            && (value.isEmpty || value == "~" || value == "null" || value == "Null" || value == "NULL")
    }

    public static func == (lhs: YAMLScalar, rhs: YAMLScalar) -> Bool {
        lhs.value == rhs.value && lhs.style == rhs.style && lhs.lineStarts == rhs.lineStarts
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(value)
        hasher.combine(style)
    }
}
