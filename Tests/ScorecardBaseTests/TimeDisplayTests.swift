import ScorecardBase
import Testing

@Suite struct TimeDisplayTests {
    static let time = UTCTime(year: 2026, month: 1, day: 5, hour: 20, minute: 30, second: 7)!

    @Test func localTimeWithItsOffset() {
        #expect(TimeDisplay(offsetSeconds: 8 * 3600).text(Self.time) == "2026-01-06 04:30:07 +08:00", "the next day in Beijing")
        #expect(TimeDisplay(offsetSeconds: 0).text(Self.time) == "2026-01-05 20:30:07 +00:00")
        #expect(TimeDisplay(offsetSeconds: -(3 * 3600 + 30 * 60)).text(Self.time) == "2026-01-05 17:00:07 -03:30")
        #expect(TimeDisplay(offsetSeconds: 5 * 3600 + 45 * 60).text(Self.time) == "2026-01-06 02:15:07 +05:45")
    }

    @Test func theSystemZoneIsAsked() {
        // Whatever the machine's zone, the offset is whole minutes within a day.
        let offset = TimeDisplay.system.offset(at: Self.time)
        #expect(abs(offset) < 86_400 && offset % 60 == 0)
    }
}
