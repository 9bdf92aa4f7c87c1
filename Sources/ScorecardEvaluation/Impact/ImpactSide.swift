/// Which of the two versions compared: the one in force (old) or the one proposed (new).
public enum ImpactSide: String, Sendable, Hashable {
    case old, new

    /// 旧版本 / 新版本, as the reports say it.
    public var word: String { self == .old ? "旧版本" : "新版本" }
    public var other: ImpactSide { self == .old ? .new : .old }
}
