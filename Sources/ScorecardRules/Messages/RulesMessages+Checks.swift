import ScorecardBase

/// Checks across the whole policy (`PolicyChecks`): what no single key can be wrong about.
extension RulesMessages {
    /// `what` names the kind of thing numbered, e.g. 考核项目.
    static func duplicateID(_ id: String, what: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.duplicateId, "\(what)编号“\(id)”重复了", hint: "每个\(what)的编号必须唯一；改掉其中一个",
            at: location, notes: [.init("第一次出现在这里", at: first)])
    }

    static func unknownFund(_ id: String, funds: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic.error(
            RulesCode.unknownFund, "经费“\(id)”没有在 funds 中声明", hint: "先在 funds 中声明这项经费（id、name、clause）", at: location
        ).suggesting(NameSuggestion.closest(to: id, among: funds), replacing: location)
    }

    static func pointsOverflow(total: ExactDecimal, items: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.pointsTotal, "各项目分值之和超出可计算的范围，与 scoring.total 声明的满分 \(total.normalized) 不符",
            hint: "共有 \(items) 个项目；调整各项的 points，或修改 scoring.total", at: location)
    }

    static func pointsTotal(_ sum: ExactDecimal, total: ExactDecimal, items: Int, at location: SourceLocation) -> Diagnostic {
        .error(
            RulesCode.pointsTotal, "各项目分值之和是 \(sum.normalized)，与 scoring.total 声明的满分 \(total.normalized) 不符",
            hint: "共有 \(items) 个项目；调整各项的 points，或修改 scoring.total", at: location)
    }

    static func noBands(at location: SourceLocation?) -> Diagnostic {
        .error(RulesCode.noGrades, "grades.bands 中没有任何等级", hint: "至少写一个从 0 分起的等级，如：\n  - name: 合格\n    min: 0", at: location)
    }

    static func gapBelowLowest(_ band: GradeBand) -> Diagnostic {
        .error(
            RulesCode.gradeGap, "等级没有覆盖 0 到 \(band.min.normalized) 分：这一段的总分得不到任何等级",
            hint: "把最低等级“\(band.name)”的 min 改为 0", at: band.location)
    }

    static func emptyBand(_ band: GradeBand, below: ExactDecimal) -> Diagnostic {
        .error(
            RulesCode.gradeEmpty, "等级“\(band.name)”的上限 \(below.normalized) 不高于下限 \(band.min.normalized)",
            hint: "below（不含）应当大于 min（含）；最高等级不写 below", at: band.location)
    }

    static func highestBelowTotal(_ band: GradeBand, below: ExactDecimal, total: ExactDecimal) -> Diagnostic {
        .error(
            RulesCode.gradeGap, "最高等级“\(band.name)”的上限是 \(below.normalized)（不含），满分 \(total.normalized) 得不到任何等级",
            hint: "最高等级不写 below，表示直到满分", at: band.location)
    }

    static func unboundedBand(_ band: GradeBand, next: GradeBand) -> Diagnostic {
        .error(
            RulesCode.gradeOverlap, "等级“\(band.name)”没有上限（below），与“\(next.name)”（\(next.min.normalized) 分起）重叠",
            hint: "给“\(band.name)”加上 below: \(next.min.normalized)", at: band.location)
    }

    static func gapBetween(_ band: GradeBand, below: ExactDecimal, next: GradeBand) -> Diagnostic {
        .error(
            RulesCode.gradeGap, "等级“\(band.name)”（低于 \(below.normalized)）与“\(next.name)”（\(next.min.normalized) 起）之间有空档",
            hint: "把“\(band.name)”的 below 改为 \(next.min.normalized)", at: band.location,
            notes: [.init("“\(next.name)”写在这里", at: next.location)])
    }

    static func overlapWith(_ band: GradeBand, below: ExactDecimal, next: GradeBand) -> Diagnostic {
        .error(
            RulesCode.gradeOverlap, "等级“\(band.name)”（低于 \(below.normalized)）与“\(next.name)”（\(next.min.normalized) 起）重叠",
            hint: "把“\(band.name)”的 below 改为 \(next.min.normalized)", at: band.location,
            notes: [.init("“\(next.name)”写在这里", at: next.location)])
    }

    /// `cycle` reads like `a → b → a`.
    static func scoreCycle(_ cycle: String, at location: SourceLocation?) -> Diagnostic {
        .error(RulesCode.scoreCycle, "项目得分互相引用，无法计算：\(cycle)", hint: "去掉其中一个公式对另一项得分（score.…）的引用", at: location)
    }
}
