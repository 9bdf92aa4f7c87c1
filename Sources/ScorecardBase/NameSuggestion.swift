/// "Did you mean …?" for misspelt keys, ids, column titles and names in expressions.
///
/// Policy officers type keys by hand; a near miss (`pionts` for `points`) should come back with
/// the word they meant rather than a bare "unknown key". One implementation serves every layer
/// so the same slip gets the same suggestion everywhere.
public enum NameSuggestion {
    /// The closest candidate within a third of the longer name's length (at least 1, at most 3
    /// edits), so `应报次数` still finds `应报信息次数`;
    /// a difference in letter case alone always qualifies. Ties go to the alphabetically first,
    /// so the suggestion never depends on declaration order.
    public static func closest(to name: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(name.unicodeScalars)
        guard !target.isEmpty else { return nil }
        let lowered = name.lowercased()
        var best: (distance: Int, name: String)?
        for candidate in candidates where candidate != name {
            let scalars = Array(candidate.unicodeScalars)
            let limit = min(3, max(1, max(target.count, scalars.count) / 3))
            let distance: Int
            if candidate.lowercased() == lowered {
                distance = 0
            } else if let bounded = editDistance(target, scalars, limit: limit) {
                distance = bounded
            } else {
                continue
            }
            if let current = best, current.distance < distance || (current.distance == distance && current.name < candidate) { continue }
            best = (distance, candidate)
        }
        return best?.name
    }

    /// The optimal-string-alignment distance when it is at most `limit`, else nil; only cells
    /// within `limit` of the diagonal are worked out, so two long names cost their length, not
    /// its square (a 100,000-character cell against a roster).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        let far = limit + 1 // any distance over the limit
        var previous2 = [Int](repeating: far, count: b.count + 1)
        var previous = (0...b.count).map { min($0, far) }
        var current = [Int](repeating: far, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[low - 1] = low == 1 ? min(i, far) : far
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = min(value, far)
            }
            if high < b.count { current[high + 1] = far }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }

    /// Optimal-string-alignment distance: a swapped pair of letters counts as one edit,
    /// the commonest typing slip (`pionts` → `points`).
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previous2[j - 2] + 1)
                }
                current[j] = value
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
