import FlywheelCore
import Foundation

/// One generated article with the generator's private knowledge about it.
struct PlannedArticle: Sendable {
    var policy: SyntheticPolicy
    var rendered: SyntheticPolicy.Rendered
    /// Index (in the planned list) of its near-duplicate twin, if it has one.
    var twin: Int?
    var twinKind: SyntheticTwinKind?
    /// For a timing twin: the position (in `policy.facts`) of the fact whose value differs.
    var changedFact: Int?
    /// Day offset from the start when the policy is introduced; nil = before the stream starts.
    var introducedDay: Int?
    var createdAt: Timestamp
    var introducedAt: Timestamp
    /// Relative demand among articles of the same topic.
    var popularity: Double
    var id = ArticleID("")
}

/// Share of articles that are new policies introduced after the stream starts.
let newPolicyProbability = 0.08

extension SyntheticWorld {
    static let regionWeights: [Double] = [0.28, 0.16, 0.2, 0.08, 0.08, 0.06, 0.07, 0.07]
    static let listingWeights: [Double] = [0.34, 0.24, 0.07, 0.16, 0.1, 0.09]

    /// Plans and renders `config.articles` articles: base policies, some with a twin that
    /// differs in one slot (share `knobs.twinShare`), each published in `knobs.scopeVariants`
    /// scopes (every variant with its own chance of a twin); some introduced mid-stream. Ids are
    /// assigned in a seeded shuffled order, so a twin's id says nothing about its partner's.
    static func planArticles(_ config: SyntheticWorldConfig) -> [PlannedArticle] {
        let topics = MarketplaceCatalogue.topics
        let days = config.weeks * 7
        var planned: [PlannedArticle] = []
        planned.reserveCapacity(config.articles)
        // At most articles / topics variants per policy, so every topic keeps at least one policy.
        let variants = max(1, min(config.knobs.scopeVariants, config.articles / topics.count))
        var base = 0
        while planned.count < config.articles {
            var rng = RandomStream(seed: config.seed, purpose: "article", ids: [UInt64(base)])
            let topic = base % topics.count
            let policy = basePolicy(topic: topic, rng: &rng)
            planned.append(makePlanned(policy, config: config, days: days, rng: &rng))
            var scopes: Set<[Int]> = [[policy.region, policy.listing]]
            // With scope variants, topics not started yet keep one slot each (bases go round the
            // topics in order); one variant per policy keeps the original rule.
            let limit = variants > 1 ? config.articles - max(0, topics.count - 1 - base) : config.articles
            if planned.count < limit, rng.bernoulli(config.knobs.twinShare) {
                var twinRng = rng.derived("twin")
                let (twinPolicy, kind, changed) = twinOf(policy, rng: &twinRng)
                appendTwin(
                    twinPolicy, kind: kind, changed: changed, of: planned.count - 1, to: &planned, config: config,
                    days: days, rng: &twinRng)
                scopes.insert([twinPolicy.region, twinPolicy.listing])
            }
            // Scope variants: the same facts and values for other (region, listing type) scopes,
            // each drawn from its own stream so that one variant per policy (the default) makes
            // no draw at all.
            for k in 1..<variants where planned.count < limit {
                var variantRng = RandomStream(
                    seed: config.seed, purpose: "article-variant", ids: [UInt64(base), UInt64(k)])
                guard let variant = scopeVariant(of: policy, avoiding: scopes, rng: &variantRng) else { break }
                scopes.insert([variant.region, variant.listing])
                planned.append(makePlanned(variant, config: config, days: days, rng: &variantRng))
                // A variant gets its own twin with the same share, unless the twin's scope is taken.
                if planned.count < limit, variantRng.bernoulli(config.knobs.twinShare) {
                    var twinRng = variantRng.derived("twin")
                    let (twinPolicy, kind, changed) = twinOf(variant, rng: &twinRng)
                    guard !(kind != .timing && scopes.contains([twinPolicy.region, twinPolicy.listing])) else {
                        continue
                    }
                    scopes.insert([twinPolicy.region, twinPolicy.listing])
                    appendTwin(
                        twinPolicy, kind: kind, changed: changed, of: planned.count - 1, to: &planned, config: config,
                        days: days, rng: &twinRng)
                }
            }
            base += 1
        }
        assignIDs(&planned, seed: config.seed)
        return planned
    }

    static func basePolicy(topic: Int, rng: inout RandomStream) -> SyntheticPolicy {
        let t = MarketplaceCatalogue.topics[topic]
        let count = min(t.facts.count, rng.bernoulli(0.5) ? 3 : 4)
        var pool = Array(t.facts.indices)
        var chosen: [Int] = []
        for _ in 0..<count { chosen.append(pool.remove(at: rng.int(below: pool.count))) }
        chosen.sort()
        var policy = SyntheticPolicy(
            topic: topic, region: rng.weightedIndex(regionWeights), listing: rng.weightedIndex(listingWeights),
            facts: chosen, values: [], title: rng.int(below: t.titles.count),
            intro: rng.int(below: MarketplaceCatalogue.intros.count), closings: [])
        for k in chosen.indices {
            var v: [String: Int] = [:]
            for name in policy.numericSlotsOfFact(chosen[k]) {
                let values = MarketplaceSlot(rawValue: name)!.values
                v[name] = values[rng.int(below: values.count)]
            }
            policy.values.append(v)
        }
        let closingCount = 1 + rng.int(below: 2)
        var closings = Array(MarketplaceCatalogue.closings.indices)
        for _ in 0..<closingCount { policy.closings.append(closings.remove(at: rng.int(below: closings.count))) }
        policy.closings.sort()
        return policy
    }

