import ScorecardBase

/// Turns libyaml events into `YAMLNode` trees: resolves aliases, applies merge keys, rejects
/// duplicate keys and enforces the limits. Problems go to the caller's sink; only a syntax error or a hit
/// limit stops reading, because the limits bound the whole file, not one document.
struct YAMLTreeBuilder {
    let file: String
    let limits: YAMLLimits
    let source: YAMLSourceText
    /// The bytes libyaml read, to place reader errors that only carry a byte offset.
    let body: ArraySlice<UInt8>
    /// Anchors of the current document (YAML scopes anchors to one document).
    private var anchors: [String: Built] = [:]
    /// Nodes built so far in the whole file, aliases counted at their expanded size.
    private var nodeCount = 0

    init(file: String, limits: YAMLLimits, source: YAMLSourceText, body: ArraySlice<UInt8>) {
        self.file = file
        self.limits = limits
        self.source = source
        self.body = body
    }

    private enum Stop: Error {
        /// libyaml gave up; nothing after this can be trusted.
        case syntax
        /// A limit was hit; reading on would only repeat the error.
        case limit
    }

    /// An anchored node with what alias expansion needs to keep the limits honest.
    private struct Built {
        var node: YAMLNode
        /// Nodes in the subtree, after expansion.
        var size: Int
        /// Levels of mappings/lists in the subtree (a scalar has 0).
        var height: Int
    }

    mutating func documents(from reader: inout YAMLEventReader, sink: inout DiagnosticSink) -> [YAMLDocument] {
        var documents: [YAMLDocument] = []
        while true {
            guard let event = try? nextEvent(&reader, sink: &sink) else { return documents }
            switch event.kind {
            case .streamEnd:
                return documents
            case .documentStart:
                anchors = [:]
                do throws(Stop) {
                    var size = 0, height = 0
                    let root = try node(
                        from: try nextEvent(&reader, sink: &sink), depth: 1, reader: &reader, sink: &sink, size: &size, height: &height)
                    _ = try nextEvent(&reader, sink: &sink) // document end
                    documents.append(YAMLDocument(root: root, location: location(event.start, event.start)))
                } catch {
                    // Either way nothing after this point can be trusted or afforded.
                    return documents
                }
            default:
                continue
            }
        }
    }

    private func nextEvent(_ reader: inout YAMLEventReader, sink: inout DiagnosticSink) throws(Stop) -> YAMLEvent {
        do throws(LibYAMLFailure) {
            return try reader.next()
        } catch {
            sink.append(syntaxDiagnostic(error))
            throw .syntax
        }
    }

    /// The node that starts with `event`. Its nodes (after expansion) are added to `size` and
    /// `height` is raised to its levels of mappings/lists (a scalar has 0): counted in place,
    /// the node itself is moved to its parent rather than copied out of a wrapper.
    private mutating func node(
        from event: YAMLEvent, depth: Int, reader: inout YAMLEventReader, sink: inout DiagnosticSink,
        size: inout Int, height: inout Int
    ) throws(Stop) -> YAMLNode {
        let here = location(event.start, event.end)
        let result: YAMLNode
        let anchor: String?
        var ownSize = 1, ownHeight = 0
        switch event.kind {
        case .alias(let name):
            let target = try alias(name, at: here, depth: depth, sink: &sink)
            size += target.size
            height = max(height, target.height)
            return target.node
        case let .scalar(value, scalarAnchor, tag, style):
            anchor = scalarAnchor
            let scalar = YAMLScalar(value: value, style: style, source: source, start: event.start, end: event.end)
            result = YAMLNode(.scalar(scalar), at: here, tag: tag, anchor: scalarAnchor)
        case let .sequenceStart(seqAnchor, tag):
            anchor = seqAnchor
            try checkDepth(depth, at: here, sink: &sink)
            var items: [YAMLNode] = []
            var childHeight = 0
            while true {
                let next = try nextEvent(&reader, sink: &sink)
                if case .sequenceEnd = next.kind { break }
                items.append(try node(from: next, depth: depth + 1, reader: &reader, sink: &sink, size: &ownSize, height: &childHeight))
            }
            ownHeight = childHeight + 1
            result = YAMLNode(.sequence(items), at: here, tag: tag, anchor: seqAnchor)
        case let .mappingStart(mapAnchor, tag):
            anchor = mapAnchor
            try checkDepth(depth, at: here, sink: &sink)
            result = try mapping(
                at: here, tag: tag, anchor: mapAnchor, depth: depth, reader: &reader, sink: &sink, size: &ownSize, height: &ownHeight)
        default:
            // libyaml only yields node events here; anything else means a broken stream.
            sink.append(YAMLMessages.brokenStream(at: here))
            throw .syntax
        }
        nodeCount += 1
        if nodeCount > limits.maxNodes {
            sink.append(YAMLMessages.nodeLimit(limits.maxNodes, at: here))
            throw .limit
        }
        if let anchor { anchors[anchor] = Built(node: result, size: ownSize, height: ownHeight) }
        size += ownSize
        height = max(height, ownHeight)
        return consume result
    }

