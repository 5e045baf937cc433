import FlywheelCore
import Foundation
import Testing
import WorldTruth

import Corpora
@testable import WorldGenerator

/// A small world shared by the invariant tests (generation is deterministic, so sharing is safe).
let smallWorld = SyntheticWorld.generate(.init(seed: 7, articles: 300, tickets: 3000, weeks: 8))

@Test func sameConfigGivesTheSameWorldValueForValue() {
    let config = SyntheticWorldConfig(seed: 11, articles: 120, tickets: 800, weeks: 4)
    let a = SyntheticWorld.generate(config)
    let b = SyntheticWorld.generate(config)
    #expect(a.articles == b.articles)
    #expect(a.tickets == b.tickets)
    #expect(a.twins == b.twins)
}

@Test func differentSeedsGiveDifferentWorlds() {
    let a = SyntheticWorld.generate(.init(seed: 1, articles: 100, tickets: 200, weeks: 2))
    let b = SyntheticWorld.generate(.init(seed: 2, articles: 100, tickets: 200, weeks: 2))
    #expect(a.articles != b.articles)
    #expect(a.tickets.map(\.ticket.text) != b.tickets.map(\.ticket.text))
}

@Test func configCountsAreHonoured() {
    #expect(smallWorld.articles.count == 300)
    #expect(smallWorld.tickets.count == 3000)
    #expect(Set(smallWorld.articles.map(\.id)).count == 300)
    #expect(Set(smallWorld.tickets.map(\.ticket.id)).count == 3000)
    let end = SyntheticWorldConfig.Defaults.start + .weeks(8)
    #expect(
        smallWorld.tickets.allSatisfy {
            $0.ticket.createdAt >= SyntheticWorldConfig.Defaults.start && $0.ticket.createdAt < end
        })
    #expect(Set(smallWorld.articles.compactMap(\.topic)).count >= 25)
}

@Test func everyReferencedArticleExists() {
    let ids = Set(smallWorld.articles.map(\.id))
    for r in smallWorld.tickets {
        #expect(r.truth.relevant.keys.allSatisfy(ids.contains))
        #expect(r.truth.nuggets.allSatisfy { $0.article.map(ids.contains) ?? false })
        #expect(r.truth.conflicting.allSatisfy(ids.contains))
        #expect(Set(r.truth.conflicting).isDisjoint(with: r.truth.relevant.keys))
        #expect(r.truth.ticket == r.ticket.id)
    }
}

@Test func ticketsAreInTimeOrder() {
    let times = smallWorld.tickets.map(\.ticket.createdAt)
    #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 })
    let ids = smallWorld.tickets.map(\.ticket.id)
    #expect(ids == ids.sorted())
}

@Test func noTicketNeedsAnArticleBeforeItIsIntroduced() {
    let introduced = Dictionary(uniqueKeysWithValues: smallWorld.articles.map { ($0.id, $0.introducedAt!) })
    for r in smallWorld.tickets {
        for a in r.truth.relevant.keys { #expect(introduced[a]! <= r.ticket.createdAt) }
        for a in r.truth.conflicting { #expect(introduced[a]! <= r.ticket.createdAt) }
    }
    // New policies exist and are asked about once they exist.
    let start = SyntheticWorldConfig.Defaults.start
    let new = Set(smallWorld.articles.filter { $0.introducedAt! > start }.map(\.id))
    #expect(!new.isEmpty)
    #expect(smallWorld.tickets.contains { !Set($0.truth.relevant.keys).isDisjoint(with: new) })
}

@Test func nuggetsAreVerbatimSentencesOfTheirArticles() {
    let bodies = Dictionary(uniqueKeysWithValues: smallWorld.articles.map { ($0.id, $0.body) })
    for r in smallWorld.tickets {
        #expect((1...3).contains(r.truth.nuggets.count))
        for n in r.truth.nuggets {
            let sentences = bodies[n.article!]!.dropLast().components(separatedBy: ". ")
            #expect(sentences.contains(n.text))
            #expect(r.truth.relevant[n.article!] == 2)
        }
        #expect(r.truth.referenceResponse!.contains(r.truth.nuggets[0].text))
    }
}

@Test func neededArticlesHaveGradeTwoAndSiblingsGradeOne() {
    for r in smallWorld.tickets {
        let grades = r.truth.relevant.values
        #expect((1...2).contains(grades.filter { $0 == 2 }.count))
        #expect(grades.allSatisfy { $0 == 1 || $0 == 2 })
    }
}

@Test func twinsDifferInExactlyOneSlot() {
    let byID = Dictionary(uniqueKeysWithValues: smallWorld.articles.map { ($0.id, $0) })
    #expect(!smallWorld.twins.isEmpty)
    for (id, twin) in smallWorld.twins {
        #expect(smallWorld.twins[twin.article]?.article == id)
        let a = byID[id]!, b = byID[twin.article]!
        #expect(a.topic == b.topic)
        let sa = a.body.components(separatedBy: ". "), sb = b.body.components(separatedBy: ". ")
        #expect(sa.count == sb.count)
        let differing = zip(sa, sb).filter { $0 != $1 }.count
        if twin.kind == .timing {
            #expect(differing == 1)  // one number in one fact sentence
            #expect(a.title == b.title)
        } else {
            #expect(differing >= 1)  // the scope appears in the intro and in some facts
        }
    }
}

@Test func channelsAndLocalesAreSet() {
    let channels = Set(smallWorld.tickets.compactMap(\.ticket.channel))
    #expect(channels == ["email", "chat", "phone"])
    #expect(Set(smallWorld.tickets.compactMap(\.ticket.locale)).count >= 4)
    #expect(smallWorld.articles.allSatisfy { $0.createdAt != nil && $0.createdAt! <= $0.introducedAt! })
}

@Test func invalidConfigsNameTheField() {
    #expect(throws: InputError(field: "articles", "must be between 10 and 1000000, got 3")) {
        try SyntheticWorldConfig(articles: 3).validate()
    }
    #expect(throws: InputError.self) { try SyntheticWorldConfig(weeks: 0).validate() }
    #expect(throws: InputError.self) { try SyntheticWorldConfig(tickets: 0).validate() }
}

@Test func configDecodesWithDefaultsForMissingKeys() throws {
    let empty = try JSONDecoder().decode(SyntheticWorldConfig.self, from: Data("{}".utf8))
    #expect(empty == SyntheticWorldConfig())
    let some = try JSONDecoder().decode(
        SyntheticWorldConfig.self, from: Data(#"{"seed": 7, "weeks": 8, "start": "2026-03-02"}"#.utf8))
    #expect(some.seed == 7 && some.weeks == 8 && some.articles == 1500)
    #expect(some.start == Timestamp(iso8601: "2026-03-02T00:00:00Z"))
}
