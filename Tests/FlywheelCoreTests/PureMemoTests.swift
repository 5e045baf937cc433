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
            #expect(
                table.value("never inserted \u{2603}", hash: StringTable<Int>.hash("never inserted \u{2603}")) == nil)
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

    @Test func memoGivesTheFunctionsValuesFromAnyThreadAndHoldsAtMostTwoGenerations() async {
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
        for shard in 0..<PureMemo<Int>.shardCount { #expect(memo.count(shard: shard) <= 2 * 3) }
        #expect(memo.capacity == 2 * 3 * PureMemo<Int>.shardCount)
    }

    /// Counts calls of the memo's function (tests run it from one thread).
    final class Calls: @unchecked Sendable { var count = 0 }

    /// A long stream of distinct keys never grows the memo past its capacity, while keys asked
    /// again and again (a job's held-out tickets, quoted sentences) stay remembered: the
    /// function runs once for each of them however many keys pass in between.
    @Test func recentlyAskedKeysStayWhileAStreamPassesThrough() {
        let calls = Calls()
        let memo = PureMemo<Int>(shardCapacity: 8) { key in
            calls.count += 1
            return key.utf8.count
        }
        let hot = (0..<PureMemo<Int>.shardCount).map { "h" + String(repeating: "x", count: $0) }  // one per shard
        for key in hot { _ = memo.value(key) }
        for i in 0..<20_000 {
            _ = memo.value("ticket \(i) " + String(repeating: "w", count: i % 23))
            if i % 50 == 0 { for key in hot { #expect(memo.value(key) == key.utf8.count) } }
        }
        #expect(calls.count == 20_000 + hot.count)
        for shard in 0..<PureMemo<Int>.shardCount { #expect(memo.count(shard: shard) <= 2 * 8) }
    }
}
