import Testing
import ScorecardBase

/// Short byte strings as the roster's look-ups hash and compare them.
@Suite struct ShortBytesTests {
    func hash(_ text: String, seed: UInt64 = 0) -> UInt64 {
        var text = text
        return text.withUTF8 { ShortBytes.hash($0, seed: seed) }
    }

    func equal(_ one: String, _ other: String) -> Bool {
        var (one, other) = (one, other)
        return one.withUTF8 { a in other.withUTF8 { b in ShortBytes.equal(a, b) } }
    }

    @Test func equalBytesOnly() {
        #expect(equal("O0000001", "O0000001"))
        #expect(equal("", ""))
        #expect(!equal("O0000001", "O0000002"))
        #expect(!equal("O000000", "O0000001"))
        #expect(!equal("", "a"))
        #expect(equal("采煤一队", "采煤一队"))
    }

    @Test func hashSeesEveryByteAndTheLength() {
        // Lengths around a word, and the last byte of a tail.
        let texts = ["", "a", "ab", "abcdefg", "abcdefgh", "abcdefghi", "abcdefgi", "abcdefgh\u{0}", "采煤一队甲班0000001"]
        #expect(Set(texts.map { hash($0) }).count == texts.count)
        #expect(hash("abcdefghi") == hash("abcdefghi"))
        // Parts chained through the seed: where one ends is part of the key.
        #expect(hash("c", seed: hash("ab")) != hash("bc", seed: hash("a")))
    }

    @Test func aMillionIdsSpreadOverTheLowBits() {
        let mask: UInt64 = (1 << 21) - 1
        var used = Set<UInt64>()
        for number in 0..<100_000 {
            used.insert(hash("O" + String(1_000_000 + number).dropFirst()) & mask)
        }
        // Random slots of a table twenty times larger collide about 2.4% of the time.
        #expect(used.count > 95_000)
    }
}
