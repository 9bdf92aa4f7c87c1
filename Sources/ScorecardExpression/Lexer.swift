import ScorecardBase

/// Splits expression text into tokens, catching the typing mistakes that non-programmers make
/// (full-width punctuation, `=`, `&&`) with a hint at the exact character.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(_ scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    static func tokenize(_ scalars: [Unicode.Scalar]) throws(ExpressionError) -> [Token] {
        var lexer = Lexer(scalars)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if case .end = token.kind { return tokens }
        }
    }

    /// An ASCII letter is settled without the Unicode property tables (the same answer, a
    /// table search less for nearly every name in a rule file).
    static func isNameStart(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s == "_" || (s.value | 0x20 >= 0x61 && s.value | 0x20 <= 0x7A) }
        return s.properties.isAlphabetic && FullWidth.halfWidth(of: s) == nil
    }

    static func isNameContinue(_ s: Unicode.Scalar) -> Bool {
        isNameStart(s) || ("0"..."9").contains(s)
    }

    private func peek(_ ahead: Int = 0) -> Unicode.Scalar? {
        let i = index + ahead
        return i < scalars.count ? scalars[i] : nil
    }

    private mutating func next() throws(ExpressionError) -> Token {
        while let s = peek(), s == " " || s == "\t" || s == "\n" || s == "\r" { index += 1 }
        let start = index
        guard let s = peek() else { return Token(kind: .end, offset: start, length: 0) }
        if ("0"..."9").contains(s) { return try number() }
        if Lexer.isNameStart(s) { return try name() }
        if s == "\"" || s == "'" { return try string(quote: s) }
        if let half = FullWidth.halfWidth(of: s) { throw ExpressionMessages.fullWidth(s, halfWidth: half, at: start) }
        index += 1
        func symbol(_ symbol: Token.Symbol, _ length: Int = 1) -> Token {
            index = start + length
            return Token(kind: .symbol(symbol), offset: start, length: length)
        }
        let following = peek()
        switch s {
        case "+": return symbol(.plus)
        case "-": return symbol(.minus)
        case "*": return symbol(.star)
        case "/": return symbol(.slash)
        case "(": return symbol(.openParen)
        case ")": return symbol(.closeParen)
        case ",": return symbol(.comma)
        case "<": return following == "=" ? symbol(.lessOrEqual, 2) : symbol(.less)
        case ">": return following == "=" ? symbol(.greaterOrEqual, 2) : symbol(.greater)
        case "=":
            if following == "=" { return symbol(.equal, 2) }
            throw ExpressionMessages.singleEquals(at: start)
        case "!":
            if following == "=" { return symbol(.notEqual, 2) }
            throw ExpressionMessages.exclamation(at: start)
        case "&":
            throw ExpressionMessages.ampersand(doubled: following == "&", at: start)
        case "|":
            throw ExpressionMessages.bar(doubled: following == "|", at: start)
        case ".":
            throw ExpressionMessages.strayDot(at: start)
        default:
            throw ExpressionMessages.unknownCharacter(s, at: start)
        }
    }

    private mutating func number() throws(ExpressionError) -> Token {
        let start = index
        while let s = peek(), ("0"..."9").contains(s) { index += 1 }
        var isInteger = true
        if peek() == ".", let after = peek(1), ("0"..."9").contains(after) {
            isInteger = false
            index += 1
            while let s = peek(), ("0"..."9").contains(s) { index += 1 }
        } else if peek() == ".", !(peek(1).map(Lexer.isNameStart) ?? false) {
            throw ExpressionMessages.missingFraction(at: start, length: index - start + 1)
        }
        if let s = peek(), Lexer.isNameContinue(s) || s == "." {
            var end = index
            while end < scalars.count, Lexer.isNameContinue(scalars[end]) { end += 1 }
            throw ExpressionMessages.numberRunsIntoName(at: start, length: end - start)
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<index])
        guard let value = ExactDecimal(text) else {
            throw ExpressionMessages.numberTooLarge(text, at: start, length: index - start)
        }
        return Token(kind: .number(value, isInteger: isInteger), offset: start, length: index - start)
    }

    /// A name, possibly dotted (`score.i07`), or a keyword.
    private mutating func name() throws(ExpressionError) -> Token {
        let start = index
        while true {
            while let s = peek(), Lexer.isNameContinue(s) { index += 1 }
            guard peek() == ".", let after = peek(1), Lexer.isNameStart(after) else { break }
            index += 1
        }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<index])
        if let keyword = Token.Keyword(rawValue: text) {
            return Token(kind: .keyword(keyword), offset: start, length: index - start)
        }
        return Token(kind: .name(text), offset: start, length: index - start)
    }

    private mutating func string(quote: Unicode.Scalar) throws(ExpressionError) -> Token {
        let start = index
        index += 1
        var text = ""
        while true {
            guard let s = peek() else {
                throw ExpressionMessages.unterminatedString(quote: quote, at: start)
            }
            index += 1
            if s == quote { break }
            if s == "\\" {
                switch peek() {
                case "\""?: text.unicodeScalars.append("\"")
                case "'"?: text.unicodeScalars.append("'")
                case "\\"?: text.unicodeScalars.append("\\")
                case "n"?: text.unicodeScalars.append("\n")
                default:
                    throw ExpressionMessages.badEscape(at: index - 1)
                }
                index += 1
                continue
            }
            text.unicodeScalars.append(s)
        }
        return Token(kind: .string(text), offset: start, length: index - start)
    }
}
