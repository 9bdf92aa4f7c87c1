import ScorecardBase
import ScorecardExpression

/// Consistency checks across the whole policy: things no single key can be wrong about.
enum PolicyChecks {
    static func duplicateIDs(_ ids: [(String, SourceLocation)], what: String, sink: inout DiagnosticSink) {
        var first: [String: SourceLocation] = [:]
        for (id, location) in ids {
            if let earlier = first[id] {
                sink.append(RulesMessages.duplicateID(id, what: what, at: location, first: earlier))
            } else {
                first[id] = location
            }
        }
    }

    /// The same, each place worked out only for an id written twice: a large rule set has a
    /// place per item that no message needs.
    static func duplicateIDs(
        count: Int, id: (Int) -> String, location: (Int) -> SourceLocation, what: String, sink: inout DiagnosticSink
    ) {
        var first: [String: Int] = [:]
        first.reserveCapacity(count)
        for index in 0..<count {
            let key = id(index)
            if let earlier = first[key] {
                sink.append(RulesMessages.duplicateID(key, what: what, at: location(index), first: location(earlier)))
            } else {
                first[key] = index
            }
        }
    }

    static func fundReference(_ id: String, at location: SourceLocation, funds: [Fund], sink: inout DiagnosticSink) {
        guard !funds.contains(where: { $0.id == id }) else { return }
        sink.append(RulesMessages.unknownFund(id, funds: funds.map(\.id), at: location))
    }

    /// The items' points must add up to the declared total (考核标准: 20 × 5 = 100).
    static func pointsAddUp(
        _ items: [ItemDraft], scoring: ScoringSettings, totalAt totalLocation: SourceLocation, sink: inout DiagnosticSink
    ) {
        var sum = ExactDecimal.zero
        // By index: a loop over the drafts would copy each one (ids, titles, nodes) to read its points.
        for index in items.indices {
            do {
                sum = try sum.adding(items[index].points)
            } catch {
                sink.append(RulesMessages.pointsOverflow(total: scoring.total, items: items.count, at: totalLocation))
                return
            }
        }
        if sum != scoring.total {
            sink.append(RulesMessages.pointsTotal(sum, total: scoring.total, items: items.count, at: totalLocation))
        }
    }

    /// Bands must cover 0 to the total with no gap and no overlap, so every total gets one grade.
    static func gradeBands(_ scale: GradeScale, total: ExactDecimal, sink: inout DiagnosticSink) {
        guard !scale.bands.isEmpty else {
            sink.append(RulesMessages.noBands(at: scale.location))
            return
        }
        duplicateIDs(scale.bands.map { ($0.name, $0.location) }, what: "等级", sink: &sink)
        let sorted = scale.bands.sorted { $0.min < $1.min }
        if let lowest = sorted.first, lowest.min > .zero {
            sink.append(RulesMessages.gapBelowLowest(lowest))
        }
        for (index, band) in sorted.enumerated() {
            if let below = band.below, below <= band.min {
                sink.append(RulesMessages.emptyBand(band, below: below))
            }
            let next = index + 1 < sorted.count ? sorted[index + 1] : nil
            guard let next else {
                if let below = band.below, below <= total {
                    sink.append(RulesMessages.highestBelowTotal(band, below: below, total: total))
                }
                continue
            }
            guard let below = band.below else {
                sink.append(RulesMessages.unboundedBand(band, next: next))
                continue
            }
            if below < next.min {
                sink.append(RulesMessages.gapBetween(band, below: below, next: next))
            } else if below > next.min {
                sink.append(RulesMessages.overlapWith(band, below: below, next: next))
            }
        }
    }

    /// Orders items so every item follows those whose scores it reads; reports cycles.
    static func evaluationOrder(_ items: [Item], sink: inout DiagnosticSink) -> [Int] {
        var index: [String: Int] = [:]
        index.reserveCapacity(items.count)
        for position in items.indices where index[items[position].id] == nil { index[items[position].id] = position }
        func dependencies(_ item: Item) -> [Int] { item.scoreDependencies.compactMap { index[$0] } }
        var order: [Int] = []
        var state = [Int](repeating: 0, count: items.count) // 0 new, 1 visiting, 2 done
        // Each cycle once, however many of its items the search enters it from.
        var reported = Set<Set<Int>>()
        // The items being visited, outermost first: one stack rather than a copy per step.
        var path: [Int] = []
        func visit(_ i: Int) {
            if state[i] == 2 { return }
            if state[i] == 1 {
                let members = Array(path.drop { $0 != i })
                if reported.insert(Set(members)).inserted {
                    let cycle = (members + [i]).map { items[$0].id }.joined(separator: " → ")
                    sink.append(RulesMessages.scoreCycle(cycle, at: items[i].location))
                }
                return
            }
            state[i] = 1
            path.append(i)
            for dependency in dependencies(items[i]) { visit(dependency) }
            path.removeLast()
            state[i] = 2
            order.append(i)
        }
        for i in items.indices { visit(i) }
        return order
    }
}
