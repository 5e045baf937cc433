import FlywheelCore

/// Memos of the analyzer's pure functions, owned by one run: ``PorterStemmer/stem(_:)`` of
/// every word, and ``Analyzer/terms(_:)`` of ticket texts for each analysis chain (the two
/// switches that change the result: stemming, and whether the stop-word list is in use).
///
/// The run that wires a system creates one (in its `RunCaches`) and hands it to the analyzers
/// of its retriever and reranker, so every job of the run analyses a ticket once, and the
/// memos are freed with the run — nothing is process-wide, and two runs (or two tests) share
/// nothing. Both functions are pure, so a memo changes no result; an ``Analyzer`` without one
/// computes directly.
///
/// ```swift
/// let memos = AnalysisMemos()
/// let analyzer = Analyzer(Analyzer.Configuration(), memos: memos)
/// analyzer.queryTerms("Refunds to my card")   // ["refund", "card"], analysed once per run
/// ```
public final class AnalysisMemos: Sendable {
    /// Stems by word: every word of every ticket, article and retraining example.
    let stems: PureMemo<String>
    /// Query terms by ticket text, one memo per chain; index: stemming × 2 + stop words.
    let queryTerms: [PureMemo<[String]>]

    /// `stemCapacity` and `queryCapacity`: entries per shard and generation (``PureMemo``); the
    /// defaults hold the words of a large help centre and the tickets of the last few windows.
    public init(stemCapacity: Int = 16_384, queryCapacity: Int = 1_024) {
        let stems = PureMemo<String>(shardCapacity: stemCapacity) { PorterStemmer.stem($0) }
        self.stems = stems
        queryTerms = [(false, false), (false, true), (true, false), (true, true)].map { stemming, stopWords in
            let analyzer = Analyzer(Analyzer.Configuration(stemming: stemming, stopWords: stopWords), stems: stems)
            return PureMemo<[String]>(shardCapacity: queryCapacity) { analyzer.terms($0) }
        }
    }

    /// The query-terms memo of one analysis chain.
    func queryTerms(_ configuration: Analyzer.Configuration) -> PureMemo<[String]> {
        queryTerms[(configuration.stemming ? 2 : 0) + (configuration.stopWords ? 1 : 0)]
    }
}
