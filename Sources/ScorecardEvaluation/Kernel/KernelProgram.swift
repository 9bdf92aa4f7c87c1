import ScorecardBase
import ScorecardExpression

/// One step of a kernel program: a stack machine over fixed-point machine integers, each value's
/// scale known when the program is compiled, so that running it is integer arithmetic only.
/// Any step that cannot be done exactly (an overflow, a division by zero, a score out of range)
/// fails the row, which then goes the general way.
enum KernelOp: Sendable {
    case push(Int64)
    case load(Int)
    /// Multiplies by this power of ten: the value gains places.
    case scaleUp(Int64)
    case add, subtract, multiply, negate, minimum, maximum, abs
    /// value, low, high → the value within them; low above high fails.
    case clamp
    /// Drops digits: divides by this power of ten, rounding in the mode.
    case roundDrop(Int64, RoundingMode)
    /// dividend, divisor → their quotient at the final scale, rounded once in the mode; the
    /// dividend gains `exponent` places first (or the divisor loses them). Fails when the
    /// divisor (so scaled) is `bound` or more: beyond it the general evaluator's rounding to
    /// 18 places before the final rounding could give another result.
    case divideRound(exponent: Int, mode: RoundingMode, bound: Int64)
    case compare(ConditionForm.Comparison)
    case not, and, or
    case jumpIfFalse(Int)
    case jump(Int)
    /// A record check: false fails the row (the general way reports it).
    case require
    /// An item's score: must lie in 0…`maximum`, stored to `slot`.
    case store(slot: Int, maximum: Int64)
}

/// Compiles numeric forms into kernel steps, tracking each value's scale.
struct KernelCompiler {
    /// The scale of each slot's value.
    let slotScales: [Int]
    /// Past this many places a value is not held in the kernel (products of decimals).
    static let maximumScale = 12
    private(set) var ops: [KernelOp] = []
    private var depth = 0
    private(set) var maximumDepth = 0

    init(slotScales: [Int]) { self.slotScales = slotScales }

    static func powerOfTen(_ n: Int) -> Int64? {
        guard n >= 0, n <= 18 else { return nil }
        var value: Int64 = 1
        for _ in 0..<n { value *= 10 }
        return value
    }

    private mutating func push(_ op: KernelOp, depthChange: Int) {
        ops.append(op)
        depth += depthChange
        maximumDepth = max(maximumDepth, depth)
    }

    /// The scale a form's value has (nil when the kernel cannot hold it).
    func scale(of form: NumericForm) -> Int? {
        let result: Int?
        switch form {
        case .constant(let value): result = value.normalized.scale
        case .read(let slot): result = slot < slotScales.count ? slotScales[slot] : nil
        case .negate(let x), .abs(let x): result = scale(of: x)
        case .add(let a, let b), .subtract(let a, let b):
            guard let sa = scale(of: a), let sb = scale(of: b) else { return nil }
            result = max(sa, sb)
        case .multiply(let a, let b):
            guard let sa = scale(of: a), let sb = scale(of: b) else { return nil }
            result = sa + sb
        case .divide: result = nil
        case .minimum(let forms), .maximum(let forms):
            var s = 0
            for form in forms {
                guard let f = scale(of: form) else { return nil }
                s = max(s, f)
            }
            result = s
        case .clamp(let x, let low, let high):
            guard let a = scale(of: x), let b = scale(of: low), let c = scale(of: high) else { return nil }
            result = max(a, b, c)
        case .round(.divide(let a, let b), let places, _):
            // A quotient rounded once, exactly (see `emitRounded`).
            guard scale(of: a) != nil, scale(of: b) != nil, places <= 16 else { return nil }
            result = places
        case .round(let x, let places, _):
            guard scale(of: x) != nil else { return nil }
            result = places
        case .choose(_, let a, let b):
            guard let sa = scale(of: a), let sb = scale(of: b) else { return nil }
            result = max(sa, sb)
        }
        guard let result, result <= Self.maximumScale else { return nil }
        return result
    }

