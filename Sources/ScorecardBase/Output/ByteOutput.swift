/// Somewhere bytes of output go, shared by the report writing them and the command that owns
/// the destination: a pending file or standard output, a spool, a string being built.
public protocol ByteOutput: AnyObject {
    func write(_ bytes: UnsafeRawBufferPointer)
    /// Forgets everything written so far, to start again.
    func restart()
}

extension ByteOutput {
    public func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    public func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }
}

/// Output kept as one string: for reports of a mine's size and for tests.
public final class StringOutput: ByteOutput {
    private var bytes: [UInt8] = []

    public init() {}

    public func write(_ bytes: UnsafeRawBufferPointer) { self.bytes.append(contentsOf: bytes) }
    public func restart() { bytes.removeAll() }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

extension PendingOutput: ByteOutput {}

extension ByteSpool: ByteOutput {
    public func write(_ bytes: UnsafeRawBufferPointer) { append(bytes) }
    public func restart() { removeAll() }
}
