import CYAML

/// A libyaml mark: 0-based line and column (column in Unicode scalars).
struct YAMLMark: Hashable, Sendable {
    var line: Int
    var column: Int

    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    init(_ mark: yaml_mark_t) {
        line = Int(mark.line)
        column = Int(mark.column)
    }
}

/// One libyaml event, copied out of C memory so it outlives `yaml_event_delete`.
struct YAMLEvent: Sendable {
    enum Kind: Sendable {
        case streamStart, streamEnd
        case documentStart, documentEnd
        case alias(anchor: String)
        case scalar(value: String, anchor: String?, tag: String?, style: YAMLScalar.Style)
        case sequenceStart(anchor: String?, tag: String?)
        case sequenceEnd
        case mappingStart(anchor: String?, tag: String?)
        case mappingEnd
    }

    var kind: Kind
    var start: YAMLMark
    var end: YAMLMark
}

/// What libyaml said when it gave up, kept in its own words for notes and translation.
struct LibYAMLFailure: Error, Sendable {
    enum Stage: Sendable { case reader, scanner, parser, memory, other }

    var stage: Stage
    var problem: String
    var context: String?
    var problemMark: YAMLMark
    var contextMark: YAMLMark?
    /// Byte offset of the problem, the only position reader errors have.
    var problemOffset: Int
}

/// Pulls events from libyaml one at a time, so the loader can stop early (alias bombs, depth)
/// without parsing the rest. Non-copyable so the C parser is freed exactly once; the parser
/// lives on the heap because libyaml keeps a pointer to it for string input.
struct YAMLEventReader: ~Copyable {
    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let initialized: Bool

    init(bytes: ArraySlice<UInt8>) {
        parser = .allocate(capacity: 1)
        input = .allocate(capacity: max(1, bytes.count))
        _ = input.initialize(from: bytes)
        initialized = yaml_parser_initialize(parser) != 0
        if initialized {
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, UnsafePointer(input.baseAddress), bytes.count)
        }
    }

    deinit {
        if initialized { yaml_parser_delete(parser) }
        parser.deallocate()
        input.deallocate()
    }

    /// The next event; libyaml giving up is thrown, after which the stream cannot go on.
    mutating func next() throws(LibYAMLFailure) -> YAMLEvent {
        guard initialized else {
            throw LibYAMLFailure(
                stage: .memory, problem: "memory error", context: nil,
                problemMark: YAMLMark(line: 0, column: 0), contextMark: nil, problemOffset: 0)
        }
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) != 0 else { throw failure() }
        defer { yaml_event_delete(&event) }
        return YAMLEvent(kind: Self.kind(of: event), start: YAMLMark(event.start_mark), end: YAMLMark(event.end_mark))
    }

    private func failure() -> LibYAMLFailure {
        let p = parser.pointee
        let stage: LibYAMLFailure.Stage =
            switch p.error {
            case YAML_READER_ERROR: .reader
            case YAML_SCANNER_ERROR: .scanner
            case YAML_PARSER_ERROR: .parser
            case YAML_MEMORY_ERROR: .memory
            default: .other
            }
        let context = p.context.map { String(cString: $0) }
        return LibYAMLFailure(
            stage: stage,
            problem: p.problem.map { String(cString: $0) } ?? "unknown error",
            context: context,
            problemMark: YAMLMark(p.problem_mark),
            contextMark: context == nil ? nil : YAMLMark(p.context_mark),
            problemOffset: Int(p.problem_offset))
    }

    private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }

    private static func kind(of event: yaml_event_t) -> YAMLEvent.Kind {
        switch event.type {
        case YAML_STREAM_START_EVENT: return .streamStart
        case YAML_STREAM_END_EVENT: return .streamEnd
        case YAML_DOCUMENT_START_EVENT: return .documentStart
        case YAML_DOCUMENT_END_EVENT: return .documentEnd
        case YAML_ALIAS_EVENT: return .alias(anchor: text(event.data.alias.anchor) ?? "")
        case YAML_SCALAR_EVENT:
            let s = event.data.scalar
            // Length-based: a double-quoted "\0" puts NUL inside the value.
            let value =
                s.value.map {
                    String(decoding: UnsafeBufferPointer(start: $0, count: s.length), as: UTF8.self)
                } ?? ""
            let style: YAMLScalar.Style =
                switch s.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: .literal
                case YAML_FOLDED_SCALAR_STYLE: .folded
                default: .plain
                }
            return .scalar(value: value, anchor: text(s.anchor), tag: text(s.tag), style: style)
        case YAML_SEQUENCE_START_EVENT:
            let s = event.data.sequence_start
            return .sequenceStart(anchor: text(s.anchor), tag: text(s.tag))
        case YAML_SEQUENCE_END_EVENT: return .sequenceEnd
        case YAML_MAPPING_START_EVENT:
            let m = event.data.mapping_start
            return .mappingStart(anchor: text(m.anchor), tag: text(m.tag))
        case YAML_MAPPING_END_EVENT: return .mappingEnd
        default: return .streamEnd
        }
    }
}
