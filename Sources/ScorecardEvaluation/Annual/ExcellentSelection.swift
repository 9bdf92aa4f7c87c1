import ScorecardBase
import ScorecardRules

/// Names the excellent officers (clause 2.4) among the ranked ones: every limit the rules give
/// applies at once, and each officer gets the reason they are or are not excellent.
struct ExcellentSelection: Sendable {
    var rule: ExcellentRule
    var scorePlaces: Int

    /// The most officers that may be excellent among `ranked`, and the words saying why; nil
    /// when neither `count` nor `share` is given. A share is rounded down (floor), so the
    /// number never exceeds the share: 0.2 of 18 is 3.6, so 3. A share whose product cannot be
    /// computed is reported (`eval.overflow`) and allows no one, rather than a guessed number.
    func limit(ranked: Int, sink: inout DiagnosticSink) -> (count: Int, why: String)? {
        var limits: [(count: Int, why: String)] = []
        if let count = rule.count { limits.append((count, "count: \(count)，最多 \(count) 名")) }
        if let share = rule.share {
            let whole: Int
            let product: ExactDecimal
            do {
                product = try share.multiplying(by: ExactDecimal(ranked))
                let floor = product.rounded(scale: 0, .floor)
                guard floor.scale == 0, let fits = Int(exactly: floor.coefficient) else { throw DecimalError.overflow }
                whole = fits
            } catch {
                sink.append(EvaluationMessages.excellentShareOverflow(ranked: ranked, share: share, at: rule.location))
                limits.append((0, "share: \(share.normalized)，参评 \(ranked) 人，名额无法计算"))
                return (0, limits.map(\.why).joined(separator: "；"))
            }
            limits.append(
                (whole, "share: \(share.normalized)，参评 \(ranked) 人 × \(share.normalized) = \(product.normalized)，向下取整为 \(whole) 名"))
        }
        guard let tightest = limits.map(\.count).min() else { return nil }
        return (tightest, limits.map(\.why).joined(separator: "；"))
    }

    /// Marks `officers` (ranked, in rank order; `cap` is their `limit`) and returns the notes for
    /// the year. Officers sharing a rank are taken together or not at all: a tie that would
    /// overrun the limit is left out whole (never more than the limit), and no one ranked below
    /// it is taken instead.
    func apply(to officers: inout [AnnualOfficerResult], cap: (count: Int, why: String)?) -> [String] {
        apply(to: &officers, count: officers.count, cap: cap)
    }

    /// `apply(to:cap:)` on the first `count` officers (the ranked ones), the rest left as they are.
    func apply(to officers: inout [AnnualOfficerResult], count: Int, cap: (count: Int, why: String)?) -> [String] {
        var notes: [String] = []
        var taken = 0
        var closed = false
        var start = 0
        // Said to nearly every officer of a large year: worded once, and a run of officers with
        // the same total and the same cut are given the same text.
        let full = cap.map { "名额已满（\($0.why)）" }
        let minimum = rule.minTotal.map { "\($0.normalized)" }
        var previous: (total: ExactDecimal?, capCut: String?, reason: String)?
        while start < count {
            var end = start + 1
            while end < count, officers[end].rank == officers[start].rank { end += 1 }
            let group = start..<end
            let rank = officers[start].rank ?? start + 1
            let total = officers[start].annualTotal
            var belowMinimum = false
            if let minTotal = rule.minTotal, let total, total < minTotal { belowMinimum = true }
            var capCut: String?
            if let cap, closed || taken + group.count > cap.count {
                if !closed, group.count > 1, taken < cap.count {
                    capCut = "与第 \(rank) 名的 \(group.count) 人并列，同时评选将超出名额（\(cap.why)）"
                    notes.append("第 \(rank) 名有 \(group.count) 人并列，全部评选将超出优秀名额（\(cap.why)），按规则均不评为优秀")
                } else {
                    capCut = full
                }
                closed = true
            }
            let isCut = belowMinimum || capCut != nil
            var reason = ""
            if isCut {
                if let previous, previous.total == total, previous.capCut == capCut {
                    reason = previous.reason
                } else {
                    if belowMinimum, let total {
                        reason = "年度成绩 "
                        reason += total.formatted(scale: scorePlaces)
                        reason += " 低于优秀最低分 "
                        reason += minimum ?? ""
                        reason += "（min_total）"
                    }
                    if let capCut { reason += reason.isEmpty ? capCut : "；" + capCut }
                    previous = (total, capCut, reason)
                }
            }
            for index in group {
                if !isCut {
                    var why = ["第 \(rank) 名"]
                    if let minTotal = rule.minTotal, let total {
                        why.append("年度成绩 \(total.formatted(scale: scorePlaces)) 不低于 \(minTotal.normalized)")
                    }
                    if let cap { why.append("在 \(cap.count) 名的名额之内") }
                    officers[index].excellent = true
                    officers[index].excellentReason = why.joined(separator: "，")
                } else {
                    officers[index].excellentReason = reason
                }
            }
            if !isCut { taken += group.count }
            start = end
        }
        return notes
    }
}
