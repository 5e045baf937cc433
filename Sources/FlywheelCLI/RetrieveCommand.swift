import ArgumentParser
import Corpora
import Evaluation
import Foundation
import FlywheelCore
import Retrieval
import WorldTruth

/// `flywheel retrieve CORPUS`: runs the BM25 first stage over a corpus split and reports
/// recall@75, P@8, nDCG@10 and MRR with trec_eval's semantics; writes TREC run and qrels files.
struct RetrieveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retrieve",
        abstract: "Run BM25 retrieval over a corpus split and print recall@75, P@8, nDCG@10, MRR.",
        discussion: """
            Splits (tickets in time order, as the corpus stores them):
              test   the last 5% of tickets (at least one) — the default
              train  every ticket before the test split
              all    every ticket
            The run is the top --k articles per ticket (ties by article id descending, as \
            trec_eval orders them); the qrels are the tickets' relevant articles. Both files can \
            be checked with trec_eval: trec_eval -m recall.75 -m P.8 -m ndcg_cut.10 -m recip_rank QRELS RUN.

            Examples:
              flywheel retrieve corpora/marketplace
              flywheel retrieve corpora/marketplace --split all --k 100 --no-stem
              flywheel retrieve corpora/marketplace --run-out results/bm25.run --qrels-out results/test.qrels
            """
    )

    enum Split: String, CaseIterable, ExpressibleByArgument {
        case test, train, all
        /// The share of tickets, in time order, that the test split takes from the end.
        static let testShare = 0.05

        func range(count: Int) -> Range<Int> {
            let test = count == 0 ? 0 : max(1, Int((Double(count) * Split.testShare).rounded(.up)))
            switch self {
            case .test: return (count - test)..<count
            case .train: return 0..<(count - test)
            case .all: return 0..<count
            }
        }
    }

    @Argument(help: "A corpus folder (manifest.json, articles.jsonl.zst, tickets.jsonl.zst).")
    var corpus: String

    @Option(help: "Which tickets to evaluate: \(Split.allCases.map(\.rawValue).joined(separator: ", ")).")
    var split: Split = .test

    @Option(help: "Depth of each ranked list.")
    var k: Int = 75

    @Option(help: "BM25 k1.") var k1: Double = BM25Parameters().k1
    @Option(help: "BM25 b.") var b: Double = BM25Parameters().b
    @Option(help: "Weight of title occurrences.") var titleWeight: Double = BM25Parameters().titleWeight

    @Option(help: "Write the TREC run here.") var runOut: String?
    @Option(help: "Write the TREC qrels here.") var qrelsOut: String?

    @Flag(name: .customLong("no-stem"), help: "Turn Porter stemming off.") var noStem = false

    func validate() throws {
        guard k >= 1 else { throw ValidationError("--k must be at least 1") }
        guard k1 >= 0 else { throw ValidationError("--k1 must be ≥ 0") }
        guard (0...1).contains(b) else { throw ValidationError("--b must be in [0, 1]") }
    }

    /// Streams the tickets: each selected ticket is retrieved and scored as it is read, and only
    /// its metric values are kept — unless `--run-out` asks for the run file, which holds every
    /// ranking until it is written (sorted by ticket id).
    func run() throws {
        let reader = try CorpusReader(directory: corpus)
        let articles = try reader.articles()
        let count = reader.manifest.counts.tickets
        let selected = split.range(count: count)
        let index = BM25Index(
            articles: articles, parameters: BM25Parameters(k1: k1, b: b, titleWeight: titleWeight),
            analyzer: Analyzer(.init(stemming: !noStem), memos: AnalysisMemos()))
        let metrics: [MetricName] = [MetricName(.recall, cutoff: k), .precision8, .ndcg10, .mrr]
        var scores = EvaluationAccumulator(metrics: metrics)
        var lists: [RankedList] = []
        var qrels = Qrels()
        var stream = try reader.tickets()
        var position = 0
        while let record = try stream.next() {
            defer { position += 1 }
            guard selected.contains(position) else { continue }
            let list = index.retrieve(record.ticket, depth: k)
            scores.add(list.articles, judgments: record.truth.relevant, ticket: record.ticket.id)
            if runOut != nil { lists.append(list) }
            if qrelsOut != nil { qrels.merge(record.truth) }
        }
        guard position == count else {
            throw InputError(
                file: corpus + "/" + Manifest.fileName, field: "counts.tickets",
                "says \(count) tickets but \(CorpusFile.tickets.fileName) has \(position)")
        }
        let report = scores.report()
        print(
            "corpus \(corpus): \(articles.count) articles; split \(split.rawValue): \(selected.count) tickets, \(report.tickets.count) with a relevant article"
        )
        for metric in metrics {
            let line = String(format: "%-12@ %.4f", metric.rawValue as NSString, report.mean(metric))
            print(line)
        }
        if let runOut { try Run(lists, tag: "flywheel-bm25").writeTREC(to: runOut) }
        if let qrelsOut { try qrels.writeTREC(to: qrelsOut) }
    }
}
