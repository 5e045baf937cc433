import FlywheelCore
import Foundation
import Retrieval
import Testing

@testable import ProcessStages

/// A Swift plugin reads Flywheel's `index`, `publish` and `retrain` in one pass
/// (``ModelRequestScanner``) and gets what ``WireRequest`` (`JSONSerialization`) reads from the
/// same bytes; anything else — a batch with preferences or adoptions, a key it does not know, a
/// number that is not an integer — is left to ``WireRequest``.
@Suite struct ModelRequestScannerTests {
    static func slow(_ line: [UInt8]) throws -> WireRequest { try WireRequest(line) }

    @Test func theScannedIndexAndPublishAreWhatJSONSerializationReads() throws {
        let index = PluginMessages.Index(id: 2, model: 0, articles: RequestWriterTests.articles).json
        guard case .index(let id, let model, let articles)? = ModelRequestScanner.request(index) else {
            Issue.record("the scanner declined Flywheel's own index")
            return
        }
        #expect((id, model) == (2, 0))
        #expect(articles == (try Self.slow(index).articles("articles")), "ids, titles and bodies with every escape")
        let publish = PluginMessages.Publish(id: 9, from: 3, to: 4, articles: RequestWriterTests.articles).json
        guard case .publish(let id, let from, let to, let published)? = ModelRequestScanner.request(publish) else {
            Issue.record("the scanner declined Flywheel's own publish")
            return
        }
        #expect((id, from, to) == (9, 3, 4))
        #expect(published == articles)
    }

    @Test func theScannedRelevanceBatchIsWhatJSONSerializationReads() throws {
        var batch = ProtocolSchemaTests.batch
        for time in [batch.time, nil] {
            batch.time = time
            let wire = WireBatch(batch, analyzer: Analyzer(), parts: [.relevance])
            let line = PluginMessages.Retrain(id: 4, from: 1, to: 2, batch: wire).json
            guard case .retrain(let id, let from, let to, let fast)? = ModelRequestScanner.request(line) else {
                Issue.record("the scanner declined Flywheel's own relevance-only retrain")
                return
            }
            #expect((id, from, to) == (4, 1, 2))
            let slow = try Self.slow(line).batch("batch")
            #expect(fast.iteration == slow.iteration && fast.time == slow.time)
            #expect(fast.tickets == slow.tickets)
            #expect(fast.relevance == slow.relevance && fast.relevance.count == batch.relevance.count)
        }
    }

    @Test func aWholeBatchIsLeftToTheSlowPath() {
        let whole = WireBatch(ProtocolSchemaTests.batch, analyzer: Analyzer())
        #expect(!whole.preferences.isEmpty || !whole.adoptions.isEmpty, "the fixture has replies")
        #expect(ModelRequestScanner.request(PluginMessages.Retrain(id: 4, from: 1, to: 2, batch: whole).json) == nil)
    }

    @Test(arguments: [
        #"{"id":2,"op":"index","model":0,"articles":[],"extra":1}"#,  // a key it does not know
        #"{"id":2,"op":"index","articles":[]}"#,  // no model: the slow path names it
        #"{"id":2,"op":"index","model":0.0,"articles":[]}"#,  // NSNumber reads 0
        #"{"id":2,"op":"index","model":0,"from":1,"articles":[]}"#,
        #"{"id":2,"op":"index","model":0,"articles":[{"id":"a","title":"t"}]}"#,
        #"{"id":2,"op":"index","model":0,"articles":[{"id":"a","title":"t","body":"b","url":"x"}]}"#,
        #"{"id":2,"op":"publish","from":0,"articles":[]}"#,
        #"{"id":2,"op":"retrieve","model":0,"depth":5,"tickets":[]}"#,  // not a model request
        #"{"id":2,"op":"retrain","from":0,"to":1,"batch":{"iteration":1,"tickets":[],"relevance":[],"time":"later"}}"#,
        #"{"id":2,"op":"retrain","from":0,"to":1,"batch":{"iteration":1,"tickets":[],"relevance":[{"ticket":"t","agent":"a","article":"kb","rank":1,"relevant":1}]}}"#,
        #"{"id":2,"op":"retrain","from":0,"to":1,"batch":{"iteration":1,"tickets":[],"relevance":[],"adoptions":[],"adoptions":[]}}"#,
        #"{"id":2,"op":"retrain","from":0,"to":1,"batch":{"iteration":1,"tickets":[]}}"#
    ])
    func anythingElseIsLeftToTheSlowPath(line: String) {
        #expect(ModelRequestScanner.request(Array(line.utf8)) == nil, "the scanner must decline \(line)")
    }
}
