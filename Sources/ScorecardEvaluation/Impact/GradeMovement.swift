/// How many officers went from one grade to another: the figure a revision's readers ask first
/// about a change of bands.
public struct GradeMovement: Sendable, Hashable {
    public var from: String
    public var to: String
    public var count: Int
    public var direction: GradeDirection

    public init(from: String, to: String, count: Int, direction: GradeDirection) {
        self.from = from
        self.to = to
        self.count = count
        self.direction = direction
    }
}

/// Officers per grade under each version, among the officers compared.
public struct GradeCountChange: Sendable, Hashable {
    public var grade: String
    public var old: Int
    public var new: Int
}
