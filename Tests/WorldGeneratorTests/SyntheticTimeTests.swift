import FlywheelCore
import Testing
import WorldTruth

import Corpora
@testable import WorldGenerator

/// Volume and topic mix over time. Seeds are fixed; tolerances are stated per test.
@Test func weekdaysAreBusierThanWeekendsAndVolumeGrows() {
    var byWeekday = Array(repeating: 0, count: 7)
    for r in smallWorld.tickets { byWeekday[r.ticket.createdAt.weekday] += 1 }
    // Monday's weight is 1.18 vs Sunday's 0.72: apportioning is exact, so the order is strict.
    #expect(byWeekday[0] > byWeekday[5])
    #expect(byWeekday[0] > byWeekday[6])
    #expect(byWeekday[2] > byWeekday[6])
    let start = SyntheticWorldConfig.Defaults.start
    let firstWeek = smallWorld.tickets.filter { $0.ticket.createdAt < start + .weeks(1) }.count
    let lastWeek = smallWorld.tickets.filter { $0.ticket.createdAt >= start + .weeks(7) }.count
    #expect(lastWeek > firstWeek)  // +20% trend over the stream
}

@Test func apportionSumsExactly() {
    #expect(SyntheticWorld.apportion(10, weights: [1, 1, 1]) == [4, 3, 3])
    #expect(SyntheticWorld.apportion(7, weights: [2, 0, 5]).reduce(0, +) == 7)
}

@Test func topicMixDriftsOverTheWeeks() {
    let world = SyntheticWorld.generate(.init(seed: 42, articles: 300, tickets: 6000, weeks: 26))
    let start = world.config.start
    let topicOf = Dictionary(uniqueKeysWithValues: world.articles.map { ($0.id, $0.topic!) })
    func mix(_ from: Int, _ to: Int) -> [String: Double] {
        let slice = world.tickets.filter {
            $0.ticket.createdAt >= start + .weeks(from) && $0.ticket.createdAt < start + .weeks(to)
        }
        var counts: [String: Double] = [:]
        for r in slice { counts[topicOf[r.truth.nuggets[0].article!]!, default: 0] += 1 }
        return counts.mapValues { $0 / Double(slice.count) }
    }
    let early = mix(0, 6), late = mix(20, 26)
    let topics = Set(early.keys).union(late.keys)
    let totalVariation = topics.map { abs((early[$0] ?? 0) - (late[$0] ?? 0)) }.reduce(0, +) / 2
    // Sampling noise alone gives about 0.05 with ~1,300 tickets per window over 28 topics;
    // the drift model gives well above it.
    #expect(totalVariation > 0.12)
}
