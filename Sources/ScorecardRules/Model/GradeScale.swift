import ScorecardBase

/// Grade bands over the quarterly total: `min` is inclusive, `below` exclusive; the top band
/// has no `below` and runs up to the declared total.
public struct GradeScale: Sendable, Hashable {
    public var bands: [GradeBand]
    public var clause: String?
    public var location: SourceLocation

    /// The band a total falls in; nil only for totals outside every band (impossible once checked).
    public func band(for total: ExactDecimal) -> GradeBand? {
        bands.first { band in
            band.min <= total && (band.below.map { total < $0 } ?? true)
        }
    }
}

public struct GradeBand: Sendable, Hashable {
    public var name: String
    public var min: ExactDecimal
    public var below: ExactDecimal?
    public var location: SourceLocation
}
