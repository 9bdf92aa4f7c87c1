import ScorecardBase
import ScorecardEvidence
import ScorecardRules

/// The roster against the selection rules of clause 2.2.2, over the quarters being checked:
/// each responsibility area staffed by exactly `officers_per_area` officers at a time, each
/// officer chosen by a declared method (with a reason where the method requires one) and trained.
///
/// Areas are the unit/area pairs found in the roster; an area exists from the day its first
/// officer took office. A handover on consecutive days (one leaves on 06-30, the next starts on
/// 07-01) is neither an overlap nor a gap.
public struct RosterChecks: Sendable {
    public let rules: RosterRules
    public let roster: Roster

    public init(rules: RosterRules, roster: Roster) {
        self.rules = rules
        self.roster = roster
    }

    /// Every breach into `sink`, in file order. Officers are judged only if they serve in one of
    /// `quarters`: a record from years ago is not this year's concern.
    ///
    /// Each area and officer is first screened from the roster's bytes and date keys
    /// (`RosterScreen`); only one that may breach a rule is read out and worded, so a roster of a
    /// million sound officers makes no string and no array per officer or area.
    public func check(quarters: [Quarter], sink: inout DiagnosticSink) {
        sink.append(contentsOf: check(quarters: quarters, screening: true))
    }

    /// Every breach, in file order, as a list; `screening: false` judges every area and officer
    /// in full, as a test's reference.
    func check(quarters: [Quarter], screening: Bool) -> [Diagnostic] {
        let quarters = Array(Set(quarters)).sorted()
        guard !quarters.isEmpty else { return [] }
        let screen = RosterScreen(rules: rules, quarters: quarters)
        let officers = roster.officers
        var problems: [Diagnostic] = []
        forEachArea { members in
            guard !screening || screen.mayBreach(area: members, of: officers) else { return }
            let area = Area(officers: members.map { officers[Int($0)] })
            problems += overlaps(in: area, quarters: quarters)
            problems += vacancies(in: area, quarters: quarters)
        }
        for position in officers.indices {
            let officer = officers[position]
            let dates = officer.dateKeys
            guard screening ? screen.serves(dates) : quarters.contains(where: officer.serves(in:)) else { continue }
            if !screening || screen.mayBreachSelection(officer) { problems += selection(of: officer) }
            if !screening || screen.mayBreachTraining(dates) { problems += training(of: officer) }
        }
        return problems.sortedForDisplay()
    }

    // MARK: Areas

    struct Area {
        /// In roster order.
        var officers: [Officer]
        /// Written as the area's first officer's row writes it.
        var name: String { officers.first.map { $0.unit + $0.area } ?? "" }
        /// The day the area's first officer took office; nil when one has no start recorded.
        var start: LocalDate? {
            officers.contains { $0.from == nil } ? nil : officers.compactMap(\.from).min()
        }
    }

    /// Every area (unit and shift), as the positions of its officers in roster order, areas in
    /// the order they first appear, one at a time: a roster of a million officers is grouped
    /// through small integers over the names' bytes, and one array of positions is reused from
    /// area to area.
    func forEachArea(_ body: ([Int32]) -> Void) {
        let officers = roster.officers
        let count = officers.count
        guard count > 0 else { return }
        var size = 16
        while size < count * 2 { size <<= 1 }
        let mask = size - 1
        var table = [Int32](repeating: -1, count: size) // a group's index
        var first: [Int32] = [] // per group: its first officer
        var last: [Int32] = [] // per group: its last officer so far
        var next = [Int32](repeating: -1, count: count) // per officer: the next one in its group
        for index in 0..<count {
            let officer = officers[index]
            var slot = officer.withUTF8(.unit) { unit in officer.withUTF8(.area) { area in Self.hash(unit, area) } } & mask
            while true {
                let group = Int(table[slot])
                if group < 0 {
                    table[slot] = Int32(first.count)
                    first.append(Int32(index))
                    last.append(Int32(index))
                    break
                }
                // The same bytes: what one roster file writes for the same area.
                if Self.sameArea(officers[Int(first[group])], officer) {
                    next[Int(last[group])] = Int32(index)
                    last[group] = Int32(index)
                    break
                }
                slot = (slot + 1) & mask
            }
        }
        var members: [Int32] = []
        for group in first.indices {
            members.removeAll(keepingCapacity: true)
            var index = first[group]
            while index >= 0 {
                members.append(index)
                index = next[Int(index)]
            }
            body(members)
        }
    }

    private static func sameArea(_ one: Officer, _ other: Officer) -> Bool {
        one.withUTF8(.unit) { a in other.withUTF8(.unit) { b in ShortBytes.equal(a, b) } }
            && one.withUTF8(.area) { a in other.withUTF8(.area) { b in ShortBytes.equal(a, b) } }
    }

    /// The unit's bytes and the area's, hashed as two parts of one key.
    private static func hash(_ unit: UnsafeBufferPointer<UInt8>, _ area: UnsafeBufferPointer<UInt8>) -> Int {
        Int(truncatingIfNeeded: ShortBytes.hash(area, seed: ShortBytes.hash(unit)))
    }

