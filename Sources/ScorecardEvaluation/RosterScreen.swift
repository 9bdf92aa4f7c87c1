import ScorecardBase
import ScorecardEvidence
import ScorecardRules

/// Tells apart the areas and officers of a roster that certainly keep the selection rules from
/// those that may not, from the roster's bytes and date keys alone: nearly every area and officer
/// of a large roster is sound, and only the others are read out and judged by `RosterChecks`,
/// which words their problems. Each answer errs only towards "may breach".
struct RosterScreen {
    /// Each quarter's first and last day, as `LocalDate.key`s.
    private let windows: [(first: Int32, last: Int32)]
    private let officersPerArea: Int
    /// Each selection method's bytes, and whether the method `RosterChecks` finds for text
    /// equal to it (the first of those equal as strings) requires a reason.
    private let methods: [(bytes: [UInt8], requiresReason: Bool)]
    private let trainingRequired: Bool

    /// What an open start or end of office counts as, as `RosterChecks` counts it.
    private static let distantPast = LocalDate.distantPast.key
    private static let distantFuture = LocalDate.distantFuture.key

    /// Areas with more officers than this are left to `RosterChecks` whole.
    private static let largestScreenedArea = 64

    init(rules: RosterRules, quarters: [Quarter]) {
        windows = quarters.map { ($0.firstDay.key, $0.lastDay.key) }
        officersPerArea = rules.officersPerArea
        methods = rules.selection.map { method in
            let found = rules.selection.first { $0.method == method.method } ?? method
            return (Array(method.method.utf8), found.requiresReason)
        }
        trainingRequired = rules.training?.required ?? false
    }

    /// `Officer.serves(in:)` for any of the quarters.
    func serves(_ dates: (trainedOn: Int32, from: Int32, until: Int32)) -> Bool {
        windows.contains { window in
            !(dates.from != 0 && dates.from > window.last) && !(dates.until != 0 && dates.until < window.first)
        }
    }

    /// False when the officer's selection is certainly in order: a declared method, written as
    /// the rules write it, with a reason when the method requires one.
    func mayBreachSelection(_ officer: Officer) -> Bool {
        guard !methods.isEmpty else { return false }
        let requiresReason: Bool? = officer.withUTF8(.selection) { written in
            guard !written.isEmpty else { return nil }
            return methods.first { method in method.bytes.withUnsafeBufferPointer { ShortBytes.equal($0, written) } }?.requiresReason
        }
        guard let requiresReason else { return true }
        return requiresReason && officer.withUTF8(.reason) { $0.isEmpty }
    }

    /// False when the officer was certainly trained in time: trained, and not after taking office.
    func mayBreachTraining(_ dates: (trainedOn: Int32, from: Int32, until: Int32)) -> Bool {
        guard trainingRequired else { return false }
        return dates.trainedOn == 0 || (dates.from != 0 && dates.trainedOn > dates.from)
    }

    /// False when the area (its officers' positions in `officers`, in roster order) certainly
    /// never has more officers at once than allowed and is staffed every day of every quarter
    /// from its start.
    func mayBreach(area members: [Int32], of officers: RosterOfficers) -> Bool {
        guard members.count <= Self.largestScreenedArea else { return true }
        if members.count == 1 { return mayBreach(alone: officers[Int(members[0])].dateKeys) }
        var spans: [(from: Int32, until: Int32)] = []
        spans.reserveCapacity(members.count)
        var start: Int32? = Int32.max
        for member in members {
            let dates = officers[Int(member)].dateKeys
            spans.append((dates.from == 0 ? Self.distantPast : dates.from, dates.until == 0 ? Self.distantFuture : dates.until))
            if dates.from == 0 { start = nil } else if let earliest = start { start = min(earliest, dates.from) }
        }
        if members.count > officersPerArea {
            // The most officers in office on one day, counted on the days someone takes office.
            for span in spans where spans.count(where: { $0.from <= span.from && $0.until >= span.from }) > officersPerArea {
                return true
            }
        }
        spans.sort { $0.from < $1.from }
        for window in windows {
            let windowStart = max(window.first, start ?? Self.distantPast)
            guard windowStart <= window.last else { continue }
            var cursor = windowStart
            for span in spans {
                let from = max(span.from, windowStart), until = min(span.until, window.last)
                guard from <= until else { continue }
                if cursor < from { return true }
                if let next = LocalDate(key: until)?.nextDay?.key, next > cursor { cursor = next }
                if until == Self.distantFuture { cursor = Self.distantFuture }
            }
            if cursor <= window.last { return true }
        }
        return false
    }

    /// `mayBreach(area:of:)` for an area of one officer: a gap or a vacancy unless the officer
    /// serves to the end of every quarter from their start on.
    private func mayBreach(alone dates: (trainedOn: Int32, from: Int32, until: Int32)) -> Bool {
        if officersPerArea < 1 { return true }
        guard dates.until != 0 else { return false }
        let start = dates.from == 0 ? Self.distantPast : dates.from
        return windows.contains { window in max(window.first, start) <= window.last && dates.until < window.last }
    }
}
