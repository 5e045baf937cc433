import FlywheelCore
import Testing

/// The shared interner and the merge-based set operations on its sorted id lists, against
/// `Set<String>` on seeded random word sets.
struct StringInternerTests {
    @Test func idsAreStableAndSortedOverlapEqualsSetIntersection() {
        let interner = StringInterner()
        #expect(interner.ids(["b", "a", "b"]) == [0, 1, 0], "a repeated string keeps its id")
        #expect(interner.knownIDs(["c", "a"]) == [1], "unknown strings are skipped, not added")
        #expect(interner.ids(["c"]) == [2])
        var rng = RandomStream(seed: 4, purpose: "interner", ids: [])
        for _ in 0..<200 {
            let a = Set((0..<rng.int(below: 20)).map { _ in "w\(rng.int(below: 30))" })
            let b = Set((0..<rng.int(below: 20)).map { _ in "w\(rng.int(below: 30))" })
            let ia = interner.ids(a).sorted(), ib = interner.ids(b).sorted()
            #expect(SortedIDs.overlap(ia, ib) == a.intersection(b).count)
            #expect(SortedIDs.isSubset(ia, of: ib) == a.isSubset(of: b))
        }
    }
}
