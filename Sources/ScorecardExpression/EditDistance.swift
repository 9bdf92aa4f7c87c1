/// "Did you mean" suggestions for misspelt names, by optimal-string-alignment distance
/// (a swapped pair of letters counts as one edit, a common typing slip).
enum Suggestion {
    static func distance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, previous2[j - 2] + 1)
                }
                current[j] = best
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }

    /// The closest candidate within a third of the name's length (at least 1, at most 3 edits);
    /// a case-only difference always qualifies. Ties go to the alphabetically first.
    static func closest(to name: String, among candidates: [String]) -> String? {
        let target = Array(name.unicodeScalars)
        let lowered = name.lowercased()
        let limit = min(3, max(1, target.count / 3))
        var best: (distance: Int, name: String)?
        for candidate in candidates.sorted() where candidate != name {
            let d = candidate.lowercased() == lowered ? 0 : distance(target, Array(candidate.unicodeScalars))
            guard d <= limit else { continue }
            if let current = best, current.distance <= d { continue }
            best = (d, candidate)
        }
        return best?.name
    }
}
