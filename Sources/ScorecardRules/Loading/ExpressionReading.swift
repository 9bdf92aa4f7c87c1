import ScorecardBase
import ScorecardExpression
import ScorecardYAML

/// Compiles an expression written in a YAML scalar, pointing any error at the exact column
/// inside the scalar so the caret lands under the offending word.
enum ExpressionReading {
    static func compile(
        _ node: YAMLNode, _ what: @autoclosure () -> String, in environment: ExpressionEnvironment,
        expecting: ExpectedType, sink: inout DiagnosticSink
    ) -> RuleExpression? {
        var cache = CompiledExpressions()
        return compile(node, what(), in: environment, expecting: expecting, cache: &cache, sink: &sink)
    }

    /// The same, reusing what `cache` already compiled in `environment` (and only there).
    static func compile(
        _ node: YAMLNode, _ what: @autoclosure () -> String, in environment: ExpressionEnvironment,
        expecting: ExpectedType, cache: inout CompiledExpressions, sink: inout DiagnosticSink
    ) -> RuleExpression? {
        guard case .scalar(let scalar) = node.content else {
            sink.append(RulesMessages.expectedExpression(what(), found: node.kindDescription, at: node.location))
            return nil
        }
        if scalar.isNull || scalar.value.allSatisfy(\.isWhitespace) {
            sink.append(RulesMessages.emptyExpression(what(), at: node.location))
            return nil
        }
        let key = CompiledExpressions.key(scalar.value, expecting)
        if let key, let known = cache.compiled[key] { return RuleExpression(checked: known, node: node) }
        do {
            let checked = try Expression.compile(scalar.value, in: environment, expecting: expecting)
            if let key { cache.compiled[key] = checked }
            return RuleExpression(checked: checked, node: node)
        } catch {
            if error.code == ExpressionCode.nameUnknown,
                sink.isBroken(text(of: scalar.value, at: error.offset, length: error.length))
            {
                return nil
            }
            let place = node.location(ofScalarOffset: error.offset, length: error.length)
            sink.append(RulesMessages.badExpression(what(), error, hint: fallbackHint(expecting), at: place))
            return nil
        }
    }

    /// The part of `source` an error points at, by Unicode scalar offset.
    private static func text(of source: String, at offset: Int, length: Int) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: source.unicodeScalars.dropFirst(max(0, offset)).prefix(length))
        return String(result)
    }

    /// For the few expression errors that come without advice of their own.
    static func fallbackHint(_ expecting: ExpectedType) -> String {
        switch expecting {
        case .number: "这里要写一个算出数值的式子，如 5 * reports_on_time / reports_due"
        case .boolean: "这里要写一个条件，如 reports_due > 0"
        default: "检查这个表达式的写法"
        }
    }
}

/// Expressions compiled in one environment, by their text and the kind of value expected: a
/// rule set repeats the same formula and condition for many items, and compiling is most of
/// what reading an item costs. Only successes are kept; a failing text is compiled again, so
/// that each place it is written gets its own message.
struct CompiledExpressions {
    fileprivate var compiled: [String: CheckedExpression] = [:]

    /// Nil for expectations not kept (only numbers and conditions repeat in practice).
    fileprivate static func key(_ text: String, _ expecting: ExpectedType) -> String? {
        switch expecting {
        case .number: "n" + text
        case .boolean: "b" + text
        default: nil
        }
    }
}