    private mutating func rescale(from: Int, to: Int) -> Bool {
        guard from != to else { return true }
        guard from < to, let factor = Self.powerOfTen(to - from) else { return false }
        push(.scaleUp(factor), depthChange: 0)
        return true
    }

    /// Emits `form` at `target` scale (at least its own); false when it cannot be.
    mutating func emit(_ form: NumericForm, at target: Int) -> Bool {
        guard let own = scale(of: form), own <= target else { return false }
        guard emit(form) else { return false }
        return rescale(from: own, to: target)
    }

    /// Emits `form` at its own scale (`scale(of:)`).
    mutating func emit(_ form: NumericForm) -> Bool {
        guard let s = scale(of: form) else { return false }
        switch form {
        case .constant(let value):
            guard let fixed = Self.fixed(value, scale: s) else { return false }
            push(.push(fixed), depthChange: 1)
        case .read(let slot):
            push(.load(slot), depthChange: 1)
        case .negate(let x):
            guard emit(x) else { return false }
            push(.negate, depthChange: 0)
        case .abs(let x):
            guard emit(x) else { return false }
            push(.abs, depthChange: 0)
        case .add(let a, let b), .subtract(let a, let b):
            guard emit(a, at: s), emit(b, at: s) else { return false }
            if case .add = form { push(.add, depthChange: -1) } else { push(.subtract, depthChange: -1) }
        case .multiply(let a, let b):
            guard emit(a), emit(b) else { return false }
            push(.multiply, depthChange: -1)
        case .minimum(let forms), .maximum(let forms):
            let isMinimum: Bool
            if case .minimum = form { isMinimum = true } else { isMinimum = false }
            guard emit(forms[0], at: s) else { return false }
            for next in forms.dropFirst() {
                guard emit(next, at: s) else { return false }
                push(isMinimum ? .minimum : .maximum, depthChange: -1)
            }
        case .clamp(let x, let low, let high):
            guard emit(x, at: s), emit(low, at: s), emit(high, at: s) else { return false }
            push(.clamp, depthChange: -2)
        case .round(.divide(let a, let b), let places, let mode):
            guard emitQuotient(a, b, places: places, mode: mode) else { return false }
        case .round(let x, let places, let mode):
            guard let own = scale(of: x), emit(x) else { return false }
            if own <= places {
                guard rescale(from: own, to: places) else { return false }
            } else {
                guard let factor = Self.powerOfTen(own - places) else { return false }
                push(.roundDrop(factor, mode), depthChange: 0)
            }
        case .choose(let condition, let a, let b):
            guard emit(condition) else { return false }
            let branch = ops.count
            push(.jumpIfFalse(0), depthChange: -1)
            guard emit(a, at: s) else { return false }
            let skip = ops.count
            push(.jump(0), depthChange: -1)
            ops[branch] = .jumpIfFalse(ops.count)
            guard emit(b, at: s) else { return false }
            ops[skip] = .jump(ops.count)
        case .divide:
            return false
        }
        return true
    }

    /// Emits `form` rounded to `places` in `mode`, as the evaluator rounds a score or an
    /// amount: a division here (also in a branch) is rounded once, exactly.
    mutating func emitRounded(_ form: NumericForm, places: Int, mode: RoundingMode) -> Bool {
        switch form {
        case .divide(let a, let b):
            return emitQuotient(a, b, places: places, mode: mode)
        case .choose(let condition, let a, let b):
            guard emit(condition) else { return false }
            let branch = ops.count
            push(.jumpIfFalse(0), depthChange: -1)
            guard emitRounded(a, places: places, mode: mode) else { return false }
            let skip = ops.count
            push(.jump(0), depthChange: -1)
            ops[branch] = .jumpIfFalse(ops.count)
            guard emitRounded(b, places: places, mode: mode) else { return false }
            ops[skip] = .jump(ops.count)
            return true
        default:
            return emit(.round(form, places: places, mode: mode))
        }
    }

