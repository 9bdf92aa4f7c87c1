import ScorecardBase
import ScorecardYAML

/// The location of a key, for problems that are about the key itself rather than its value.
public func keyLocation(_ pair: YAMLPair) -> SourceLocation {
    var location = pair.key.location
    if case .scalar(let key) = pair.key.content {
        let text = key.value
        location.length = max(1, text.unicodeScalars.count)
    }
    return location
}

/// The location of a scalar spanning its whole text, for underlining the value.
public func valueLocation(_ node: YAMLNode) -> SourceLocation {
    guard case .scalar(let scalar) = node.content, !scalar.value.isEmpty else { return node.location }
    // Without a CR or LF byte there is no "\n" character; only then are the characters looked at.
    let bytes = scalar.value.utf8
    if bytes.contains(0x0A) || bytes.contains(0x0D), scalar.value.contains("\n") { return node.location }
    return node.location(ofScalarOffset: 0, length: scalar.value.unicodeScalars.count)
}
