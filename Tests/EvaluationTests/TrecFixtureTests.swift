import Evaluation
import Foundation
import FlywheelCore
import Testing

/// Flywheel's metrics against pytrec_eval (trec_eval's own code) on the checked-in fixture
/// `Fixtures/trec/{run,qrels}.txt`: 34 judged tickets, 1,301 run lines with score ties, near-ties
/// below single precision, unjudged articles, short rankings, an all-zero ticket, judged tickets
/// missing from the run and run tickets missing from the qrels. `expected.json` was produced by
/// `Benchmarks/trec/expected.py` (pytrec_eval-terrier 0.5.11; ranx 0.3.21 agrees exactly on the same
/// rankings). Tolerance 1e-9 absolute, per ticket and for every mean.
@Suite struct TrecFixtureTests {
    struct Expected: Decodable {
        var per_query: [String: [String: Double]]
        var per_query_missing: [String: [String: Double]]
        var mean: [String: [String: Double]]
    }

    static let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
        .appendingPathComponent("trec")

    func load() throws -> (run: Run, qrels: Qrels, expected: Expected) {
        let run = try Run(contentsOfTRECFile: Self.folder.appendingPathComponent("run.txt").path)
        let qrels = try Qrels(contentsOfTRECFile: Self.folder.appendingPathComponent("qrels.txt").path)
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("expected.json"))
        return (run, qrels, try JSONDecoder().decode(Expected.self, from: data))
    }

    func metrics(_ expected: Expected) throws -> [MetricName] {
        try expected.mean["trec-eval"]!.keys.sorted().map { try MetricName.parse($0) }
    }

    @Test func perTicketValuesEqualPytrecEvalWithinOneBillionth() throws {
        let (run, qrels, expected) = try load()
        let report = evaluate(run: run, qrels: qrels, metrics: try metrics(expected), selection: .trecEval)
        #expect(report.tickets.map(\.rawValue) == expected.per_query.keys.sorted())
        var compared = 0
        for (ticket, values) in expected.per_query {
            for (name, value) in values {
                let ours = report.value(MetricName(name)!, for: TicketID(ticket))
                #expect(
                    ours != nil && abs(ours! - value) <= 1e-9,
                    "\(ticket) \(name): \(String(describing: ours)) vs \(value)")
                compared += 1
            }
        }
        #expect(compared == 32 * 8)
    }

    @Test func judgedTicketsMissingFromTheRunScoreZeroUnderTrecEvalComplete() throws {
        let (run, qrels, expected) = try load()
        let report = evaluate(run: run, qrels: qrels, metrics: try metrics(expected), selection: .trecEvalComplete)
        #expect(report.tickets.count == 34)
        for (ticket, values) in expected.per_query_missing {
            for (name, value) in values {
                #expect(report.value(MetricName(name)!, for: TicketID(ticket)) == value)
            }
        }
    }

    @Test(arguments: QuerySelection.allCases)
    func meansEqualPytrecEvalWithinOneBillionth(selection: QuerySelection) throws {
        let (run, qrels, expected) = try load()
        let report = evaluate(run: run, qrels: qrels, metrics: try metrics(expected), selection: selection)
        let means = try #require(expected.mean[selection.rawValue])
        for (name, value) in means {
            #expect(abs(report.mean(MetricName(name)!) - value) <= 1e-9, "\(selection) \(name)")
        }
    }

    @Test func theFixtureRunRoundTripsThroughTrecText() throws {
        let (run, qrels, _) = try load()
        #expect(try Run(trecText: try run.trecText()) == run)
        #expect(try Qrels(trecText: try qrels.trecText()) == qrels)
        #expect(run.tag == "fixture")
    }
}
