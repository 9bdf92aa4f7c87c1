/// YAML 1.1 merge keys (`<<`), which rule files use to share common settings between rules.
/// Explicit keys win over merged ones, and earlier merged mappings win over later ones.
enum YAMLMergeKeys {
    static let mergeTag = "tag:yaml.org,2002:merge"

    /// A plain, untagged `<<` (or one tagged `!!merge`); a quoted "<<" is an ordinary key.
    static func isMergeKey(_ key: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = key.content, scalar.value == "<<" else { return false }
        return key.tag == mergeTag || (key.tag == nil && scalar.style == .plain)
    }

    /// The mappings a `<<` value stands for, highest priority first; nil if it is neither a
    /// mapping nor a list of mappings.
    static func sources(of value: YAMLNode) -> [[YAMLPair]]? {
        switch value.content {
        case .mapping(let pairs): return [pairs]
        case .sequence(let items):
            var result: [[YAMLPair]] = []
            for item in items {
                guard let pairs = item.mapping else { return nil }
                result.append(pairs)
            }
            return result
        case .scalar: return nil
        }
    }

    /// What duplicate detection and overriding compare: a scalar key's text. Complex keys
    /// (mappings or lists as keys) have no identity here and are never treated as equal.
    static func identity(of key: YAMLNode) -> String? {
        key.scalar?.value
    }

    /// `explicit` with the merged pairs not overridden inserted where the first `<<` was written.
    static func apply(explicit: [YAMLPair], insertAt index: Int, sources: [[YAMLPair]]) -> [YAMLPair] {
        var seen = Set(explicit.compactMap { identity(of: $0.key) })
        var merged: [YAMLPair] = []
        for source in sources {
            for pair in source {
                if let id = identity(of: pair.key) {
                    guard seen.insert(id).inserted else { continue }
                }
                merged.append(pair)
            }
        }
        let cut = min(max(0, index), explicit.count)
        return Array(explicit[..<cut]) + merged + Array(explicit[cut...])
    }
}
