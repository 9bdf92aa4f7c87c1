import Testing
import ScorecardBase
import ScorecardExpression
@testable import ScorecardEvidence

/// The packed lists give back every row exactly as it was bound, per officer, in file order.
@Suite struct PackedListsTests {
    static func date(_ text: String) -> Value {
        LocalDate(text).map(Value.date) ?? .missing
    }

    static func number(_ coefficient: Int128, scale: Int) -> Value {
        .number(ExactDecimal(coefficient: coefficient, scale: scale))
    }

    @Test func everyKindOfValueReadsBackEqualAndWithItsScale() {
        let row: [Value] = [
            Self.date("2025-05-15"), .string("矿"), .string("一条很长的建议内容，超过十五个字节"), .string(""),
            .boolean(true), .boolean(false), .missing, Self.number(350, scale: 2), Self.number(-7, scale: 0),
            Self.number(Int128.max, scale: 28), Self.number(-Int128.max, scale: 0),
            .list([[.string("内"), Self.number(1, scale: 0)]]),
        ]
        var lists = PackedLists(officers: 3, interned: [[false, true] + Array(repeating: false, count: 10)])
        lists.append(row, list: 0, officer: 1)
        let back = lists.rows(list: 0, officer: 1)
        #expect(back == [row])
        // Equal values may differ in their written scale; the scale is kept.
        if case .number(let kept) = back[0][7] { #expect(kept.scale == 2) } else { Issue.record("not a number") }
        #expect(lists.rows(list: 0, officer: 0).isEmpty)
        #expect(lists.rows(list: 0, officer: 2).isEmpty)
    }

    @Test func aFieldNotKeptReadsBackMissingAndTakesOneByte() {
        let row: [Value] = [Self.date("2025-05-15"), .string("矿"), .string("一条很长的建议内容，超过十五个字节")]
        var kept = PackedLists(officers: 1, interned: [[false, true, false]], kept: [[true, true, true]])
        var dropped = PackedLists(officers: 1, interned: [[false, true, false]], kept: [[true, true, false]])
        for _ in 0..<1_000 {
            kept.append(row, list: 0, officer: 0)
            dropped.append(row, list: 0, officer: 0)
        }
        #expect(kept.rows(list: 0, officer: 0) == Array(repeating: row, count: 1_000))
        #expect(dropped.rows(list: 0, officer: 0) == Array(repeating: [row[0], row[1], .missing], count: 1_000))
    }

    @Test func rowsOfInterleavedOfficersStayInFileOrderAcrossChunks() {
        // Enough rows to fill several chunks, with two officers' rows interleaved and a third's
        // rows far apart, so that links cross chunks.
        var lists = PackedLists(officers: 3, interned: [[false, true]])
        var expected: [[[Value]]] = [[], [], []]
        let filler = String(repeating: "建", count: 300)
        for index in 0..<12_000 {
            let officer = index % 7 == 0 ? 2 : index % 2
            let row: [Value] = [.string("\(filler)\(index)"), .string(index % 3 == 0 ? "矿" : "区队")]
            lists.append(row, list: 0, officer: officer)
            expected[officer].append(row)
        }
        for officer in 0..<3 { #expect(lists.rows(list: 0, officer: officer) == expected[officer]) }
    }

    @Test func listsAreKeptApart() {
        var lists = PackedLists(officers: 2, interned: [[true], [true]])
        lists.append([.string("甲")], list: 0, officer: 0)
        lists.append([.string("乙")], list: 1, officer: 0)
        lists.append([.string("丙")], list: 1, officer: 1)
        #expect(lists.rows(list: 0, officer: 0) == [[.string("甲")]])
        #expect(lists.rows(list: 1, officer: 0) == [[.string("乙")]])
        #expect(lists.rows(list: 1, officer: 1) == [[.string("丙")]])
        #expect(lists.rows(list: 0, officer: 1).isEmpty)
    }

    @Test func aRowLargerThanAChunkIsKept() {
        var lists = PackedLists(officers: 1, interned: [[false]])
        let huge = String(repeating: "长", count: 500_000)
        lists.append([.string("短")], list: 0, officer: 0)
        lists.append([.string(huge)], list: 0, officer: 0)
        lists.append([.string("又短")], list: 0, officer: 0)
        #expect(lists.rows(list: 0, officer: 0) == [[.string("短")], [.string(huge)], [.string("又短")]])
    }
}
