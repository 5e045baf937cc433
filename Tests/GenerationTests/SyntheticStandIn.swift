import Corpora
import WorldGenerator
import FlywheelCore
import WorldTruth

/// The generated marketplace world served with a stand-in for the reranked top-8 (the issue
/// allows one built from the corpus): the ticket's relevant articles, its conflicting
/// near-duplicate twins, other articles of the same topics and two random ones, ordered by
/// `grade·0.5 + (twin ? 0.8 : 0) + noise·N(0,1)` from a stream keyed by the ticket — relevant
/// articles and their look-alike twins tend to rank high, as after a reasonably trained
/// reranker (noise 0.4: a topic sibling outranks a grade-2 article about 4% of the time, its
/// twin about 36%). With noise 0.6 (a weaker reranker) the reward model's held-out accuracy
/// drops to 0.70 (best-of-n still gains +0.25) — see Benchmarks/results/generation.md.
enum SyntheticStandIn {
    static func served(_ world: SyntheticWorld, seed: UInt64, noise: Double = 0.4) -> [ServedTicket] {
        let byID = Dictionary(uniqueKeysWithValues: world.articles.map { ($0.id, $0) })
        var byTopic: [String: [ArticleID]] = [:]
        for a in world.articles { byTopic[a.topic ?? "", default: []].append(a.id) }
        return world.tickets.map { record in
            let truth = record.truth
            var rng = RandomStream(
                seed: seed, purpose: "synthetic.standin", ids: [StableHash.fnv1a(record.ticket.id.rawValue)])
            var pool = truth.relevant.filter { $0.value > 0 }.keys.sorted()
            for id in truth.conflicting.sorted() where !pool.contains(id) { pool.append(id) }
            let topics = pool.compactMap { byID[$0]?.topic }.sorted()
            for topic in topics {
                let siblings = byTopic[topic] ?? []
                for _ in 0..<3 where !siblings.isEmpty {
                    let id = siblings[rng.int(below: siblings.count)]
                    if !pool.contains(id), pool.count < 11 { pool.append(id) }
                }
            }
            for _ in 0..<2 {
                let id = world.articles[rng.int(below: world.articles.count)].id
                if !pool.contains(id) { pool.append(id) }
            }
            let keyed = pool.map { id in
                (
                    id,
                    0.5 * Double(truth.relevant[id] ?? 0) + (truth.conflicting.contains(id) ? 0.8 : 0) + noise
                        * rng.normal()
                )
            }
            let top8 = keyed.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(8).compactMap { byID[$0.0] }
            return ServedTicket(ticket: record.ticket, articles: top8, truth: truth)
        }
    }
}
