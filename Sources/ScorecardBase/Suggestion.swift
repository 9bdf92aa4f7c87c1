extension Diagnostic {
    /// A fix-it: the text the person most likely meant and the place it would replace, as a
    /// value, so every "did you mean" is worded by `question` alone and a tool could apply it.
    public struct Suggestion: Hashable, Sendable {
        /// What to write instead.
        public var replacement: String
        /// The text it replaces; nil when the place is not known.
        public var range: SourceLocation?

        public init(_ replacement: String, replacing range: SourceLocation? = nil) {
            self.replacement = replacement
            self.range = range
        }

        /// `是否想写“…”？`, the one wording of a suggestion.
        public var question: String { "是否想写“\(replacement)”？" }
    }

    /// This problem offering `replacement`, when there is one: instead of its hint, or with
    /// `keepingHint` ahead of it (`是否想写“季度”？可选：季度、年度`).
    public func suggesting(_ replacement: String?, replacing range: SourceLocation?, keepingHint: Bool = false) -> Diagnostic {
        guard let replacement else { return self }
        var offered = self
        offered.suggestion = Suggestion(replacement, replacing: range)
        if !keepingHint { offered.advice = nil }
        return offered
    }
}
