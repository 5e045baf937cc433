import Evaluation
import Foundation
import FlywheelCore
import Testing

/// Scoring a stream one ticket at a time (`flywheel retrieve` never holds the rankings) gives
/// the report `evaluate` gives on the whole run: same tickets, same values, same means to the
/// last bit, whatever order the tickets arrive in. Fixture: `Fixtures/trec` (34 judged tickets,
/// ties, unjudged articles, judged tickets missing from the run, an all-zero ticket).
@Suite struct EvaluationAccumulatorTests {
    static let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("trec")
    static let metrics: [MetricName] = [.recall75, .precision8, .ndcg10, .mrr]

    func load() throws -> (run: Run, qrels: Qrels) {
        (
            try Run(contentsOfTRECFile: Self.folder.appendingPathComponent("run.txt").path),
            try Qrels(contentsOfTRECFile: Self.folder.appendingPathComponent("qrels.txt").path)
        )
    }

    /// Every judged ticket, with its ranking (empty when the run lacks it), in `order`.
    func accumulate(_ run: Run, _ qrels: Qrels, order: [TicketID]) -> EvaluationReport {
        var acc = EvaluationAccumulator(metrics: Self.metrics + [.recall75])  // a repeat is dropped, as evaluate drops it
        for ticket in order {
            acc.add(run.ranking(for: ticket)?.articles ?? [], judgments: qrels.judgments(for: ticket), ticket: ticket)
        }
        return acc.report()
    }

    @Test func streamedReportEqualsTheWholeRunsReportInAnyOrder() throws {
        let (run, qrels) = try load()
        let whole = evaluate(run: run, qrels: qrels, metrics: Self.metrics)
        #expect(whole.tickets.count > 20)
        var order = qrels.tickets
        for seed in 0..<3 as Range<UInt64> {
            let streamed = accumulate(run, qrels, order: order)
            #expect(streamed == whole, "order \(seed)")
            for metric in Self.metrics { #expect(streamed.mean(metric) == whole.mean(metric)) }
            var rng = RandomStream(seed: seed, purpose: "accumulator-order")
            for i in order.indices.reversed() where i > 0 { order.swapAt(i, rng.int(below: i + 1)) }
        }
    }

    @Test func ticketsWithoutARelevantArticleAreSkippedAndARepeatKeepsTheLastRanking() {
        let a = ArticleID("A-1")
        let b = ArticleID("A-2")
        var acc = EvaluationAccumulator(metrics: [.mrr])
        acc.add([a], judgments: [a: 0], ticket: TicketID("T-none"))  // only a grade-0 judgment
        acc.add([a, b], judgments: [b: 1], ticket: TicketID("T-1"))  // first relevant at rank 2
        acc.add([b, a], judgments: [b: 1], ticket: TicketID("T-1"))  // asked again: rank 1
        let report = acc.report()
        #expect(report.tickets == [TicketID("T-1")])
        #expect(report.value(.mrr, for: TicketID("T-1")) == 1)
    }
}
