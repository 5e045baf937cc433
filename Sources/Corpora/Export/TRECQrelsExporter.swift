import FlywheelCore
import WorldTruth

/// Writes a corpus' judgments as TREC qrels, one `qid 0 docid grade` line per judged
/// (ticket, article) pair, tickets in corpus order and articles sorted by id — the format
/// `trec_eval` and `ranx` read.
///
/// ```swift
/// try TRECQrelsExporter.lines(from: CorpusReader(directory: "corpora/marketplace")) { print($0) }
/// ```
public enum TRECQrelsExporter {
    /// Calls `emit` with each qrels line (without newline). Returns the number of lines.
    @discardableResult
    public static func lines(from corpus: CorpusReader, includeZeroGrades: Bool = true, _ emit: (String) throws -> Void)
        throws -> Int
    {
        var stream = try corpus.tickets()
        var n = 0
        while let r = try stream.next() {
            for article in r.truth.relevant.keys.sorted() {
                let grade = r.truth.relevant[article]!
                if grade == 0 && !includeZeroGrades { continue }
                try emit("\(r.ticket.id) 0 \(article) \(grade)")
                n += 1
            }
        }
        return n
    }
}
