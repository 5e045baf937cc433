import FlywheelCore
import Testing

@testable import Retrieval

struct ExpansionModelTests {
    static let kb = [
        Article(id: "refund", title: "Refund policy", body: "Refunds are issued within five business days."),
        Article(id: "ship", title: "Shipping times", body: "Orders ship within two days of purchase."),
        Article(id: "pin", title: "Card PIN reset", body: "Reset your card PIN in the app settings.")
    ]
    static func ticket(_ id: String, _ text: String) -> Ticket {
        Ticket(id: TicketID(id), createdAt: Timestamp(secondsSinceEpoch: 0), text: text)
    }
    static let tickets = [
        ticket("t1", "I want my money back for the broken blender"),
        ticket("t2", "money back please, blender arrived broken"),
        ticket("t3", "where is my parcel, money")
    ]
    static let byID = Dictionary(uniqueKeysWithValues: tickets.map { ($0.id, $0) })
    static func mark(_ t: String, _ a: String, _ relevant: Bool) -> RelevanceAnnotation {
        RelevanceAnnotation(ticket: TicketID(t), agent: "ag", article: ArticleID(a), rank: 1, relevant: relevant)
    }

    @Test func relevantMarksExpandTheArticleWithTicketTerms() {
        // evidence 0: every surplus counts (the evidence test: ExpansionEvidenceTests)
        let model = ExpansionModel(configuration: ExpansionConfiguration(evidence: 0))
            .retrained(with: [Self.mark("t1", "refund", true)], tickets: Self.byID)
        #expect(model.expansion["refund"]?["monei"] == 1)
        #expect(model.expansion["refund"]?["blender"] == 1)
        #expect(model.demotion.isEmpty)
        #expect(model.generation == 1)
        // Customer wording that BM25 cannot match now finds the article.
        let index = BM25Index(articles: Self.kb)
        let query = Self.ticket("q", "blender broken, money back?")
        #expect(index.retrieve(query, depth: 3).articles.isEmpty)
        let learned = LearnedRetriever(index: index, model: model)
        #expect(learned.retrieve(query, depth: 3).articles == ["refund"])
    }

    @Test func weightsHalveEveryHalfLifeAndAreCappedPerArticle() {
        let config = ExpansionConfiguration(halfLifeDays: 7, cap: 3, minimumWeight: 0.3)
        let day = Timestamp(secondsSinceEpoch: 0)
        var model = ExpansionModel(configuration: config)
        model = model.retrained(
            with: [Self.mark("t1", "refund", true), Self.mark("t2", "refund", true)], tickets: Self.byID, at: day)
        let terms = model.expansion["refund"]!
        #expect(terms.count == 3)
        // monei, back, blender, broken occur in both tickets (weight 2); ties keep the first terms.
        #expect(terms == ["back": 2, "blender": 2, "broken": 2])
        model = model.retrained(with: [], tickets: Self.byID, at: day + .days(7))
        #expect(model.expansion["refund"] == ["back": 1, "blender": 1, "broken": 1])
        model = model.retrained(with: [], tickets: Self.byID, at: day + .days(21))
        #expect(model.expansion["refund"] == nil)  // 0.25 < minimum 0.3: forgotten
    }

    @Test func notRelevantMarksDemoteOnlyForThoseTerms() {
        let index = BM25Index(articles: Self.kb)
        let base = LearnedRetriever(
            index: index,
            model: ExpansionModel(configuration: ExpansionConfiguration(strength: 1, demotion: 0.5, evidence: 0)))
        let q = Self.ticket("q", "card shipping days")
        let before = base.retrieve(q, depth: 3).articles
        #expect(before.first == "ship")
        let marks = (0..<3).map { Self.mark("t\($0 + 1)", "ship", false) }
        let byID =
            [
                "t1": Self.ticket("t1", "shipping card days"), "t2": Self.ticket("t2", "shipping card days"),
                "t3": Self.ticket("t3", "shipping card days")
            ] as [TicketID: Ticket]
        var learned = base
        learned.retrain(with: marks, tickets: byID)
        #expect(learned.retrieve(q, depth: 3).articles.first != "ship")
        #expect(Set(learned.retrieve(q, depth: 3).articles) == Set(before))  // demotion adds nothing
    }

    @Test func retrainingIsDeterministicAndOrderIndependent() {
        let marks = [Self.mark("t1", "refund", true), Self.mark("t3", "ship", true), Self.mark("t2", "pin", false)]
        let a = ExpansionModel().retrained(with: marks, tickets: Self.byID)
        let b = ExpansionModel().retrained(with: marks.reversed(), tickets: Self.byID)
        #expect(a == b)
    }

    @Test func untrainedLearnedRetrieverEqualsBM25() {
        let index = BM25Index(articles: Self.kb)
        let learned = LearnedRetriever(index: index)
        for t in Self.tickets + [Self.ticket("x", "reset card pin within days")] {
            #expect(learned.retrieve(t, depth: 75) == index.retrieve(t, depth: 75))
        }
    }
}

/// The surplus weights' term sort (ASCII prefix keys) orders exactly as `String` does.
@Test func surplusTermSortEqualsStringSort() {
    var rng = RandomStream(seed: 12, purpose: "surplus-sort")
    let letters = Array("abcdxyz019")
    for trial in 0..<200 {
        var weights: [String: Double] = [:]
        for _ in 0..<rng.int(below: 60) {
            // shared prefixes longer and shorter than eight bytes
            let length = rng.int(below: 14)
            let term = "refund" + String((0..<length).map { _ in letters[rng.int(below: letters.count)] })
            weights[String(term.prefix(1 + rng.int(below: term.count)))] = rng.uniform()
        }
        if trial % 10 == 0 { weights["caf\u{e9}"] = 1 }  // non-ASCII: the plain sort
        let fast = SurplusWeights.sortedByTerm(weights)
        let plain = weights.sorted { $0.key < $1.key }
        #expect(fast.map(\.key) == plain.map(\.key))
        #expect(fast.map(\.value) == plain.map(\.value))
    }
}

/// Pruning (drop weights under the minimum, keep the `cap` heaviest terms, drop emptied
/// articles) gives what filtering every article afresh gives, for tables that lose nothing
/// (kept as they are), lose some terms, or lose everything.
@Test func pruningEqualsFilteringEveryArticleAfresh() {
    var rng = RandomStream(seed: 9, purpose: "prune-test", ids: [])
    for _ in 0..<50 {
        var weights: [ArticleID: [String: Double]] = [:]
        for a in 0..<8 {
            var terms: [String: Double] = [:]
            for t in 0..<rng.int(below: 12) { terms["t\(t)"] = rng.uniform() }
            weights[ArticleID("a\(a)")] = terms
        }
        let minimum = rng.uniform() * 0.5
        let cap = 1 + rng.int(below: 10)
        var expected: [ArticleID: [String: Double]] = [:]
        for (article, terms) in weights {
            let kept = terms.filter { $0.value >= minimum }.sorted {
                $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
            }.prefix(cap)
            if !kept.isEmpty { expected[article] = Dictionary(uniqueKeysWithValues: kept.map { ($0.key, $0.value) }) }
        }
        #expect(
            ExpansionModel.pruned(weights.mapValues(TermWeights.init), minimum: minimum, cap: cap)
                == expected.mapValues(TermWeights.init))
        let counts = Dictionary(uniqueKeysWithValues: weights.keys.map { ($0, rng.uniform()) })
        #expect(ExpansionModel.filtered(counts, minimum: minimum) == counts.filter { $0.value >= minimum })
    }
}
