import ScorecardBase

/// An output that keeps each write apart: to see a long report arrive in pieces.
final class PieceOutput: ByteOutput {
    var writes: [[UInt8]] = []
    func write(_ bytes: UnsafeRawBufferPointer) { writes.append(Array(bytes)) }
    func restart() { writes.removeAll() }
    var text: String { String(decoding: writes.joined(), as: UTF8.self) }
}