    /// `a / b` rounded to `places` in `mode`. The evaluator divides to 18 places (half-even)
    /// and then rounds; rounding the exact quotient once is the same whenever the divisor at
    /// these places is below 10^(18 - places) / 2, for then the quotient is never that close to
    /// a tie (or to a whole last digit) without being on it. Larger divisors fail the row.
    private mutating func emitQuotient(_ a: NumericForm, _ b: NumericForm, places: Int, mode: RoundingMode) -> Bool {
        guard let sa = scale(of: a), let sb = scale(of: b), places <= 16, emit(a), emit(b),
            let bound = Self.powerOfTen(18 - places)
        else { return false }
        push(.divideRound(exponent: places + sb - sa, mode: mode, bound: bound / 2), depthChange: -1)
        return true
    }

    mutating func emit(_ condition: ConditionForm) -> Bool {
        switch condition {
        case .constant(let flag):
            push(.push(flag ? 1 : 0), depthChange: 1)
        case .compare(let comparison, let a, let b):
            guard let sa = scale(of: a), let sb = scale(of: b) else { return false }
            let s = max(sa, sb)
            guard emit(a, at: s), emit(b, at: s) else { return false }
            push(.compare(comparison), depthChange: -1)
        case .not(let x):
            guard emit(x) else { return false }
            push(.not, depthChange: 0)
        case .and(let a, let b), .or(let a, let b):
            // Both sides are evaluated: nothing here has an effect, and a side that cannot be
            // evaluated fails the row, which the general way then evaluates as written.
            guard emit(a), emit(b) else { return false }
            if case .and = condition { push(.and, depthChange: -1) } else { push(.or, depthChange: -1) }
        }
        return true
    }

    mutating func emitRaw(_ op: KernelOp, depthChange: Int) { push(op, depthChange: depthChange) }

    /// Sets the target of a jump emitted earlier.
    mutating func patch(_ index: Int, to op: KernelOp) { ops[index] = op }

    /// `value × 10^scale` when that is a whole number that fits.
    static func fixed(_ value: ExactDecimal, scale: Int) -> Int64? {
        let normalized = value.normalized
        guard normalized.scale <= scale, let factor = powerOfTen(scale - normalized.scale) else { return nil }
        guard let small = Int64(exactly: normalized.coefficient) else { return nil }
        let (scaled, overflow) = small.multipliedReportingOverflow(by: factor)
        return overflow ? nil : scaled
    }
}

