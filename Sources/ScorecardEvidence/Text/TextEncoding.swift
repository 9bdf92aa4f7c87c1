/// The encodings evidence files arrive in: UTF-8 from modern tools, GB18030 (a superset of GBK)
/// from Chinese Excel and WPS when staff choose plain "CSV (逗号分隔)".
public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"

    /// The name shown to office staff in messages.
    var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        }
    }
}

/// A whole file decoded to a `String`, with what was found out about its bytes.
public struct DecodedText: Sendable, Hashable {
    public var text: String
    public var encoding: TextEncoding
    /// Whether a byte order mark was present (and removed); Excel's "CSV UTF-8" writes one.
    public var hadBOM: Bool

    public init(text: String, encoding: TextEncoding, hadBOM: Bool) {
        self.text = text
        self.encoding = encoding
        self.hadBOM = hadBOM
    }
}
