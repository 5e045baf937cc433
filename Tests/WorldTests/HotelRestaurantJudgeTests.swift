import FlywheelCore
import Foundation
import Testing
import FlywheelTestSupport
import WorldTruth

@testable import World

/// The judge on the DSTC11 track 5 hotel/restaurant validation data
/// (`$FLYWHEEL_DATASETS/dstc11-track5-val`, see its SOURCE.md): no nuggets, so coverage is
/// content-word recall of the human reference reply. Read directly with JSONSerialization;
/// skipped when the data set is absent.
enum DSTC {
    static let folder = Repository.sharedDataset("dstc11-track5-val")
        .standardizedFileURL

    static var isPresent: Bool {
        ["knowledge.json", "val/labels.json"].allSatisfy {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
    }

    struct Instance {
        var truth: TicketTruth
        /// The gold knowledge snippets, as (snippet id, text).
        var gold: [(ArticleID, String)]
        var entity: String
    }

    /// The first `limit` knowledge-seeking instances with their gold snippets (review sentences
    /// and FAQ answers; snippet ids `domain-entity-review-doc-sent` / `domain-entity-faq-doc`).
    static func load(limit: Int) throws -> [Instance] {
        let knowledge =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("knowledge.json")))
            as! [String: Any]
        let labels =
            try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("val/labels.json")))
            as! [[String: Any]]
        var out: [Instance] = []
        for (i, label) in labels.enumerated() where label["target"] as? Bool == true {
            guard out.count < limit, let response = label["response"] as? String else { continue }
            var gold: [(ArticleID, String)] = []
            var entityKey = ""
            for k in label["knowledge"] as? [[String: Any]] ?? [] {
                let domain = k["domain"] as! String
                let entity = "\(k["entity_id"] as! Int)"
                let doc = "\(k["doc_id"] as! Int)"
                entityKey = "\(domain)-\(entity)"
                guard let e = (knowledge[domain] as? [String: Any])?[entity] as? [String: Any] else { continue }
                if k["doc_type"] as? String == "faq" {
                    if let f = (e["faqs"] as? [String: Any])?[doc] as? [String: Any],
                        let answer = f["answer"] as? String
                    {
                        gold.append((ArticleID("\(entityKey)-faq-\(doc)"), answer))
                    }
                } else if let sent = k["sent_id"] as? Int,
                    let r = (e["reviews"] as? [String: Any])?[doc] as? [String: Any],
                    let text = (r["sentences"] as? [String: String])?["\(sent)"]
                {
                    gold.append((ArticleID("\(entityKey)-review-\(doc)-\(sent)"), text))
                }
            }
            guard !gold.isEmpty else { continue }
            let truth = TicketTruth(
                ticket: TicketID("dstc-val-\(i)"),
                relevant: Dictionary(gold.map { ($0.0, 1) }, uniquingKeysWith: max),
                referenceResponse: response)
            out.append(Instance(truth: truth, gold: gold, entity: entityKey))
        }
        return out
    }

    static func reply(_ snippets: [(ArticleID, String)]) -> Reply {
        Reply(
            greeting: "",
            sentences: snippets.enumerated().map {
                Reply.Sentence(text: $1.1, article: $1.0, articleRank: $0 + 1, position: 0)
            },
            closing: "", tone: .friendly)
    }
}

@Suite(.enabled(if: DSTC.isPresent, "needs $FLYWHEEL_DATASETS/dstc11-track5-val (see its SOURCE.md)"))
struct HotelRestaurantJudgeTests {
    @Test func referenceScoresHighAndUnrelatedSnippetsScoreLow() throws {
        let instances = try DSTC.load(limit: 300)
        #expect(instances.count == 300)
        let judge = Judge()
        var reference = 0.0, grounded = 0.0, unrelated = 0.0, unrelatedTotal = 0.0, groundedTotal = 0.0
        var unrelatedN = 0
        var rawRecall = 0.0  // content-word recall of the reference by the gold snippets, unscaled
        for (i, inst) in instances.enumerated() {
            // 1. the human reference reply itself, as one sentence grounded in the first gold snippet
            let ref = DSTC.reply([(inst.gold[0].0, inst.truth.referenceResponse!)])
            reference += judge.quality(of: ref, for: inst.truth).coverage
            // 2. the gold snippets themselves (what a perfect extractive generator could say)
            let g = judge.quality(of: DSTC.reply(inst.gold), for: inst.truth)
            grounded += g.coverage
            rawRecall += ContentTokens(inst.truth.referenceResponse!).recall(
                in: ContentTokens(inst.gold.map(\.1).joined(separator: " ")))
            groundedTotal += g.total
            // 3. the gold snippets of the next instance about a different entity
            if let other = instances[(i + 1)...].first(where: { $0.entity != inst.entity })
                ?? instances.first(where: { $0.entity != inst.entity })
            {
                let u = judge.quality(of: DSTC.reply(other.gold), for: inst.truth)
                unrelated += u.coverage
                unrelatedTotal += u.total
                unrelatedN += 1
            }
        }
        let n = Double(instances.count)
        print(
            "dstc11 judge over \(instances.count): coverage reference \(reference / n), gold snippets \(grounded / n) (raw recall \(rawRecall / n)), unrelated \(unrelated / Double(unrelatedN)); total gold \(groundedTotal / n), unrelated \(unrelatedTotal / Double(unrelatedN))"
        )
        #expect(reference / n > 0.99)  // a reply recalls all of its own words
        #expect(grounded / n > 0.5)  // grounded snippets recall much of what the human said
        #expect(unrelated / Double(unrelatedN) < 0.3)
        #expect(groundedTotal / n > unrelatedTotal / Double(unrelatedN) + 0.3)
    }
}
