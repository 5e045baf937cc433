import FlywheelCore
import WorldTruth

/// Turns the schedule and the planned articles into tickets with their truth.
/// Every draw for ticket `i` comes from streams keyed by (seed, "ticket", i) and a purpose.
struct TicketFactory: Sendable {
    let config: SyntheticWorldConfig
    let planned: [PlannedArticle]
    /// Article indices per topic.
    let byTopic: [[Int]]
    let topicWeights: [[Double]]

    /// Of multi-issue tickets, the share whose second need is in the same topic.
    static let sameTopicSecondIssue = 0.35
    /// Share of tickets that also get a grade-1 topic sibling.
    static let siblingProbability = 0.3

    init(config: SyntheticWorldConfig, planned: [PlannedArticle]) {
        self.config = config
        self.planned = planned
        var byTopic = Array(repeating: [Int](), count: MarketplaceCatalogue.topics.count)
        for (i, p) in planned.enumerated() { byTopic[p.policy.topic].append(i) }
        self.byTopic = byTopic
        self.topicWeights = SyntheticWorld.topicWeights(config)
    }

    func makeTickets() -> [TicketRecord] {
        let times = SyntheticWorld.schedule(config)
        return times.indices.map { makeTicket(index: $0, of: times) }
    }

    /// Ticket `index` of the stream whose creation times are `times` (the schedule): a pure
    /// function of the config and the index, so tickets can be made in any order, on any thread.
    func makeTicket(index: Int, of times: [Timestamp]) -> TicketRecord {
        let width = max(6, String(times.count).count)
        return makeTicket(
            index: index, id: TicketID("tk-" + SyntheticText.padded(index + 1, width: width)), at: times[index])
    }

    // MARK: what the ticket needs

    func available(_ a: Int, at t: Timestamp) -> Bool { planned[a].introducedAt <= t }

    func pickTopic(at t: Timestamp, excluding: Int?, rng: inout RandomStream) -> Int? {
        let week = min(
            config.weeks - 1, max(0, Int((t.secondsSinceEpoch - config.start.secondsSinceEpoch) / (7 * 86_400))))
        var w = topicWeights[week]
        for k in w.indices where k == excluding || !byTopic[k].contains(where: { available($0, at: t) }) { w[k] = 0 }
        guard w.contains(where: { $0 > 0 }) else { return nil }
        return rng.weightedIndex(w)
    }

    /// An available article of `topic` not in `excluding`, drawn with probability proportional
    /// to its popularity (× the launch boost of a policy introduced mid-stream): the draw of
    /// `RandomStream.weightedIndex` over the candidates in `byTopic` order — the same sum, the
    /// same subtractions — made in two passes without building the candidate and weight arrays.
    func pickArticle(topic: Int, at t: Timestamp, excluding: [Int], rng: inout RandomStream) -> Int? {
        func weight(_ a: Int) -> Double {
            let p = planned[a]
            guard p.introducedDay != nil else { return p.popularity }
            return p.popularity
                * SyntheticWorld.launchBoost(ageSeconds: t.secondsSinceEpoch - p.introducedAt.secondsSinceEpoch)
        }
        let articles = byTopic[topic]
        func candidate(_ a: Int) -> Bool { available(a, at: t) && !excluding.contains(a) }
        var total = 0.0
        var first: Int?
        for a in articles where candidate(a) {
            if first == nil { first = a }
            total += weight(a)
        }
        guard let first else { return nil }
        precondition(total > 0, "weightedIndex needs a positive total weight")
        var x = rng.uniform() * total
        var lastPositive: Int?
        for a in articles where candidate(a) {
            let w = weight(a)
            x -= w
            if x < 0 { return a }
            if w > 0 { lastPositive = a }
        }
        return lastPositive ?? first
    }

    /// Positions (in the article's facts) the customer asks about.
    func askedFacts(_ a: Int, count: Int, rng: inout RandomStream) -> [Int] {
        let p = planned[a]
        var pool = Array(p.policy.facts.indices)
        var asked: [Int] = []
        if let changed = p.changedFact, rng.bernoulli(0.7) {
            asked.append(changed)
            pool.removeAll { $0 == changed }
        }
        while asked.count < min(count, p.policy.facts.count) {
            asked.append(pool.remove(at: rng.int(below: pool.count)))
        }
        return asked
    }