    /// A copy of `policy` that differs in exactly one slot value.
    static func twinOf(_ policy: SyntheticPolicy, rng: inout RandomStream) -> (SyntheticPolicy, SyntheticTwinKind, Int?)
    {
        var twin = policy
        let timingPositions = policy.facts.indices.filter { !policy.numericSlots(at: $0).isEmpty }
        var kind: SyntheticTwinKind = [.region, .listing, .timing][rng.weightedIndex([0.4, 0.3, 0.3])]
        if kind == .timing, timingPositions.isEmpty { kind = .region }
        switch kind {
        case .region:
            twin.region = differentIndex(from: policy.region, weights: regionWeights, rng: &rng)
            return (twin, kind, nil)
        case .listing:
            twin.listing = differentIndex(from: policy.listing, weights: listingWeights, rng: &rng)
            return (twin, kind, nil)
        case .timing:
            let position = timingPositions[rng.int(below: timingPositions.count)]
            let slots = policy.numericSlots(at: position)
            let name = slots[rng.int(below: slots.count)]
            let values = MarketplaceSlot(rawValue: name)!.values.filter { $0 != policy.values[position][name] }
            twin.values[position][name] = values[rng.int(below: values.count)]
            return (twin, kind, position)
        }
    }

    /// Appends `twinPolicy` as the near-duplicate twin of `planned[a]` and links the pair.
    static func appendTwin(
        _ twinPolicy: SyntheticPolicy, kind: SyntheticTwinKind, changed: Int?, of a: Int,
        to planned: inout [PlannedArticle], config: SyntheticWorldConfig, days: Int, rng: inout RandomStream
    ) {
        var twin = makePlanned(twinPolicy, config: config, days: days, rng: &rng)
        twin.twin = a
        twin.twinKind = kind
        twin.changedFact = changed
        planned[a].twin = planned.count
        planned[a].twinKind = kind
        planned[a].changedFact = changed
        planned.append(twin)
    }

    /// A copy of `policy` for a (region, listing type) scope not in `avoiding`: a new region,
    /// a new listing type or both, drawn with the scope weights; nil when no scope is left.
    static func scopeVariant(of policy: SyntheticPolicy, avoiding: Set<[Int]>, rng: inout RandomStream)
        -> SyntheticPolicy?
    {
        var weights: [Double] = []
        var scopes: [[Int]] = []
        for r in regionWeights.indices {
            for l in listingWeights.indices where !avoiding.contains([r, l]) {
                scopes.append([r, l])
                weights.append(regionWeights[r] * listingWeights[l])
            }
        }
        guard !scopes.isEmpty else { return nil }
        let s = scopes[rng.weightedIndex(weights)]
        var variant = policy
        variant.region = s[0]
        variant.listing = s[1]
        return variant
    }

    static func differentIndex(from current: Int, weights: [Double], rng: inout RandomStream) -> Int {
        var w = weights
        w[current] = 0
        return rng.weightedIndex(w)
    }

    static func makePlanned(
        _ policy: SyntheticPolicy, config: SyntheticWorldConfig, days: Int, rng: inout RandomStream
    ) -> PlannedArticle {
        let start = config.start.secondsSinceEpoch
        var introducedDay: Int? = nil
        if days >= 3, rng.bernoulli(newPolicyProbability) {
            let lo = days > 14 ? 7 : 1
            let hi = days > 14 ? days - 7 : days - 1
            introducedDay = lo + rng.int(below: max(1, hi - lo))
        }
        let created: Int64
        if let d = introducedDay {
            created = start + Int64(d) * 86_400 + 9 * 3600
        } else {
            created = start - Int64(30 + rng.int(below: 700)) * 86_400 + Int64(8 + rng.int(below: 10)) * 3600
        }
        let rendered = policy.render()
        return PlannedArticle(
            policy: policy, rendered: rendered, introducedDay: introducedDay,
            createdAt: Timestamp(secondsSinceEpoch: created), introducedAt: Timestamp(secondsSinceEpoch: created),
            popularity: exp(0.8 * rng.normal()))
    }

    static func assignIDs(_ planned: inout [PlannedArticle], seed: UInt64) {
        let keys = planned.indices.map { i -> (UInt64, Int) in
            var r = RandomStream(seed: seed, purpose: "article-id", ids: [UInt64(i)])
            return (r.next(), i)
        }
        let order = keys.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        let width = max(4, String(planned.count).count)
        for (rank, key) in order.enumerated() {
            planned[key.1].id = ArticleID("kb-" + SyntheticText.padded(rank + 1, width: width))
        }
    }
}

extension SyntheticPolicy {
    func numericSlotsOfFact(_ fact: Int) -> [String] {
        SyntheticText.slots(in: MarketplaceCatalogue.topics[topic].facts[fact].article)
            .filter { MarketplaceSlot(rawValue: $0) != nil }
    }
}
