import Testing
@testable import ScorecardEvaluation

/// The year reorders a million results in place by swaps (`Array.permute(by:)`): the element at
/// `i` afterwards is the one that was at `order[i]`, exactly as `order.map { old[$0] }`.
@Suite struct PermutationTests {
    @Test func eachPlaceTakesTheElementItsOrderNames() {
        var letters = ["a", "b", "c", "d", "e"]
        letters.permute(by: [2, 0, 4, 1, 3])
        #expect(letters == ["c", "a", "e", "b", "d"])
    }

    @Test func onlyThePrefixTheOrderCoversMoves() {
        var numbers = [10, 11, 12, 13, 14, 15]
        numbers.permute(by: [1, 2, 0])
        #expect(numbers == [11, 12, 10, 13, 14, 15])
    }

    @Test func everyPermutationOfSixIsAppliedAsTheMapWouldApplyIt() {
        let original = Array(100..<106)
        var checked = 0
        func each(_ prefix: [Int], _ rest: [Int]) {
            guard !rest.isEmpty else {
                var permuted = original
                permuted.permute(by: prefix)
                #expect(permuted == prefix.map { original[$0] }, "\(prefix)")
                checked += 1
                return
            }
            for (index, next) in rest.enumerated() {
                var others = rest
                others.remove(at: index)
                each(prefix + [next], others)
            }
        }
        each([], Array(original.indices))
        #expect(checked == 720)
    }
}
