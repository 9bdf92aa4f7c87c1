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
        public var question: String { Self.question(offering: [(self, "")]) }

        /// `是否想写“石磊”（10533）？`: one question offering several replacements, each followed by
        /// what tells it apart (an officer's id), when one word may name more than one.
        public static func question(offering choices: [(suggestion: Suggestion, gloss: String)]) -> String {
            "是否想写" + choices.map { "“\($0.suggestion.replacement)”\($0.gloss)" }.joined(separator: "、") + "？"
        }

        /// A hint as shown: the suggestion's question, then the advice (`是否想写“季度”？可选：季度、年度`).
        public static func hint(_ suggestion: Suggestion?, then advice: String?) -> String? {
            guard let suggestion else { return advice }
            return suggestion.question + (advice ?? "")
        }
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

    /// This problem passing on a lower layer's hint (an expression's, a cell value's): its
    /// suggestion, now at `range`, and its advice; the hint this problem was made with stays
    /// only when the lower one had neither.
    public func passingOn(_ suggestion: Suggestion?, advice: String?, replacing range: SourceLocation?) -> Diagnostic {
        var passed = self
        if let suggestion {
            passed.suggestion = Suggestion(suggestion.replacement, replacing: range ?? suggestion.range)
            passed.advice = advice
        } else if let advice {
            passed.advice = advice
        }
        return passed
    }
}
