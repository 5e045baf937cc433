import Foundation
import Testing

@testable import FlywheelCore

/// The memo's own hash table and its sharing: a memo gives what the function gives, for any
/// keys (seeded random loops against `Dictionary`).
struct PureMemoTests {
    /// Keys of many lengths (so many shards), with shared prefixes, repeats and non-ASCII text.
    static func keys(seed: UInt64, count: Int) -> [String] {
        var rng = RandomStream(seed: seed, purpose: "memo-keys")
        let alphabet = Array("ab c\u{e9}\u{1F600}xyz0123456789")
        return (0..<count).map { _ in
            let length = rng.int(below: 40)
            return String((0..<length).map { _ in alphabet[rng.int(below: alphabet.count)] })
        }
    }

    @Test func tableFindsWhatADictionaryFinds() {
        for trial in 0..<20 {
            var table = StringTable<Int>()
            var reference: [String: Int] = [:]
            for (i, key) in Self.keys(seed: UInt64(trial), count: 2_000).enumerated() {
                let hash = StringTable<Int>.hash(key)
                #expect(table.value(key, hash: hash) == reference[key], "trial \(trial), key \(key)")
                if reference[key] == nil {
                    table.insert(key, hash: hash, i)
                    reference[key] = i
                }
            }
            #expect(table.count == reference.count)
            for (key, value) in reference { #expect(table.value(key, hash: StringTable<Int>.hash(key)) == value) }
            #expect(table.value("never inserted \u{2603}", hash: StringTable<Int>.hash("never inserted \u{2603}")) == nil)
        }
    }

    @Test func hashDependsOnBytesOnlyAndIsNeverZero() {
        let a = "refund policy for hosts"
        let b = String(decoding: Array(a.utf8), as: UTF8.self)  // another storage
        #expect(StringTable<Int>.hash(a) == StringTable<Int>.hash(b))
        #expect(StringTable<Int>.hash("") & 1 == 1)
        #expect(StringTable<Int>.hash("ab") != StringTable<Int>.hash("ba"))
        // bridged or non-contiguous text takes the copying path to the same hash
        let nsString = NSString(string: a) as String
        #expect(StringTable<Int>.hash(nsString) == StringTable<Int>.hash(a))
    }

    @Test func memoGivesTheFunctionsValuesFromAnyThreadAndStopsGrowingAtCapacity() async {
        let memo = PureMemo<Int>(shardCapacity: 3) { $0.unicodeScalars.reduce(0) { $0 &* 31 &+ Int($1.value) } }
        let keys = Self.keys(seed: 99, count: 500)
        await withTaskGroup(of: Bool.self) { group in
            for part in 0..<4 {
                group.addTask {
                    keys.enumerated().allSatisfy { i, key in
                        i % 4 == part || memo.value(key) == key.unicodeScalars.reduce(0) { $0 &* 31 &+ Int($1.value) }
                    }
                }
            }
            for await ok in group { #expect(ok) }
        }
        for shard in 0..<PureMemo<Int>.shardCount { #expect(memo.tables[shard].count <= 3) }
    }
}
