import FlywheelCore

/// How customers write: colloquial paraphrases of the facts they need, a colloquial mention of
/// where and what they booked, filler, channel style and typos.
extension TicketFactory {
    /// Typo rate per eligible word, by channel.
    static func typoRate(_ channel: String) -> Double {
        switch channel {
        case "chat": 0.06
        case "email": 0.03
        default: 0.01
        }
    }

    func customerText(needed: [Int], asked: [[Int]], channel: String, rng: inout RandomStream) -> String {
        let cat = MarketplaceCatalogue.self
        let first = planned[needed[0]]
        let topic = cat.topics[first.policy.topic]
        var sentences: [String] = []
        if rng.bernoulli(0.25) {
            sentences.append(SyntheticText.fill(
                SyntheticText.pick(cat.topicOpeners, &rng), ["ctopic": SyntheticText.pick(topic.customerNames, &rng)]))
        }
        // Where and what: more likely when the article's twin differs in exactly that slot.
        let mentionRegion = rng.bernoulli(first.twinKind == .region ? 0.85 : 0.5)
        let mentionListing = rng.bernoulli(first.twinKind == .listing ? 0.85 : 0.45)
        let scope = colloquialScope(first.policy, rng: &rng)
        let context: [String]
        switch (mentionRegion, mentionListing) {
        case (true, true): context = cat.contextWithBoth
        case (true, false): context = cat.contextWithRegion
        case (false, true): context = cat.contextWithListing
        case (false, false): context = []
        }
        if !context.isEmpty { sentences.append(SyntheticText.fill(SyntheticText.pick(context, &rng), scope)) }
        for (j, a) in needed.enumerated() {
            let p = planned[a]
            let facts = cat.topics[p.policy.topic].facts
            let slots = j == 0 ? scope : colloquialScope(p.policy, rng: &rng)
            for (k, position) in asked[j].enumerated() {
                let fact = facts[p.policy.facts[position]]
                var s = SyntheticText.fill(fact.customer[rng.weightedIndex(Self.paraphraseWeights)], slots)
                if k > 0 {
                    s = SyntheticText.pick(cat.secondFactJoiners, &rng) + s
                } else if j > 0 {
                    s = SyntheticText.pick(cat.secondIssueJoiners, &rng) + s
                }
                sentences.append(s)
            }
        }
        if rng.bernoulli(0.35) {
            let filler = SyntheticText.pick(cat.fillers, &rng)
            if rng.bernoulli(0.5) { sentences.insert(filler, at: 0) } else { sentences.append(filler) }
        }
        return styled(sentences, channel: channel, rng: &rng)
    }

    /// Colloquial values for `{cregion}` and `{clisting}`.
    func colloquialScope(_ policy: SyntheticPolicy, rng: inout RandomStream) -> [String: String] {
        [
            "cregion": SyntheticText.pick(MarketplaceScopes.regions[policy.region].colloquial, &rng),
            "clisting": SyntheticText.pick(MarketplaceScopes.listingTypes[policy.listing].colloquial, &rng),
        ]
    }

    /// Channel style: email has greetings and sign-offs, chat is terse and lower-case, phone
    /// tickets are an agent's call notes.
    func styled(_ sentences: [String], channel: String, rng: inout RandomStream) -> String {
        var text: String
        switch channel {
        case "chat":
            let body = sentences.map(SyntheticText.terminated).joined(separator: " ")
            text = rng.bernoulli(0.35) ? SyntheticText.pick(MarketplaceCatalogue.greetings, &rng).lowercased() + " " + body : body
            if rng.bernoulli(0.5) { text = String(text.dropLast()) }
        case "phone":
            text = "Caller: " + sentences.map { SyntheticText.capitalized(SyntheticText.terminated($0)) }.joined(separator: " ")
        default:
            var parts = sentences.map { SyntheticText.capitalized(SyntheticText.terminated($0)) }
            if rng.bernoulli(0.75) { parts.insert(SyntheticText.pick(MarketplaceCatalogue.greetings, &rng) + ",", at: 0) }
            if rng.bernoulli(0.5) { parts.append("Thanks, " + SyntheticText.pick(MarketplaceCatalogue.names, &rng)) }
            text = parts.joined(separator: " ")
        }
        text = SyntheticText.fixIndefiniteArticles(text)
        return SyntheticText.typos(text, rate: Self.typoRate(channel), rng: &rng)
    }
}
