import FlywheelCore

/// The order in which trec_eval reads a ranking, which every metric here follows.
///
/// trec_eval (9.0.x, `form_res_rels.c`, and `pytrec_eval`, which embeds it) ignores the rank column
/// of a run and sorts each query's documents by score descending, ties by document id in
/// *descending* `strcmp` order. It stores scores as single-precision `float`, so two scores that are
/// equal after rounding to `Float` are a tie: 1.0 and 1.0000000001 tie, 1.0 and 1.0000001 do not.
/// Both facts were verified against pytrec_eval-terrier 0.5.11 (see `docs/notes/evaluation.md`).
///
/// Document ids are compared by their UTF-8 bytes (what `strcmp` does), not by Swift's
/// Unicode-aware `String` ordering. A NaN score sorts after every number.
enum TrecOrder {
    /// The score as trec_eval compares it.
    @inline(__always)
    static func comparableScore(_ score: Double) -> Float {
        score.isNaN ? -.infinity : Float(score)
    }

    /// Whether `a` comes before `b` in trec_eval's order.
    @inline(__always)
    static func precedes(_ a: RankedList.Entry, _ b: RankedList.Entry) -> Bool {
        let sa = comparableScore(a.score)
        let sb = comparableScore(b.score)
        if sa != sb { return sa > sb }
        return byteOrderPrecedes(b.article.rawValue, a.article.rawValue)
    }

    /// `strcmp(a, b) < 0`.
    @inline(__always)
    static func byteOrderPrecedes(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// `entries` in trec_eval's order with each article kept once, at its best position.
    static func normalized(_ entries: [RankedList.Entry]) -> [RankedList.Entry] {
        let sorted = entries.sorted(by: precedes)
        var seen = Set<ArticleID>(minimumCapacity: sorted.count)
        var out = [RankedList.Entry]()
        out.reserveCapacity(sorted.count)
        for entry in sorted where seen.insert(entry.article).inserted { out.append(entry) }
        return out
    }
}