/// Running kernel programs.
enum KernelMachine {
    /// Runs `ops` over `slots`; the value left on top of the stack (0 if none), or nil when a
    /// step failed.
    @inline(__always)
    static func run(
        _ ops: UnsafeBufferPointer<KernelOp>, slots: UnsafeMutablePointer<Int64>, stack: UnsafeMutablePointer<Int64>
    ) -> Int64? {
        var sp = 0
        var pc = 0
        let end = ops.count
        while pc < end {
            switch ops[pc] {
            case .push(let value):
                stack[sp] = value
                sp += 1
            case .load(let slot):
                stack[sp] = slots[slot]
                sp += 1
            case .scaleUp(let factor):
                let (v, o) = stack[sp - 1].multipliedReportingOverflow(by: factor)
                if o { return nil }
                stack[sp - 1] = v
            case .add:
                sp -= 1
                let (v, o) = stack[sp - 1].addingReportingOverflow(stack[sp])
                if o { return nil }
                stack[sp - 1] = v
            case .subtract:
                sp -= 1
                let (v, o) = stack[sp - 1].subtractingReportingOverflow(stack[sp])
                if o { return nil }
                stack[sp - 1] = v
            case .multiply:
                sp -= 1
                let (v, o) = stack[sp - 1].multipliedReportingOverflow(by: stack[sp])
                if o { return nil }
                stack[sp - 1] = v
            case .negate:
                if stack[sp - 1] == .min { return nil }
                stack[sp - 1] = -stack[sp - 1]
            case .abs:
                if stack[sp - 1] == .min { return nil }
                if stack[sp - 1] < 0 { stack[sp - 1] = -stack[sp - 1] }
            case .minimum:
                sp -= 1
                if stack[sp] < stack[sp - 1] { stack[sp - 1] = stack[sp] }
            case .maximum:
                sp -= 1
                if stack[sp] > stack[sp - 1] { stack[sp - 1] = stack[sp] }
            case .clamp:
                sp -= 2
                let value = stack[sp - 1], low = stack[sp], high = stack[sp + 1]
                if low > high { return nil }
                stack[sp - 1] = value < low ? low : (value > high ? high : value)
            case .roundDrop(let factor, let mode):
                stack[sp - 1] = quotient(stack[sp - 1], factor, mode)
            case .divideRound(let exponent, let mode, let bound):
                sp -= 1
                var dividend = stack[sp - 1], divisor = stack[sp]
                if exponent >= 0 {
                    guard let factor = KernelCompiler.powerOfTen(exponent) else { return nil }
                    let (v, o) = dividend.multipliedReportingOverflow(by: factor)
                    if o { return nil }
                    dividend = v
                } else {
                    guard let factor = KernelCompiler.powerOfTen(-exponent) else { return nil }
                    let (v, o) = divisor.multipliedReportingOverflow(by: factor)
                    if o { return nil }
                    divisor = v
                }
                if divisor == 0 || divisor == .min || dividend == .min { return nil }
                if divisor < 0 {
                    divisor = -divisor
                    dividend = -dividend
                }
                if divisor >= bound { return nil }
                stack[sp - 1] = quotient(dividend, divisor, mode)
            case .compare(let comparison):
                sp -= 1
                let a = stack[sp - 1], b = stack[sp]
                let holds: Bool =
                    switch comparison {
                    case .equal: a == b
                    case .notEqual: a != b
                    case .less: a < b
                    case .lessOrEqual: a <= b
                    case .greater: a > b
                    case .greaterOrEqual: a >= b
                    }
                stack[sp - 1] = holds ? 1 : 0
            case .not:
                stack[sp - 1] = stack[sp - 1] == 0 ? 1 : 0
            case .and:
                sp -= 1
                stack[sp - 1] = stack[sp - 1] != 0 && stack[sp] != 0 ? 1 : 0
            case .or:
                sp -= 1
                stack[sp - 1] = stack[sp - 1] != 0 || stack[sp] != 0 ? 1 : 0
            case .jumpIfFalse(let target):
                sp -= 1
                if stack[sp] == 0 {
                    pc = target
                    continue
                }
            case .jump(let target):
                pc = target
                continue
            case .require:
                sp -= 1
                if stack[sp] == 0 { return nil }
            case .store(let slot, let maximum):
                sp -= 1
                let value = stack[sp]
                if value < 0 || value > maximum { return nil }
                slots[slot] = value
            }
            pc += 1
        }
        return sp > 0 ? stack[sp - 1] : 0
    }

    /// `dividend / divisor` (divisor > 0) rounded in `mode`, as `ExactDecimal` rounds: ties
    /// measured away from zero.
    @inline(__always)
    static func quotient(_ dividend: Int64, _ divisor: Int64, _ mode: RoundingMode) -> Int64 {
        let q = dividend / divisor
        let r = dividend % divisor
        if r == 0 { return q }
        let negative = dividend < 0
        let rest = r < 0 ? -r : r
        let other = divisor - rest
        let away: Bool
        switch mode {
        case .down: away = false
        case .up: away = true
        case .ceiling: away = !negative
        case .floor: away = negative
        case .halfUp: away = rest >= other
        case .halfDown: away = rest > other
        case .halfEven: away = rest > other || (rest == other && (q & 1) != 0)
        }
        guard away else { return q }
        return negative ? q - 1 : q + 1
    }
}
