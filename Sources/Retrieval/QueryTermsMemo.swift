import FlywheelCore

/// Process-wide memos of ``Analyzer/terms(_:)`` for ticket texts, one per analysis chain (the
/// two switches that change the result: stemming, and whether the stop-word list is in use).
/// The terms are a pure function of the text and the chain, so the memo changes no result;
/// it only saves re-analysing a ticket that another job, the reranker or an evaluation
/// already analysed.
enum QueryTermsMemo {
    /// Index: stemming × 2 + stop words.
    static let memos: [PureMemo<[String]>] = [
        (false, false), (false, true), (true, false), (true, true)
    ].map { stemming, stopWords in
        let analyzer = Analyzer(Analyzer.Configuration(stemming: stemming, stopWords: stopWords))
        return PureMemo<[String]>(shardCapacity: 1_024) { analyzer.terms($0) }
    }

    static func memo(stemming: Bool, stopWords: Bool) -> PureMemo<[String]> {
        memos[(stemming ? 2 : 0) + (stopWords ? 1 : 0)]
    }
}
