import ArgumentParser
import Foundation
import FlywheelCore
import Retrieval

/// `flywheel bench-bm25` (hidden): the Swift side of the bm25s side-by-side benchmark
/// (`Benchmarks/bm25/run.sh`). Reads the token dumps `flywheel analyze --json` wrote, builds the
/// index from exactly those tokens, times single-thread top-k queries and writes the lists.
struct BM25BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-bm25",
        abstract: "Benchmark BM25 over token dumps (for Benchmarks/bm25).",
        shouldDisplay: false
    )

    @Option(help: "Documents: JSONL of {\"id\",\"tokens\"}.") var docs: String
    @Option(help: "Queries: JSONL of {\"id\",\"tokens\"}.") var queries: String
    @Option(help: "Depth of each list.") var k: Int = 75
    @Option(help: "Timed passes over all queries (the median is reported).") var repeats: Int = 5
    @Option(help: "k1.") var k1: Double = 1.2
    @Option(help: "b.") var b: Double = 0.75
    @Option(help: "Where to write the lists (JSONL {\"id\",\"docs\",\"scores\"}).") var out: String?

    func run() throws {
        let rssStart = ProcessMemory.residentMiB()
        let docTokens = try Self.readTokens(docs)
        let queryTokens = try Self.readTokens(queries)
        let rssLoaded = ProcessMemory.residentMiB()
        let clock = ContinuousClock()
        let t0 = clock.now
        var index = BM25Index(
            analyzed: docTokens.map {
                (Article(id: ArticleID($0.id), title: "", body: ""), AnalyzedFields(title: [], body: $0.tokens))
            },
            parameters: BM25Parameters(k1: k1, b: b))
        let buildSeconds = (clock.now - t0).seconds
        let rssBuilt = ProcessMemory.residentMiB()
        index.preparePruning()  // after the build's time and memory: the default search does not need it
        // Warm-up pass, then timed passes: every matching document scored, and block-max
        // pruning, alternately, so their ratio is measured in one run; the default search
        // (`searchDocuments`) is whichever of the two `BM25Index.blockMaxFromDocuments` picks.
        // Like bm25s, the timed call returns document numbers and scores; ids are mapped after.
        var top = queryTokens.map { index.searchDocumentsExhaustive(terms: $0.tokens, depth: k) }
        var pruned = queryTokens.map { index.searchDocumentsPruned(terms: $0.tokens, depth: k) }
        var passSeconds: [Double] = []
        var passCPUSeconds: [Double] = []
        var prunedSeconds: [Double] = []
        var prunedCPUSeconds: [Double] = []
        for _ in 0..<max(repeats, 1) {
            let t = clock.now
            let c = ProcessMemory.processCPUSeconds()
            for (i, q) in queryTokens.enumerated() {
                top[i] = index.searchDocumentsExhaustive(terms: q.tokens, depth: k)
            }
            passCPUSeconds.append(ProcessMemory.processCPUSeconds() - c)
            passSeconds.append((clock.now - t).seconds)
            let e = clock.now
            let ec = ProcessMemory.processCPUSeconds()
            for (i, q) in queryTokens.enumerated() {
                pruned[i] = index.searchDocumentsPruned(terms: q.tokens, depth: k)
            }
            prunedCPUSeconds.append(ProcessMemory.processCPUSeconds() - ec)
            prunedSeconds.append((clock.now - e).seconds)
        }
        let identical = zip(pruned, top).allSatisfy { pruned, exhaustive in
            pruned.count == exhaustive.count
                && zip(pruned, exhaustive).allSatisfy {
                    $0.document == $1.document && $0.score.bitPattern == $1.score.bitPattern
                }
        }
        passCPUSeconds.sort()
        prunedSeconds.sort()
        prunedCPUSeconds.sort()
        let lists = top.map {
            $0.map { RankedList.Entry(article: index.articleID(ofDocument: $0.document), score: Double($0.score)) }
        }
        passSeconds.sort()
        let median = passSeconds[passSeconds.count / 2]
        if let out {
            var text = ""
            for (q, list) in zip(queryTokens, lists) {
                let object: [String: Any] = [
                    "id": q.id, "docs": list.map(\.article.rawValue), "scores": list.map(\.score)
                ]
                text += String(
                    decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
                text += "\n"
            }
            try text.write(toFile: out, atomically: true, encoding: .utf8)
        }
        let exhaustiveRate = Double(queryTokens.count) / passCPUSeconds[passCPUSeconds.count / 2]
        let prunedRate = Double(queryTokens.count) / prunedCPUSeconds[prunedCPUSeconds.count / 2]
        let prunesByDefault = docTokens.count >= BM25Index.blockMaxFromDocuments
        let summary: [String: Any] = [
            "documents": docTokens.count, "queries": queryTokens.count, "k": k,
            "build_seconds": buildSeconds, "pass_seconds": passSeconds,
            "queries_per_second": Double(queryTokens.count) / median,
            "pass_cpu_seconds": passCPUSeconds,
            "exhaustive_queries_per_cpu_second": exhaustiveRate,
            "default_search": prunesByDefault ? "block-max" : "exhaustive",
            "queries_per_cpu_second": prunesByDefault ? prunedRate : exhaustiveRate,
            "pruned_pass_seconds": prunedSeconds, "pruned_pass_cpu_seconds": prunedCPUSeconds,
            "pruned_queries_per_cpu_second": prunedRate,
            "pruned_speedup": median / prunedSeconds[prunedSeconds.count / 2],
            "pruned_lists_identical": identical,
            "rss_start_mib": rssStart, "rss_loaded_mib": rssLoaded, "rss_built_mib": rssBuilt,
            "index_mib": rssBuilt - rssLoaded, "peak_rss_mib": ProcessMemory.peakMiB()
        ]
        let data = try JSONSerialization.data(withJSONObject: summary, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    static func readTokens(_ path: String) throws -> [(id: String, tokens: [String])] {
        var result: [(id: String, tokens: [String])] = []
        try JSONLLines.forEach(in: path) { object, line in
            guard let tokens = object["tokens"] as? [String] else {
                throw InputError(file: path, line: line, field: "tokens", "expected an array of strings")
            }
            result.append(((object["id"] as? String) ?? "\(line)", tokens))
        }
        return result
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}

/// Resident and peak memory of this process, from /proc/self/status (Linux; 0 elsewhere), and
/// the process's CPU time (robust to other processes on a shared machine).
enum ProcessMemory {
    static func processCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }
    static func residentMiB() -> Double { field("VmRSS:") }
    static func peakMiB() -> Double { field("VmHWM:") }
    static func field(_ name: String) -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
        for line in text.split(separator: "\n") where line.hasPrefix(name) {
            let kib = line.split(separator: " ").dropFirst().first.flatMap { Double($0) } ?? 0
            return kib / 1024
        }
        return 0
    }
}
