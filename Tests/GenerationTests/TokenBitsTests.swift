import FlywheelCore
import Testing

@testable import Generation

/// A ticket's token bit set counts a sentence's shared tokens exactly as the sorted merge does.
@Test func tokenBitsCountWhatTheSortedMergeCounts() {
    var rng = RandomStream(seed: 11, purpose: "token-bits")
    for _ in 0..<200 {
        let ticket = Array(Set((0..<rng.int(below: 25)).map { _ in Int32(rng.int(below: 300)) })).sorted()
        let sentence = Array(Set((0..<rng.int(below: 30)).map { _ in Int32(rng.int(below: 400)) })).sorted()
        let bits = TokenBits(ticket)
        let counted = sentence.withUnsafeBufferPointer { bits.count(in: $0) }
        #expect(counted == SortedIDs.overlap(sentence, ticket), "\(ticket) \(sentence)")
    }
    let none = TokenBits([])
    #expect([Int32(0), 5, 64, 1_000].withUnsafeBufferPointer { none.count(in: $0) } == 0)
    let edges = TokenBits([0, 63, 64, 127])
    #expect([Int32(0), 1, 63, 64, 65, 127, 128, 5_000].withUnsafeBufferPointer { edges.count(in: $0) } == 4)
}
