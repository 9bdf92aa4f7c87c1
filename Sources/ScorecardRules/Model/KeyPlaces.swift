import ScorecardBase

/// Where each key of the rules was written, by the path `diff` names it with
/// (`policy.version`, `scoring.total`, `items[i07].title`, `grades.bands[良好].min`), so that
/// what is about one setting — a change, a total that does not add up — points at that key
/// rather than at the start of the mapping it sits in.
///
/// One table for the whole policy, kept with its metadata, rather than a table in each model
/// type: the model types hold `ExactDecimal`s, and growing them trips a Swift 6.3.1 debug-build
/// miscompile (see `ExactDecimal.scale`) that crashed the tests.
public struct KeyPlaces: Sendable, Hashable {
    private var places: [String: SourceLocation]

    public init(_ places: [String: SourceLocation] = [:]) {
        self.places = places
    }

    /// The key's place; nil when the key was not written (a default applies).
    public subscript(path: String) -> SourceLocation? { places[path] }

    mutating func record(_ path: String, at location: SourceLocation) {
        if places[path] == nil { places[path] = location }
    }
}
