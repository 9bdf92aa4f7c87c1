/// ANSI SGR colouring that is a no-op when colour is off, so callers never branch on it.
struct ANSIStyle: Sendable {
    var enabled: Bool

    static let red = "31"
    static let green = "32"
    static let yellow = "33"
    static let cyan = "36"
    static let blue = "34"
    static let bold = "1"

    func apply(_ codes: String..., to text: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
    }
}
