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
            (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, and the other ways dates are typed and exported in Chinese offices:
    /// `2025-7-9`, `2025/7/9` (`2025/07/09`), `2025.7.9` and `2025年7月9日`. One separator
    /// throughout; the year has four digits, month and day one or two.
    public init?(_ text: some StringProtocol) {
        // The common `YYYY-MM-DD` straight from the bytes: evidence files hold many dates.
        let plain =
            text.utf8.withContiguousStorageIfAvailable { LocalDate.plainFields($0) }
            ?? Array(text.utf8).withUnsafeBufferPointer { LocalDate.plainFields($0) }
        if let plain {
            self.init(year: plain.year, month: plain.month, day: plain.day)
            return
        }
        guard let fields = LocalDate.writtenFields(String(text)) else { return nil }
        self.init(year: fields.year, month: fields.month, day: fields.day)
    }

    /// Year, month and day of `Y-M-D`, `Y/M/D`, `Y.M.D` or `Y年M月D日`.
    private static func writtenFields(_ text: String) -> (year: Int, month: Int, day: Int)? {
        var parts: [Substring]
        if text.hasSuffix("日"), text.contains("年"), text.contains("月") {
            parts = text.dropLast().split(omittingEmptySubsequences: false) { $0 == "年" || $0 == "月" }
        } else {
            guard let separator = text.first(where: { $0 == "-" || $0 == "/" || $0 == "." }) else { return nil }
            parts = text.split(separator: separator, omittingEmptySubsequences: false)
        }
        guard parts.count == 3, parts[0].count == 4,
            (1...2).contains(parts[1].count), (1...2).contains(parts[2].count),
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return (year, month, day)
    }

    /// The day an Excel date serial number stands for (`45847` → 2025-07-09), as Excel counts
    /// on Windows: day 1 is 1900-01-01, and day 60 the 1900-02-29 that never was. Nil outside
    /// 1900-03-01 … 9999-12-31.
    public init?(excelSerial serial: Int) {
        guard serial > 60, serial <= 2_958_465 else { return nil }
        // Day 61 is 1900-03-01; from there on serial − 1 counts real days from 1899-12-31.
        let fields = LocalDate.civil(fromDays: LocalDate.days(year: 1899, month: 12, day: 30) + serial)
        self.init(year: fields.year, month: fields.month, day: fields.day)
    }

    /// Days since 0000-03-01 (proleptic Gregorian), for day arithmetic.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = y / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra
    }

    /// The inverse of `days(year:month:day:)`.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let era = days / 146_097
        let dayOfEra = days - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
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

    /// `yyyymmdd` as one integer, which orders as the days do: how a packed roster keeps its
    /// dates, compared without making a `LocalDate`.
    public var key: Int32 { Int32(year * 10000 + month * 100 + day) }

    /// The day whose `key` this is; nil for anything else (0 among them).
    public init?(key: Int32) {
        guard key > 0 else { return nil }
        self.init(year: Int(key / 10000), month: Int(key / 100 % 100), day: Int(key % 100))
    }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
