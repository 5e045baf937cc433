import FlywheelCore
import Foundation
import FlywheelTestSupport
import WorldTruth

/// The DSTC11 track 5 validation data (`$FLYWHEEL_DATASETS/dstc11-track5-val`, hotels and
/// restaurants; see its SOURCE.md), read directly for the learning test:
/// - every FAQ (body: the answer, title: the question) and every review (body: its sentences
///   in order) of `knowledge.json` is an article, id `<domain>-<entity>-faq<doc>` /
///   `<domain>-<entity>-review<doc>`;
/// - every `target: true` instance of `val/logs.json` + `val/labels.json` is a ticket whose
///   text is the last user turn; its truth has the cited FAQs and reviews as relevant (grade 1),
///   no nuggets, and the human `response` as the reference reply (the judge's coverage gold);
/// - the stand-in for the reranked top-8: the gold articles (at most 6) plus other documents of
///   the same entity and two of other entities, ordered by `gold + 0.8·N(0,1)` from a stream
///   keyed by the ticket — gold tends to rank high, as after a decent reranker, but not always.
enum HotelRestaurantData {
    static var folder: URL {
        Repository.sharedDataset("dstc11-track5-val")
    }

    static var isPresent: Bool {
        ["knowledge.json", "val/logs.json", "val/labels.json"].allSatisfy {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
    }

    /// The first `limit` knowledge-seeking turns, served with their stand-in top-8.
    static func load(limit: Int, seed: UInt64) throws -> [ServedTicket] {
        let knowledge = try json(folder.appendingPathComponent("knowledge.json")) as! [String: Any]
        var articles: [ArticleID: Article] = [:]
        var byEntity: [String: [ArticleID]] = [:]
        for domain in knowledge.keys.sorted() {
            let entities = knowledge[domain] as! [String: Any]
            for entity in entities.keys.sorted(by: { Int($0)! < Int($1)! }) {
                let e = entities[entity] as! [String: Any]
                let name = e["name"] as? String ?? entity
                let prefix = "\(domain)-\(entity)"
                var ids: [ArticleID] = []
                let faqs = e["faqs"] as? [String: Any] ?? [:]
                for doc in faqs.keys.sorted(by: { Int($0)! < Int($1)! }) {
                    let f = faqs[doc] as! [String: Any]
                    let id = ArticleID("\(prefix)-faq\(doc)")
                    articles[id] = Article(
                        id: id, title: "\(name): \(f["question"] as! String)", body: f["answer"] as! String,
                        topic: domain)
                    ids.append(id)
                }
                let reviews = e["reviews"] as? [String: Any] ?? [:]
                for doc in reviews.keys.sorted(by: { Int($0)! < Int($1)! }) {
                    let r = reviews[doc] as! [String: Any]
                    let sentences = r["sentences"] as! [String: String]
                    let body = sentences.keys.sorted(by: { Int($0)! < Int($1)! }).map { sentences[$0]! }.joined(
                        separator: " ")
                    let id = ArticleID("\(prefix)-review\(doc)")
                    articles[id] = Article(id: id, title: "\(name) review", body: body, topic: domain)
                    ids.append(id)
                }
                byEntity[prefix] = ids
            }
        }
        let entityKeys = byEntity.keys.sorted()
        let logs = try json(folder.appendingPathComponent("val/logs.json")) as! [[[String: Any]]]
        let labels = try json(folder.appendingPathComponent("val/labels.json")) as! [[String: Any]]
        var out: [ServedTicket] = []
        for (i, label) in labels.enumerated() where label["target"] as? Bool == true {
            guard out.count < limit else { break }
            let turns = logs[i]
            guard let text = turns.last?["text"] as? String else { continue }
            let ticketID = TicketID("dstc-val-\(i)")
            let ticket = Ticket(
                id: ticketID, createdAt: Timestamp(secondsSinceEpoch: 1_767_225_600 + Int64(i) * 60), text: text)
            var gold: [ArticleID] = []
            var entity = ""
            for k in label["knowledge"] as! [[String: Any]] {
                let domain = k["domain"] as! String
                let eid = k["entity_id"] as! Int
                entity = "\(domain)-\(eid)"
                let id = ArticleID("\(entity)-\(k["doc_type"] as! String)\(k["doc_id"] as! Int)")
                if !gold.contains(id), articles[id] != nil { gold.append(id) }
            }
            gold = Array(gold.prefix(6))
            var rng = RandomStream(seed: seed, purpose: "dstc.standin", ids: [UInt64(i)])
            var pool = gold
            for id in byEntity[entity] ?? [] where !pool.contains(id) && pool.count < 10 { pool.append(id) }
            for _ in 0..<2 {
                let other = byEntity[entityKeys[rng.int(below: entityKeys.count)]] ?? []
                if let id = other.first, !pool.contains(id) { pool.append(id) }
            }
            let keyed = pool.map { id in (id, (gold.contains(id) ? 1.0 : 0.0) + 0.8 * rng.normal()) }
            let top8 = keyed.sorted { $0.1 > $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }.prefix(8).map { articles[$0.0]! }
            let truth = TicketTruth(
                ticket: ticketID, relevant: Dictionary(uniqueKeysWithValues: gold.map { ($0, 1) }),
                referenceResponse: label["response"] as? String)
            out.append(ServedTicket(ticket: ticket, articles: top8, truth: truth))
        }
        return out
    }

    private static func json(_ url: URL) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url))
    }
}
