import ScorecardBase

/// RFC 4180 output with a UTF-8 BOM option, so Chinese Excel opens the file without garbling it.
public struct CSVWriter: Sendable {
    public private(set) var text = ""

    public init(bom: Bool = false) {
        if bom { text = "\u{FEFF}" }
    }

    public mutating func row(_ cells: [String]) {
        for (index, cell) in cells.enumerated() {
            if index > 0 { text.append(",") }
            text.append(Self.quoted(cell))
        }
        text.append("\r\n")
    }

    static func quoted(_ cell: String) -> String {
        // Nearly every cell has none of the four bytes: decide that without going by characters.
        var mayNeedQuotes = false
        for byte in cell.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            mayNeedQuotes = true
            break
        }
        guard mayNeedQuotes else { return cell }
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingAll("\"", with: "\"\"") + "\""
    }
}

extension String {
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
        var needsQuotes = false
        for byte in text.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
            needsQuotes = true
            break
        }
        if needsQuotes {
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

    /// A fixed-point number (`value × 10^-places`), as `cell(_:scale:)` writes the same
    /// decimal at its own places.
    mutating func cell(fixed value: Int64, places: Int) {
        separate()
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
            var count = 0
            repeat {
                digits[count] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
                count += 1
                magnitude /= 10
            } while magnitude != 0
            while count <= places {
                digits[count] = UInt8(ascii: "0")
                count += 1
            }
            var index = count - 1
            while index >= places {
                bytes.append(digits[index])
                index -= 1
            }
            if places > 0 {
                bytes.append(UInt8(ascii: "."))
                while index >= 0 {
                    bytes.append(digits[index])
                    index -= 1
                }
            }
        }
    }

    mutating func end() {
        bytes.append(0x0D)
        bytes.append(0x0A)
    }
}
