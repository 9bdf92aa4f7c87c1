import ScorecardBase

/// RFC 4180 output with a UTF-8 BOM option, so Chinese Excel opens the file without garbling it.
package struct CSVWriter: Sendable {
    package private(set) var text = ""

    package init(bom: Bool = false) {
        if bom { text = "\u{FEFF}" }
    }

    package mutating func row(_ cells: [String]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { text.append(",") }
            text.append(Self.quoted(cell))
        }
        text.append("\r\n")
    }

    /// Decided on the bytes, not by Character: a CR LF pair is one Character, and so is a comma
    /// or a quote followed by a combining mark, none of them equal to the special alone.
    static func quoted(_ cell: String) -> String {
        // Nearly every cell has none of the four bytes.
        guard cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return cell }
        return "\"" + cell.doublingQuotes() + "\""
    }
}

extension String {
    /// Every `"` written twice, as CSV and Excel formulas escape it; by bytes, so that a quote
    /// followed by a combining mark is doubled too (a UTF-8 quote byte is never part of another
    /// character's bytes).
    func doublingQuotes() -> String {
        guard utf8.contains(0x22) else { return self }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 4)
        for byte in utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for character in self {
            if character == target { out += replacement } else { out.append(character) }
        }
        return out
    }
}

/// One CSV row built as bytes in a buffer the caller reuses: the same cells `CSVWriter.row`
/// writes, without a `String` per cell.
struct CSVRowBytes {
    var bytes: [UInt8] = []
    private var cells = 0

    mutating func start() {
        bytes.removeAll(keepingCapacity: true)
        cells = 0
    }

    private mutating func separate() {
        if cells > 0 { bytes.append(0x2C) }
        cells += 1
    }

    mutating func cell(_ text: String) {
        separate()
        if text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            bytes.append(contentsOf: CSVWriter.quoted(text).utf8)
        } else {
            bytes.append(contentsOf: text.utf8)
        }
    }

    mutating func cell(_ value: ExactDecimal?, scale: Int) {
        separate()
        value?.appendFormatted(scale: scale, to: &bytes)
    }

    /// A cell of UTF-8 bytes (an officer's packed text), quoted as `cell(_:)` would quote it.
    mutating func cell(utf8 text: UnsafeBufferPointer<UInt8>) {
        for byte in text where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            // Rare: the string way decides the quoting.
            cell(String(decoding: text, as: UTF8.self))
            return
        }
        separate()
        bytes.append(contentsOf: text)
    }

    /// A whole number (a rank), as `String(value)` writes it.
    mutating func cell(integer value: Int) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var divisor: UInt = 1
        while magnitude / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude / divisor))
            magnitude %= divisor
            divisor /= 10
        }
    }

    /// A fixed-point number (`value × 10^-places`), as `cell(_:scale:)` writes the same
    /// decimal at its own places.
    mutating func cell(fixed value: Int64, places: Int) {
        separate()
        ExactDecimal.appendFixedPoint(value, places: places, to: &bytes)
    }

    mutating func end() {
        bytes.append(0x0D)
        bytes.append(0x0A)
    }
}