    private mutating func alias(_ name: String, at here: SourceLocation, depth: Int, sink: inout DiagnosticSink) throws(Stop) -> Built {
        guard var target = anchors[name] else {
            sink.append(YAMLMessages.undefinedAlias(name, at: here))
            return Built(node: YAMLNode(.scalar(YAMLScalar(value: "", style: .plain)), at: here), size: 1, height: 0)
        }
        nodeCount += target.size
        if nodeCount > limits.maxNodes {
            sink.append(YAMLMessages.aliasLimit(name, limit: limits.maxNodes, at: here))
            throw .limit
        }
        if target.height > 0, depth + target.height - 1 > limits.maxDepth {
            sink.append(depthDiagnostic(at: here))
            throw .limit
        }
        // The copy keeps the anchored node's own location, as YAMLNode documents.
        target.node.anchor = target.node.anchor ?? name
        return target
    }

    /// A mapping's nodes are added to `size`; `height` is set to its levels.
    private mutating func mapping(
        at here: SourceLocation, tag: String?, anchor: String?, depth: Int, reader: inout YAMLEventReader,
        sink: inout DiagnosticSink, size: inout Int, height: inout Int
    ) throws(Stop) -> YAMLNode {
        // Room for a short mapping's pairs at once (an item has about six), instead of growing
        // one, two, four, eight.
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity(4)
        var firstKeys: [String: SourceLocation] = [:]
        var indexed = false
        var mergeSources: [[YAMLPair]] = []
        var mergeIndex: Int?
        var childHeight = 0
        while true {
            let next = try nextEvent(&reader, sink: &sink)
            if case .mappingEnd = next.kind { break }
            let key = try node(from: next, depth: depth + 1, reader: &reader, sink: &sink, size: &size, height: &childHeight)
            let value = try node(
                from: try nextEvent(&reader, sink: &sink), depth: depth + 1, reader: &reader, sink: &sink, size: &size,
                height: &childHeight)
            if YAMLMergeKeys.isMergeKey(key) {
                if let sources = YAMLMergeKeys.sources(of: value) {
                    mergeSources += sources
                    mergeIndex = mergeIndex ?? pairs.count
                } else {
                    sink.append(YAMLMessages.badMerge(found: value.kindDescription, at: value.location))
                }
                continue
            }
            if case .scalar(let keyScalar) = key.content {
                let id = keyScalar.value
                // A short mapping is searched; a long one gets an index, built once it is long.
                if !indexed, pairs.count >= Self.indexedMapping {
                    indexed = true
                    for pair in pairs { if let seen = YAMLMergeKeys.identity(of: pair.key) { firstKeys[seen] = pair.key.location } }
                }
                let earlier =
                    !indexed
                    ? pairs.firstIndex { $0.key.isScalar(id) }.map { pairs[$0].key.location }
                    : firstKeys[id]
                if let first = earlier {
                    sink.append(YAMLMessages.duplicateKey(id, at: key.location, first: first))
                    continue
                }
                if indexed { firstKeys[id] = key.location }
            }
            pairs.append(YAMLPair(key: consume key, value: consume value))
        }
        if let mergeIndex {
            pairs = YAMLMergeKeys.apply(explicit: pairs, insertAt: mergeIndex, sources: mergeSources)
        }
        height = childHeight + 1
        return YAMLNode(.mapping(pairs), at: here, tag: tag, anchor: anchor)
    }

    /// Pairs past which duplicate keys are found through a dictionary rather than a search.
    private static let indexedMapping = 16

    private func checkDepth(_ depth: Int, at here: SourceLocation, sink: inout DiagnosticSink) throws(Stop) {
        guard depth > limits.maxDepth else { return }
        sink.append(depthDiagnostic(at: here))
        throw .limit
    }

    private func depthDiagnostic(at here: SourceLocation) -> Diagnostic { YAMLMessages.depthLimit(limits.maxDepth, at: here) }

    /// A node's place; its length spans the node when it sits on one line.
    private func location(_ start: YAMLMark, _ end: YAMLMark) -> SourceLocation {
        let length = start.line == end.line ? end.column - start.column : 1
        return SourceLocation(file: file, line: start.line + 1, column: start.column + 1, length: length)
    }

    private func syntaxDiagnostic(_ failure: LibYAMLFailure) -> Diagnostic {
        let place: SourceLocation
        if failure.stage == .reader {
            let offset = min(max(0, failure.problemOffset), body.count)
            let position = YAMLEncodingCheck.position(of: body.startIndex + offset, in: body)
            place = SourceLocation(file: file, line: position.line, column: position.column)
        } else {
            place = location(failure.problemMark, failure.problemMark)
        }
        let character = source.scalar(line: failure.problemMark.line, column: failure.problemMark.column)
        return YAMLMessages.syntax(
            failure.problem, context: failure.context, contextStart: failure.contextMark.map { location($0, $0) },
            character: character, fullWidthColon: fullWidthColonHint(failure), at: place)
    }

    /// A colon typed with a Chinese input method (`points：5`) is the likeliest cause of a syntax
    /// error on a line, or the line before it, that has one outside any quotes.
    private func fullWidthColonHint(_ failure: LibYAMLFailure) -> String? {
        let lines = [failure.contextMark?.line, failure.problemMark.line, failure.problemMark.line - 1].compactMap { $0 }
        for index in lines {
            guard let text = source.line(index), let colon = text.firstIndex(of: "："),
                !text[..<colon].contains("\""), !text[..<colon].contains("'"), !text[..<colon].contains("#"), !text[..<colon].contains(":")
            else { continue }
            return YAMLMessages.fullWidthColon(line: index + 1)
        }
        return nil
    }
}
