/// The names an expression may read, their types, and the record slot each one lives in.
///
/// The caller decides namespaces: a dotted name such as `score.i07` is declared and looked up
/// whole. Slots are resolved at compile time so evaluation indexes an array, never a dictionary.
public struct ExpressionEnvironment: Sendable {
    struct Entry: Sendable {
        var type: ValueType
        var slot: Int
        var choices: [String]?
    }

    private(set) var entries: [String: Entry] = [:]
    /// Names people call a declared name by (a field's Chinese name → its id): not names an
    /// expression may use, but what an unknown name is checked against, to say which id to write.
    private(set) var labels: [String: String] = [:]

    public init() {}

    /// Declares or redeclares `name`. `slot` indexes the `[Value]` given to `evaluate`.
    /// `choices`, for text, lists the only words the value can be, so that comparing it with a
    /// misspelt word (`level == "旷"`) is caught when the rules load rather than never matching.
    public mutating func declare(_ name: String, type: ValueType, slot: Int, choices: [String]? = nil) {
        entries[name] = Entry(type: type, slot: slot, choices: choices)
    }

    /// Records that `label` (say 按时准确上报次数) is what people call `name` (reports_on_time),
    /// so that a formula written with the label is told the name to write instead.
    public mutating func label(_ label: String, means name: String) {
        guard !label.isEmpty, label != name else { return }
        labels[label] = name
    }

    /// The declared name `label` stands for, if it is a known label.
    func name(labelled label: String) -> String? { labels[label] }

    /// Declared names, sorted.
    public var names: [String] { entries.keys.sorted() }

    func lookup(_ name: String) -> Entry? { entries[name] }
}
