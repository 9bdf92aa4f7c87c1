/// A calendar quarter, the unit the policy assesses officers in (clause 2.4).
public struct Quarter: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let year: Int
    /// 1...4
    public let number: Int

    public init?(year: Int, number: Int) {
        guard (1...9999).contains(year), (1...4).contains(number) else { return nil }
        self.year = year
        self.number = number
    }

    /// Accepts `2025-Q1`, `2025Q1` and `2025-q1`.
    public init?(_ text: some StringProtocol) {
        let upper = text.uppercased()
        let parts = upper.split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        var yearText = parts[0]
        if yearText.hasSuffix("-") { yearText = yearText.dropLast() }
        guard yearText.count == 4, let year = Int(yearText), parts[1].count == 1, let number = Int(parts[1])
        else { return nil }
        self.init(year: year, number: number)
    }

    public var firstDay: LocalDate {
        // Month 1, 4, 7 or 10, day 1: always a valid date.
        LocalDate(year: year, month: (number - 1) * 3 + 1, day: 1)!
    }

    public var lastDay: LocalDate {
        let month = number * 3
        return LocalDate(year: year, month: month, day: LocalDate.daysIn(month: month, year: year))!
    }

    public func contains(_ date: LocalDate) -> Bool { firstDay <= date && date <= lastDay }

    public var description: String { "\(year)-Q\(number)" }

    public static func < (lhs: Quarter, rhs: Quarter) -> Bool { (lhs.year, lhs.number) < (rhs.year, rhs.number) }
}
