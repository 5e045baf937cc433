import FlywheelCore

extension ExtractiveGenerator {
    /// How this generator orders replies to `ticket`, as best-of-n does: first by the reward
    /// model, then (where rewards tie, as they all do before any preference is learned) by the
    /// mean selection score of the reply's sentences under the scorer and the learned sentence
    /// prior, which is how the baseline candidate is built. The deploy gate compares these
    /// orderings with agents' held-out judgements.
    public func appraisal(of reply: Reply, for ticket: Ticket) -> [Double] {
        let analysed = analysedSentences(reply, ticket: ticket)
        let features = replyFeatures(reply, analysed: analysed)
        let selection: Double
        if !analysed.candidates.isEmpty {
            let total = analysed.candidates.reduce(0.0) {
                $0 + scorer.score($1, ticketTokens: analysed.ticketTokenCount)
            }
            selection = total / Double(analysed.candidates.count)
        } else {
            selection = 0
        }
        return [reward.score(features: features), selection]
    }
}
