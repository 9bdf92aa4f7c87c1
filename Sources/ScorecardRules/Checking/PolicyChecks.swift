import ScorecardBase
import ScorecardExpression

/// Consistency checks across the whole policy: things no single key can be wrong about.
enum PolicyChecks {
    static func duplicateIDs(_ ids: [(String, SourceLocation)], what: String, sink: inout DiagnosticSink) {
        var first: [String: SourceLocation] = [:]
        for (id, location) in ids {
            if let earlier = first[id] {
                sink.error(
                    RulesCode.duplicateId, "\(what)编号“\(id)”重复了", hint: "每个\(what)的编号必须唯一；改掉其中一个",
                    at: location, notes: [.init("第一次出现在这里", at: earlier)])
            } else {
                first[id] = location
            }
        }
    }

    static func fundReference(_ id: String, at location: SourceLocation, funds: [Fund], sink: inout DiagnosticSink) {
        guard !funds.contains(where: { $0.id == id }) else { return }
        let suggestion = NameSuggestion.closest(to: id, among: funds.map(\.id))
        sink.append(
            Diagnostic.error(
                RulesCode.unknownFund, "经费“\(id)”没有在 funds 中声明", hint: "先在 funds 中声明这项经费（id、name、clause）", at: location
            ).suggesting(suggestion, replacing: location))
    }

    /// The items' points must add up to the declared total (考核标准: 20 × 5 = 100).
    static func pointsAddUp(
        _ items: [ItemDraft], scoring: ScoringSettings, totalAt totalLocation: SourceLocation, sink: inout DiagnosticSink
    ) {
        var sum = ExactDecimal.zero
        for item in items {
            do {
                sum = try sum.adding(item.points)
            } catch {
                sink.error(
                    RulesCode.pointsTotal, "各项目分值之和超出可计算的范围，与 scoring.total 声明的满分 \(scoring.total.normalized) 不符",
                    hint: "共有 \(items.count) 个项目；调整各项的 points，或修改 scoring.total", at: totalLocation)
                return
            }
        }
        if sum != scoring.total {
            sink.error(
                RulesCode.pointsTotal, "各项目分值之和是 \(sum.normalized)，与 scoring.total 声明的满分 \(scoring.total.normalized) 不符",
                hint: "共有 \(items.count) 个项目；调整各项的 points，或修改 scoring.total", at: totalLocation)
        }
    }

    /// Bands must cover 0 to the total with no gap and no overlap, so every total gets one grade.
    static func gradeBands(_ scale: GradeScale, total: ExactDecimal, sink: inout DiagnosticSink) {
        guard !scale.bands.isEmpty else {
            sink.error(RulesCode.noGrades, "grades.bands 中没有任何等级", hint: "至少写一个从 0 分起的等级，如：\n  - name: 合格\n    min: 0", at: scale.location)
            return
        }
        duplicateIDs(scale.bands.map { ($0.name, $0.location) }, what: "等级", sink: &sink)
        let sorted = scale.bands.sorted { $0.min < $1.min }
        if let lowest = sorted.first, lowest.min > .zero {
            sink.error(
                RulesCode.gradeGap, "等级没有覆盖 0 到 \(lowest.min.normalized) 分：这一段的总分得不到任何等级",
                hint: "把最低等级“\(lowest.name)”的 min 改为 0", at: lowest.location)
        }
        for (index, band) in sorted.enumerated() {
            if let below = band.below, below <= band.min {
                sink.error(
                    RulesCode.gradeEmpty, "等级“\(band.name)”的上限 \(below.normalized) 不高于下限 \(band.min.normalized)",
                    hint: "below（不含）应当大于 min（含）；最高等级不写 below", at: band.location)
            }
            let next = index + 1 < sorted.count ? sorted[index + 1] : nil
            guard let next else {
                if let below = band.below, below <= total {
                    sink.error(
                        RulesCode.gradeGap, "最高等级“\(band.name)”的上限是 \(below.normalized)（不含），满分 \(total.normalized) 得不到任何等级",
                        hint: "最高等级不写 below，表示直到满分", at: band.location)
                }
                continue
            }
            guard let below = band.below else {
                sink.error(
                    RulesCode.gradeOverlap, "等级“\(band.name)”没有上限（below），与“\(next.name)”（\(next.min.normalized) 分起）重叠",
                    hint: "给“\(band.name)”加上 below: \(next.min.normalized)", at: band.location)
                continue
            }
            if below < next.min {
                sink.error(
                    RulesCode.gradeGap, "等级“\(band.name)”（低于 \(below.normalized)）与“\(next.name)”（\(next.min.normalized) 起）之间有空档",
                    hint: "把“\(band.name)”的 below 改为 \(next.min.normalized)", at: band.location,
                    notes: [.init("“\(next.name)”写在这里", at: next.location)])
            } else if below > next.min {
                sink.error(
                    RulesCode.gradeOverlap, "等级“\(band.name)”（低于 \(below.normalized)）与“\(next.name)”（\(next.min.normalized) 起）重叠",
                    hint: "把“\(band.name)”的 below 改为 \(next.min.normalized)", at: band.location,
                    notes: [.init("“\(next.name)”写在这里", at: next.location)])
            }
        }
    }

    /// Orders items so every item follows those whose scores it reads; reports cycles.
    static func evaluationOrder(_ items: [Item], sink: inout DiagnosticSink) -> [Int] {
        let index = Dictionary(items.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        func dependencies(_ item: Item) -> [Int] { item.scoreDependencies.compactMap { index[$0] } }
        var order: [Int] = []
        var state = [Int](repeating: 0, count: items.count) // 0 new, 1 visiting, 2 done
        // Each cycle once, however many of its items the search enters it from.
        var reported = Set<Set<Int>>()
        func visit(_ i: Int, path: [Int]) {
            if state[i] == 2 { return }
            if state[i] == 1 {
                let members = Array(path.drop { $0 != i })
                if reported.insert(Set(members)).inserted {
                    let cycle = (members + [i]).map { items[$0].id }.joined(separator: " → ")
                    sink.error(
                        RulesCode.scoreCycle, "项目得分互相引用，无法计算：\(cycle)",
                        hint: "去掉其中一个公式对另一项得分（score.…）的引用", at: items[i].location)
                }
                return
            }
            state[i] = 1
            for dependency in dependencies(items[i]) { visit(dependency, path: path + [i]) }
            state[i] = 2
            order.append(i)
        }
        for i in items.indices { visit(i, path: []) }
        return order
    }
}