    func makeTicket(index: Int, id: TicketID, at t: Timestamp) -> TicketRecord {
        let root = RandomStream(seed: config.seed, purpose: "ticket", ids: [UInt64(index)])
        var pick = root.derived("needs")
        // 1. needed articles
        let topic = pickTopic(at: t, excluding: nil, rng: &pick)!
        let first = pickArticle(topic: topic, at: t, excluding: [], rng: &pick)!
        var needed = [first]
        // At most four articles: a list is quicker to search than a set.
        var blocked = [first]
        if let tw = planned[first].twin { blocked.append(tw) }
        if pick.bernoulli(config.knobs.multiIssueShare) {
            let second: Int?
            if pick.bernoulli(Self.sameTopicSecondIssue) {
                second = pickArticle(topic: topic, at: t, excluding: blocked, rng: &pick)
            } else if let other = pickTopic(at: t, excluding: topic, rng: &pick) {
                second = pickArticle(topic: other, at: t, excluding: blocked, rng: &pick)
            } else {
                second = nil
            }
            if let s = second {
                needed.append(s)
                blocked.append(s)
                if let tw = planned[s].twin { blocked.append(tw) }
            }
        }
        // 2. facts asked: 1–3 nuggets in all
        var asked: [[Int]]
        if needed.count == 1 {
            let n = [1, 2, 3][pick.weightedIndex([0.55, 0.35, 0.10])]
            asked = [askedFacts(first, count: n, rng: &pick)]
        } else {
            let twoForFirst = pick.bernoulli(0.3)
            asked = [
                askedFacts(needed[0], count: twoForFirst ? 2 : 1, rng: &pick),
                askedFacts(needed[1], count: 1, rng: &pick)
            ]
        }
        // 3. a partially relevant sibling in the same topic, same region where possible
        var relevant: [ArticleID: Int] = [:]
        for a in needed { relevant[planned[a].id] = 2 }
        if pick.bernoulli(Self.siblingProbability) {
            let candidates = byTopic[topic].filter { available($0, at: t) && !blocked.contains($0) }
            let sameRegion = candidates.filter { planned[$0].policy.region == planned[first].policy.region }
            let pool = sameRegion.isEmpty ? candidates : sameRegion
            if !pool.isEmpty { relevant[planned[pool[pick.int(below: pool.count)]].id] = 1 }
        }
        var conflicting: [ArticleID] = []
        for a in needed {
            if let tw = planned[a].twin, available(tw, at: t), relevant[planned[tw].id] == nil {
                conflicting.append(planned[tw].id)
            }
        }
        var nuggets: [Nugget] = []
        for (a, facts) in zip(needed, asked) {
            for f in facts {
                nuggets.append(Nugget(text: planned[a].rendered.factSentences[f], article: planned[a].id))
            }
        }
        // 4. what the customer wrote, and the reply an agent sent
        var meta = root.derived("meta")
        let channel = ["email", "chat", "phone"][meta.weightedIndex([0.45, 0.42, 0.13])]
        let region = MarketplaceScopes.regions[planned[first].policy.region]
        let locale =
            meta.bernoulli(0.6)
            ? SyntheticText.pick(region.locales, &meta)
            : ["en-US", "en-GB", "en-CA", "en-AU", "en-IE"][meta.weightedIndex([0.5, 0.25, 0.1, 0.1, 0.05])]
        var textRng = root.derived("text")
        let text = customerText(needed: needed, asked: asked, channel: channel, rng: &textRng)
        var replyRng = root.derived("reply")
        let reply = referenceResponse(nuggets: nuggets, rng: &replyRng)
        return TicketRecord(
            ticket: Ticket(id: id, createdAt: t, text: text, channel: channel, locale: locale),
            truth: TicketTruth(
                ticket: id, relevant: relevant, nuggets: nuggets, referenceResponse: reply,
                conflicting: conflicting.sorted()))
    }

    func referenceResponse(nuggets: [Nugget], rng: inout RandomStream) -> String {
        var parts = ["Hi there", SyntheticText.pick(MarketplaceCatalogue.replyOpeners, &rng)]
        parts += nuggets.map(\.text)
        parts.append(SyntheticText.pick(MarketplaceCatalogue.replyClosers, &rng))
        return parts.joined(separator: ". ") + "."
    }
}
