/// One problem found in a rule file, an evidence file or a run, as a value.
///
/// Problems found while loading or checking are collected, so a policy officer sees every
/// mistake in one run; a step that can fail only once says so with `throws(Diagnostic)`.
/// `message` is a plain sentence for the person who edits the file; `hint` says what to do
/// about it (a `suggestion`'s question, then any `advice`); `code` is a stable identifier for
/// tests, docs and scripts, the raw value of a case in a layer's catalog (`DiagnosticCode`).
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Comparable {
        case error
        case warning
        case note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    /// A secondary place that helps explain the problem (e.g. the first of two duplicate ids).
    public struct Note: Hashable, Sendable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    /// The raw value of a catalog's code (`rules.unknown-key`): what output, tests and scripts match.
    public var code: String
    public var message: String
    /// The fix this problem offers, if any; `hint` shows it first.
    public var suggestion: Suggestion?
    /// Advice beyond the suggestion (or instead of one).
    public var advice: String?
    public var location: SourceLocation?
    public var notes: [Note]
    /// What the problem is about, by the name the file uses (a field's id, a column's title, a
    /// list's id), for code that acts on a problem rather than showing it: never shown, so
    /// matching the wording is never needed.
    public var subject: String?

    /// What to do about it, as shown: the suggestion's question, then any advice. Setting it
    /// replaces both, so a hint set is the hint read back.
    public var hint: String? {
        get { Suggestion.hint(suggestion, then: advice) }
        set {
            suggestion = nil
            advice = newValue
        }
    }

    /// A problem that passes on a code it was given as text (from another problem or a test).
    public init(
        _ severity: Severity = .error,
        code: String,
        message: String,
        hint: String? = nil,
        at location: SourceLocation? = nil,
        notes: [Note] = []
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.advice = hint
        self.location = location
        self.notes = notes
    }

    public init(
        _ severity: Severity = .error,
        code: some DiagnosticCode,
        message: String,
        hint: String? = nil,
        at location: SourceLocation? = nil,
        notes: [Note] = []
    ) {
        self.init(severity, code: code.rawValue, message: message, hint: hint, at: location, notes: notes)
    }

    public static func error(
        _ code: some DiagnosticCode, _ message: String, hint: String? = nil, at location: SourceLocation?, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.error, code: code.rawValue, message: message, hint: hint, at: location, notes: notes)
    }

    public static func warning(
        _ code: some DiagnosticCode, _ message: String, hint: String? = nil, at location: SourceLocation?, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.warning, code: code.rawValue, message: message, hint: hint, at: location, notes: notes)
    }

    /// For a code passed on as text (from another problem or a test); new problems name a
    /// catalog's case instead.
    public static func error(
        _ code: String, _ message: String, hint: String? = nil, at location: SourceLocation?, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.error, code: code, message: message, hint: hint, at: location, notes: notes)
    }

    /// For a code passed on as text (from another problem or a test); new problems name a
    /// catalog's case instead.
    public static func warning(
        _ code: String, _ message: String, hint: String? = nil, at location: SourceLocation?, notes: [Note] = []
    ) -> Diagnostic {
        Diagnostic(.warning, code: code, message: message, hint: hint, at: location, notes: notes)
    }

    /// The same problem, saying what it is about (`subject`).
    public func about(_ subject: String) -> Diagnostic {
        var copy = self
        copy.subject = subject
        return copy
    }

    /// One line, `file:line:column: error[code]: message`, for logs and tests.
    public var description: String {
        var text = ""
        if let location { text += "\(location): " }
        text += "\(severity.rawValue)[\(code)]: \(message)"
        if let hint { text += " (hint: \(hint))" }
        return text
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// Errors first by place, the order a reader goes through a file.
    public func sortedForDisplay() -> [Diagnostic] {
        enumerated().sorted { a, b in
            switch (a.element.location, b.element.location) {
            // Places that differ only in underline length keep the order they were found in.
            case let (l?, r?) where l < r || r < l: return l < r
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.offset < b.offset
            }
        }.map(\.element)
    }
}

/// A diagnostic is its own error: the failure of a typed throw, one problem fully described.
extension Diagnostic: Error {}
