/// The problems of reading and writing files and the input limits, shared by every layer; each raw value is the code docs/ documents.
public enum InputCode: String, DiagnosticCode {
    case badLimit = "input.bad-limit"
    case fileTooLarge = "input.file-too-large"
    case list = "io.list"
    case notRegularFile = "io.not-regular-file"
    case read = "io.read"
    case temporary = "io.temporary"
    case write = "io.write"
}
