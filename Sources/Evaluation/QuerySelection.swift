/// Which tickets a report averages over, and what a ticket missing from the run counts as.
///
/// trec_eval (and pytrec_eval) evaluate only tickets that are in both the run and the qrels; a
/// ticket judged but absent from the run is silently dropped (unless `-c`), and a ticket in the
/// qrels whose judgments are all 0 is evaluated and scores 0 on every metric. A ticket in the run
/// but not in the qrels is always ignored. Verified against pytrec_eval-terrier 0.5.11.
public enum QuerySelection: String, CaseIterable, Sendable, Codable {
    /// Flywheel's default: every ticket in the qrels with at least one relevant article
    /// (docs/evaluation.md); a ticket the run has no ranking for counts as an empty ranking, scoring 0, so a system
    /// cannot gain by returning nothing.
    case withRelevant = "with-relevant"
    /// trec_eval's default: tickets in both the run and the qrels, including those with no
    /// relevant article (which score 0).
    case trecEval = "trec-eval"
    /// trec_eval `-c`: every ticket in the qrels; one missing from the run scores 0.
    case trecEvalComplete = "trec-eval-complete"
}
