import ScorecardBase
import ScorecardYAML

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
    /// Mappings recorded whole, in the order recorded: the path each sits at and its pairs. A
    /// key's place is read out of them when asked, so that loading a large rule set makes no
    /// string and no table entry per key (only `diff` and a few messages ever ask).
    private var mappings: [(path: String, pairs: [YAMLPair])] = []
    private var mappingsAtPath: [String: [Int]] = [:]

    public init(_ places: [String: SourceLocation] = [:]) {
        self.places = places
    }

    /// The key's place; nil when the key was not written (a default applies). The first
    /// recorded place of a path wins.
    public subscript(path: String) -> SourceLocation? {
        if let given = places[path] { return given }
        // A key may itself hold a dot, so every split into mapping path and key is tried.
        var best: (index: Int, pair: YAMLPair)?
        var end = path.endIndex
        while let dot = path[..<end].lastIndex(of: ".") {
            let key = String(path[path.index(after: dot)...])
            for index in mappingsAtPath[String(path[..<dot])] ?? [] {
                if let best, best.index < index { break }
                if let pair = mappings[index].pairs.first(where: { $0.key.isScalar(key) }) {
                    best = (index, pair)
                    break
                }
            }
            end = dot
        }
        return best.map { keyLocation($0.pair) }
    }

    /// Records where every plain key of a mapping at `path` was written, as `path.key`.
    mutating func record(mappingAt path: String, pairs: [YAMLPair]) {
        mappingsAtPath[path, default: []].append(mappings.count)
        mappings.append((path, pairs))
    }

    /// Every path and its place, as one table (for comparing two sets of places).
    private var table: [String: SourceLocation] {
        var result = places
        for (path, pairs) in mappings {
            for pair in pairs {
                guard let key = pair.key.scalar?.value else { continue }
                let full = path + "." + key
                if result[full] == nil { result[full] = keyLocation(pair) }
            }
        }
        return result
    }

    public static func == (lhs: KeyPlaces, rhs: KeyPlaces) -> Bool { lhs.table == rhs.table }

    public func hash(into hasher: inout Hasher) { hasher.combine(table) }
}