    /// More officers at once than the rules allow: reported at the `from` cell of the officer
    /// whose start made one too many, with the others' rows as notes.
    private func overlaps(in area: Area, quarters: [Quarter]) -> [Diagnostic] {
        let sorted = area.officers.sorted { ($0.from ?? .distantPast) < ($1.from ?? .distantPast) }
        var problems: [Diagnostic] = []
        for (index, officer) in sorted.enumerated() {
            let start = officer.from ?? .distantPast
            let others = sorted[..<index].filter { ($0.until ?? .distantFuture) >= start }
            guard others.count + 1 > rules.officersPerArea else { continue }
            let end = (others + [officer]).map { $0.until ?? .distantFuture }.min() ?? .distantFuture
            let affected = quarters.filter { $0.firstDay <= end && start <= $0.lastDay }
            guard !affected.isEmpty else { continue }
            problems.append(
                EvaluationMessages.areaOverlap(
                    area.name, from: start, to: end, officer: officer, others: others, perArea: rules.officersPerArea,
                    affected: affected, clause: rules.clause))
        }
        return problems
    }

    /// Quarters (from the area's start) with no officer at all are errors, listed once per area;
    /// days without one inside a quarter that has one (a late successor) are warnings.
    private func vacancies(in area: Area, quarters: [Quarter]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        var vacant: [Quarter] = []
        var gaps: [(start: LocalDate, end: LocalDate)] = []
        for quarter in quarters {
            let windowStart = max(quarter.firstDay, area.start ?? .distantPast)
            guard windowStart <= quarter.lastDay else { continue }
            let spans = area.officers.compactMap { officer -> (LocalDate, LocalDate)? in
                let start = max(officer.from ?? windowStart, windowStart), end = min(officer.until ?? quarter.lastDay, quarter.lastDay)
                return start <= end ? (start, end) : nil
            }.sorted { $0.0 < $1.0 }
            if spans.isEmpty {
                vacant.append(quarter)
                continue
            }
            var cursor = windowStart
            for (start, end) in spans {
                if cursor < start, let last = start.previousDay { appendGap(cursor, last, to: &gaps) }
                if let next = end.nextDay, next > cursor { cursor = next }
                if end == .distantFuture { cursor = .distantFuture }
            }
            if cursor <= quarter.lastDay { appendGap(cursor, quarter.lastDay, to: &gaps) }
        }
        if let first = vacant.first {
            let leaver = lastToLeave(in: area, before: first.firstDay)
            problems.append(
                EvaluationMessages.areaVacant(
                    area.name, in: vacant, perArea: rules.officersPerArea, clause: rules.clause,
                    at: leaver.map { $0.location(ofColumn: "until") } ?? area.officers.first?.location))
        }
        for gap in gaps {
            let leaver = lastToLeave(in: area, before: gap.start)
            let successor = area.officers.first { $0.from.flatMap(\.previousDay) == gap.end }
            problems.append(
                EvaluationMessages.areaGap(
                    area.name, from: gap.start, to: gap.end, clause: rules.clause,
                    at: leaver.map { $0.location(ofColumn: "until") } ?? area.officers.first?.location, successor: successor))
        }
        return problems
    }

    /// A gap continuing the previous one (across a quarter boundary) extends it.
    private func appendGap(_ start: LocalDate, _ end: LocalDate, to gaps: inout [(start: LocalDate, end: LocalDate)]) {
        if let last = gaps.last, last.end.nextDay == start {
            gaps[gaps.count - 1].end = end
        } else {
            gaps.append((start, end))
        }
    }

    private func lastToLeave(in area: Area, before day: LocalDate) -> Officer? {
        area.officers.filter { $0.until.map { $0 < day } ?? false }.max { ($0.until ?? .distantPast) < ($1.until ?? .distantPast) }
    }

    // MARK: Officers

    /// Chosen by a declared method (clause 2.2.2.2), with a reason when the method needs one.
    private func selection(of officer: Officer) -> [Diagnostic] {
        guard !rules.selection.isEmpty else { return [] }
        // Worded only for a problem: most officers of a large roster have none.
        var methods: [String] { rules.selection.map(\.method) }
        guard let written = officer.selection else {
            return [EvaluationMessages.missingSelection(of: officer, methods: methods, clause: rules.selection.first?.clause)]
        }
        guard let method = rules.selection.first(where: { $0.method == written }) else {
            return [EvaluationMessages.unknownSelection(written, of: officer, methods: methods)]
        }
        if method.requiresReason, officer.reason == nil {
            return [EvaluationMessages.missingReason(of: officer, method: method)]
        }
        return []
    }

    /// Trained once chosen (clause 2.2.2.3). Training after taking office is allowed by the text
    /// ("人选确定后应进行业务培训" fixes no deadline) but unusual, so it is a warning to confirm.
    private func training(of officer: Officer) -> [Diagnostic] {
        guard let rule = rules.training, rule.required else { return [] }
        guard let trainedOn = officer.trainedOn else {
            return [EvaluationMessages.missingTraining(of: officer, clause: rule.clause)]
        }
        if let from = officer.from, trainedOn > from {
            return [EvaluationMessages.lateTraining(of: officer, from: from, trainedOn: trainedOn, clause: rule.clause)]
        }
        return []
    }
}
extension LocalDate {
    /// Bounds for an open start or end of office; real dates never reach them.
    static let distantPast = LocalDate(year: 1, month: 1, day: 1)!
    static let distantFuture = LocalDate(year: 9999, month: 12, day: 31)!

    var nextDay: LocalDate? {
        if let next = LocalDate(year: year, month: month, day: day + 1) { return next }
        if let next = LocalDate(year: year, month: month + 1, day: 1) { return next }
        return LocalDate(year: year + 1, month: 1, day: 1)
    }

    var previousDay: LocalDate? {
        if let previous = LocalDate(year: year, month: month, day: day - 1) { return previous }
        if month > 1 { return LocalDate(year: year, month: month - 1, day: LocalDate.daysIn(month: month - 1, year: year)) }
        return LocalDate(year: year - 1, month: 12, day: 31)
    }
}
