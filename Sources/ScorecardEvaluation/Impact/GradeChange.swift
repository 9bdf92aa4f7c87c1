/// Which way a grade moved, by the order of the bands (best first).
public enum GradeDirection: String, Sendable, Hashable {
    case up, down, same
    /// The two grades are not bands of one scale (a band renamed, or a version without grades).
    case unordered
}

/// An officer's grade under each version; nil where that version has no grades.
public struct GradeChange: Sendable, Hashable {
    public var old: String?
    public var new: String?
    public var direction: GradeDirection
    /// Bands moved (0 when the same); nil when the grades cannot be ordered.
    public var steps: Int?

    public var changed: Bool { old != new }
}

/// The bands of both versions, best first, to say which way a grade moved. The new version's
/// order decides when it has both grades (it is the scale being proposed); otherwise the old one's.
struct GradeOrder: Sendable {
    var old: [String]
    var new: [String]

    func change(from old: String?, to new: String?) -> GradeChange {
        if old == new { return GradeChange(old: old, new: new, direction: .same, steps: 0) }
        guard let from = old, let to = new else { return GradeChange(old: old, new: new, direction: .unordered, steps: nil) }
        for scale in [self.new, self.old] {
            if let a = scale.firstIndex(of: from), let b = scale.firstIndex(of: to) {
                return GradeChange(old: from, new: to, direction: b < a ? .up : .down, steps: abs(b - a))
            }
        }
        return GradeChange(old: from, new: to, direction: .unordered, steps: nil)
    }

    /// For listing movements: a grade's place in the new scale, then in the old, then after both.
    func rank(_ grade: String) -> Int {
        if let index = new.firstIndex(of: grade) { return index }
        if let index = old.firstIndex(of: grade) { return new.count + index }
        return new.count + old.count
    }
}
