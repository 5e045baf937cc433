import FlywheelCore

/// How customers write: colloquial paraphrases of the facts they need, a colloquial mention of
/// where and what they booked, filler, channel style and typos.
extension TicketFactory {
    /// Typo rate per eligible word, by channel: `knobs.typoRate` in chat, half in email, a
    /// sixth on the phone (0.06 / 0.03 / 0.01 by default).
    func typoRate(_ channel: String) -> Double {
        let rate = config.knobs.typoRate
        switch channel {
        case "chat": return rate
        case "email": return rate / 2
        default: return rate / 6
        }
    }

    /// Weights of a fact's customer paraphrases: [close to the article's wording, colloquial,
    /// colloquial], from `knobs.paraphraseRate`.
    var paraphraseWeights: [Double] {
        let p = config.knobs.paraphraseRate
        return [1 - p, p / 2, p / 2]
    }

    func customerText(needed: [Int], asked: [[Int]], channel: String, rng: inout RandomStream) -> String {
        let cat = MarketplaceCatalogue.self
        let first = planned[needed[0]]
        let topic = cat.topics[first.policy.topic]
        var sentences: [String] = []
        if rng.bernoulli(0.25) {
            sentences.append(
                SyntheticText.fill(
                    SyntheticText.pick(cat.topicOpeners, &rng),
                    ["ctopic": SyntheticText.pick(topic.customerNames, &rng)]))
        }
        // Where and what: more likely when the article's twin differs in exactly that slot.
        let mention = config.knobs.scopeMention
        let mentionRegion = rng.bernoulli(first.twinKind == .region ? max(0.85, mention) : mention)
        let mentionListing = rng.bernoulli(first.twinKind == .listing ? max(0.85, 0.9 * mention) : 0.9 * mention)
        let scope = colloquialScope(first.policy, rng: &rng)
        let contexts = cat.contexts(topic.audience(ofFact: first.policy.facts[asked[0][0]]))
        let context: [String]
        switch (mentionRegion, mentionListing) {
        case (true, true): context = contexts.both
        case (true, false): context = contexts.region
        case (false, true): context = contexts.listing
        case (false, false): context = []
        }
        if !context.isEmpty { sentences.append(SyntheticText.fill(SyntheticText.pick(context, &rng), scope)) }
        for (j, a) in needed.enumerated() {
            let p = planned[a]
            let facts = cat.topics[p.policy.topic].facts
            let slots = j == 0 ? scope : colloquialScope(p.policy, rng: &rng)
            for (k, position) in asked[j].enumerated() {
                let fact = facts[p.policy.facts[position]]
                var s = SyntheticText.fill(fact.customer[rng.weightedIndex(paraphraseWeights)], slots)
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

    /// Values for `{cregion}` and `{clisting}`: colloquial ("London", "condo"), or with
    /// probability `1 − knobs.vocabularyGap` each the article's own words ("the United Kingdom",
    /// "serviced apartment"). A gap of 1 makes no extra draw.
    func colloquialScope(_ policy: SyntheticPolicy, rng: inout RandomStream) -> [String: String] {
        let region = MarketplaceScopes.regions[policy.region]
        let listing = MarketplaceScopes.listingTypes[policy.listing]
        var cregion = SyntheticText.pick(region.colloquial, &rng)
        var clisting = SyntheticText.pick(listing.colloquial, &rng)
        let gap = config.knobs.vocabularyGap
        if gap < 1 {
            if !rng.bernoulli(gap) { cregion = region.name }
            if !rng.bernoulli(gap) { clisting = listing.name }
        }
        return ["cregion": cregion, "clisting": clisting]
    }

    /// Channel style: email has greetings and sign-offs, chat is terse and lower-case, phone
    /// tickets are an agent's call notes.
    func styled(_ sentences: [String], channel: String, rng: inout RandomStream) -> String {
        var text: String
        switch channel {
        case "chat":
            let body = sentences.map(SyntheticText.terminated).joined(separator: " ")
            text =
                rng.bernoulli(0.35)
                ? SyntheticText.pick(MarketplaceCatalogue.greetings, &rng).lowercased() + " " + body : body
            if rng.bernoulli(0.5) { text = String(text.dropLast()) }
        case "phone":
            text =
                "Caller: "
                + sentences.map { SyntheticText.capitalized(SyntheticText.terminated($0)) }.joined(separator: " ")
        default:
            var parts = sentences.map { SyntheticText.capitalized(SyntheticText.terminated($0)) }
            if rng.bernoulli(0.75) {
                parts.insert(SyntheticText.pick(MarketplaceCatalogue.greetings, &rng) + ",", at: 0)
            }
            if rng.bernoulli(0.5) { parts.append("Thanks, " + SyntheticText.pick(MarketplaceCatalogue.names, &rng)) }
            text = parts.joined(separator: " ")
        }
        text = SyntheticText.fixIndefiniteArticles(text)
        return SyntheticText.typos(text, rate: typoRate(channel), rng: &rng)
    }
}
