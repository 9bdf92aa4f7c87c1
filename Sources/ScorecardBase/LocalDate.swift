/// A calendar date without time or zone, as evidence and effective dates are written (`2025-03-31`).
///
/// Kept apart from Foundation's `Date` on purpose: a policy date is a day on the mine's calendar,
/// not an instant, and must never shift with the machine's time zone.
public struct LocalDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the parts name a real day of the proleptic Gregorian calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; also accepts `YYYY/MM/DD` and `YYYY/M/D`, which Chinese
    /// spreadsheet software writes when it exports dates.
    public init?(_ text: some StringProtocol) {
        // The common `YYYY-MM-DD` straight from the bytes: evidence files hold many dates.
        let plain = text.utf8.withContiguousStorageIfAvailable { LocalDate.plainFields($0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { LocalDate.plainFields($0) }
        if let plain {
            self.init(year: plain.year, month: plain.month, day: plain.day)
            return
        }
        let separators: Set<Character> = ["-", "/"]
        let parts = text.split(omittingEmptySubsequences: false) { separators.contains($0) }
        guard parts.count == 3,
              parts[0].count == 4,
              (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        let usesDash = text.contains("-")
        if usesDash && (parts[1].count != 2 || parts[2].count != 2 || text.contains("/")) { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Year, month and day of exactly `YYYY-MM-DD` (digits and dashes, not yet range-checked).
    private static func plainFields(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int, day: Int)? {
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
        var fields = (year: 0, month: 0, day: 0)
        for index in 0..<10 where index != 4 && index != 7 {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            if index < 4 {
                fields.year = fields.year * 10 + Int(digit)
            } else if index < 7 {
                fields.month = fields.month * 10 + Int(digit)
            } else {
                fields.day = fields.day * 10 + Int(digit)
            }
        }
        return fields
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
