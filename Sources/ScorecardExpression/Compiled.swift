import ScorecardBase

/// What evaluation works on: the record's slots and, inside list functions, the element being
/// looked at at each nesting depth.
struct Frame {
    let slots: [Value]
    var elements: [[Value]] = []
}

/// A compiled subexpression producing a `T`. Checked expressions are trees of these closures,
/// so evaluation does no name lookup and no type dispatch beyond what the checker left in.
typealias Code<T> = @Sendable (inout Frame) throws(EvaluationError) -> T

/// A compiled subexpression, tagged by the kind of value it produces.
enum Compiled: Sendable {
    case number(Code<ExactDecimal>)
    case string(Code<String>)
    case boolean(Code<Bool>)
    case date(Code<LocalDate>)
    case list(Code<[[Value]]>)

    /// The result as a `Value`, for the public `evaluate`.
    func run(_ frame: inout Frame) throws(EvaluationError) -> Value {
        switch self {
        case .number(let code): .number(try code(&frame))
        case .string(let code): .string(try code(&frame))
        case .boolean(let code): .boolean(try code(&frame))
        case .date(let code): .date(try code(&frame))
        case .list(let code): .list(try code(&frame))
        }
    }
}

/// Turning a stored `Value` into the Swift value a compiled node expects.
enum Extract {
    /// The errors to throw for one read site, prepared at compile time.
    struct Failures: Sendable {
        var missing: EvaluationError
        var wrongType: EvaluationError
    }

    @inline(__always)
    static func number(_ value: Value, _ failures: Failures) throws(EvaluationError) -> ExactDecimal {
        if case .number(let n) = value { return n }
        throw failure(value, failures)
    }

    @inline(__always)
    static func string(_ value: Value, _ failures: Failures) throws(EvaluationError) -> String {
        if case .string(let s) = value { return s }
        throw failure(value, failures)
    }

    @inline(__always)
    static func boolean(_ value: Value, _ failures: Failures) throws(EvaluationError) -> Bool {
        if case .boolean(let b) = value { return b }
        throw failure(value, failures)
    }

    @inline(__always)
    static func date(_ value: Value, _ failures: Failures) throws(EvaluationError) -> LocalDate {
        if case .date(let d) = value { return d }
        throw failure(value, failures)
    }

    @inline(__always)
    static func list(_ value: Value, _ failures: Failures) throws(EvaluationError) -> [[Value]] {
        if case .list(let l) = value { return l }
        throw failure(value, failures)
    }

    private static func failure(_ value: Value, _ failures: Failures) -> EvaluationError {
        if case .missing = value { return failures.missing }
        return failures.wrongType
    }

    /// Code reading `slot` of the record, typed as declared.
    @inline(__always)
    static func readSlot(_ frame: borrowing Frame, _ slot: Int) -> Value {
        slot >= 0 && slot < frame.slots.count ? frame.slots[slot] : .missing
    }

    @inline(__always)
    static func readField(_ frame: borrowing Frame, _ index: Int, _ depth: Int) -> Value {
        guard depth < frame.elements.count else { return .missing }
        let element = frame.elements[depth]
        return index >= 0 && index < element.count ? element[index] : .missing
    }

    static func slot(_ slot: Int, type: ValueType, _ failures: Failures) -> Compiled {
        switch type {
        case .integer, .decimal: return .number { f throws(EvaluationError) in try number(readSlot(f, slot), failures) }
        case .string: return .string { f throws(EvaluationError) in try string(readSlot(f, slot), failures) }
        case .boolean: return .boolean { f throws(EvaluationError) in try boolean(readSlot(f, slot), failures) }
        case .date: return .date { f throws(EvaluationError) in try date(readSlot(f, slot), failures) }
        case .list: return .list { f throws(EvaluationError) in try list(readSlot(f, slot), failures) }
        }
    }

    /// Code reading field `index` of the list element at nesting `depth`.
    static func field(_ index: Int, depth: Int, type: ValueType, _ failures: Failures) -> Compiled {
        switch type {
        case .integer, .decimal: return .number { f throws(EvaluationError) in try number(readField(f, index, depth), failures) }
        case .string: return .string { f throws(EvaluationError) in try string(readField(f, index, depth), failures) }
        case .boolean: return .boolean { f throws(EvaluationError) in try boolean(readField(f, index, depth), failures) }
        case .date: return .date { f throws(EvaluationError) in try date(readField(f, index, depth), failures) }
        case .list: return .list { f throws(EvaluationError) in try list(readField(f, index, depth), failures) }
        }
    }
}
