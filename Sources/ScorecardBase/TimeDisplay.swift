#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How a moment is shown to people: the local time with its offset from UTC,
/// `2026-01-05 16:30:00 +08:00`. Records keep UTC (`UTCTime.iso8601`); only what is printed
/// for a reader is local. A value, so tests pass a fixed offset; `system` asks the C library
/// (TZ when set, otherwise the machine's zone) for the offset in force at each moment.
public struct TimeDisplay: Sendable {
    private enum Zone: Sendable {
        case fixed(seconds: Int)
        case system
    }

    private let zone: Zone

    /// The machine's zone, or TZ when it is set.
    public static let system = TimeDisplay(zone: .system)

    /// A fixed offset east of UTC, in seconds (`8 * 3600` for Beijing time).
    public init(offsetSeconds: Int) {
        zone = .fixed(seconds: offsetSeconds)
    }

    private init(zone: Zone) {
        self.zone = zone
    }

    /// Seconds east of UTC in force at `time`.
    public func offset(at time: UTCTime) -> Int {
        switch zone {
        case .fixed(let seconds):
            return seconds
        case .system:
            #if canImport(Glibc) || canImport(Darwin)
            var seconds = time_t(time.secondsSinceEpoch)
            var parts = tm()
            tzset()
            guard localtime_r(&seconds, &parts) != nil else { return 0 }
            return Int(parts.tm_gmtoff)
            #else
            return 0
            #endif
        }
    }

    /// `2026-01-05 16:30:00 +08:00`.
    public func text(_ time: UTCTime) -> String {
        let offset = offset(at: time)
        let f = UTCTime(secondsSinceEpoch: time.secondsSinceEpoch + Int64(offset)).fields
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return
            "\(Self.pad(f.year, 4))-\(Self.pad(f.month))-\(Self.pad(f.day)) \(Self.pad(f.hour)):\(Self.pad(f.minute)):\(Self.pad(f.second))"
            + " \(sign)\(Self.pad(minutes / 60)):\(Self.pad(minutes % 60))"
    }

    private static func pad(_ value: Int, _ width: Int = 2) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
