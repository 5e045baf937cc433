import FlywheelCore

/// Features of a whole reply for a ticket, the input of the ``RewardModel``. Each is scaled to
/// about [0, 1] so one L2 strength suits them all.
///
/// Computed from the reply and the ticket alone (plus the generator's ``SentencePrior``), so the
/// reward model can score any reply, including one another generator wrote.
public enum ReplyFeatures {
    public static let names = [
        "sentences", "sentences_squared", "words", "tone_formal", "tone_friendly", "tone_brief",
        "mean_overlap", "max_overlap", "ticket_coverage", "mean_inverse_rank", "max_rank",
        "share_top1", "share_top2", "distinct_articles", "slot_share", "slot_count", "prior_sum",
        "mean_lead", "mean_density", "min_overlap", "zero_overlap_share", "near_duplicates",
        "short_hinge", "long_hinge", "share_top3", "share_rank5_plus"
    ]
    /// Knots of the piecewise-linear length basis, in words (a reply's words below the first and
    /// above the second).
    static let shortKnot = 30.0, longKnot = 100.0
    /// Two sentences from different articles whose content words have at least this Jaccard
    /// similarity are near-duplicates: typically the same policy in two versions that differ
    /// in one value, so one of them is likely wrong for the ticket.
    static let nearDuplicateJaccard = 0.6
    public static var count: Int { names.count }

    /// The feature vector of `reply` for `ticket`.
    public static func vector(_ reply: Reply, ticket: Ticket, prior: SentencePrior) -> [Double] {
        let ticketTokens = TextTokens.tokenSet(ticket.text)
        let sorted = prior.isEmpty ? [] : ticketTokens.sorted()
        var intern: [String: Int32] = [:]
        let keys = SentenceFeatures.articleKeys(reply.sentences)
        let built = zip(reply.sentences, keys).map {
            SentenceFeatures.candidate(
                $0, articleKey: $1, ticketTokens: ticketTokens, sortedTicketTokens: sorted, prior: prior,
                intern: &intern)
        }
        // only the ticket's tokens some sentence has can be covered
        var ticketIDs: [Int32] = []
        for t in ticketTokens { if let id = intern[t] { ticketIDs.append(id) } }
        ticketIDs.sort()
        return vector(
            built.map(\.candidate), tokenIDs: built.map(\.tokenIDs), ticketIDs: ticketIDs,
            ticketTokenCount: ticketTokens.count, tone: reply.tone,
            frameWords: TextTokens.wordCount(reply.greeting) + TextTokens.wordCount(reply.closing))
    }

    /// The features of candidates `s` whose token ids `tokenIDs` (one list per candidate, in
    /// order) share one interning with `ticketIDs`
    /// (the ids of the ticket's tokens that any sentence could contain, ascending);
    /// `ticketTokenCount` is the ticket's number of distinct content tokens.
    static func vector(
        _ s: [SentenceCandidate], tokenIDs: [[Int32]], ticketIDs: [Int32], ticketTokenCount: Int, tone: Reply.Tone,
        frameWords: Int
    ) -> [Double] {
        let n = Double(s.count)
        let t = Double(max(1, ticketTokenCount))
        let words = s.reduce(frameWords) { $0 + $1.words }
        var f = [Double](repeating: 0, count: count)
        f[0] = n / 4
        f[1] = (n / 4) * (n / 4)
        f[2] = Double(words) / 50
        f[22] = max(0, shortKnot - Double(words)) / shortKnot
        f[23] = max(0, Double(words) - longKnot) / longKnot
        f[3] = tone == .formal ? 1 : 0
        f[4] = tone == .friendly ? 1 : 0
        f[5] = tone == .brief ? 1 : 0
        guard !s.isEmpty else { return f }
        // One pass; every sum runs over the sentences in order, as the per-feature reductions did.
        var covered = [Bool](repeating: false, count: ticketIDs.count)
        var articles: [Int] = []
        var maxRank = 0
        var overlapSum = 0.0, overlapMax = -Double.infinity, overlapMin = Double.infinity
        var inverseRankSum = 0.0, priorSum = 0.0, leadSum = 0.0, densitySum = 0.0
        var top1 = 0, top2 = 0, top3 = 0, rank5Plus = 0, slotCount = 0, zeroOverlap = 0
        for (c, ids) in zip(s, tokenIDs) {
            SortedIDs.markShared(ids, in: ticketIDs, &covered)
            if !articles.contains(c.articleKey) { articles.append(c.articleKey) }
            let rank = c.articleRank
            maxRank = max(maxRank, rank)
            let overlap = Double(c.shared) / t
            overlapSum += overlap
            overlapMax = max(overlapMax, overlap)
            overlapMin = min(overlapMin, overlap)
            inverseRankSum += 1 / Double(max(1, rank))
            if rank <= 1 { top1 += 1 }
            if rank <= 2 { top2 += 1 }
            if rank <= 3 { top3 += 1 }
            if rank >= 5 { rank5Plus += 1 }
            if c.hasSlot { slotCount += 1 }
            priorSum += c.prior
            leadSum += 1 / Double(1 + c.position)
            densitySum += Double(c.shared) / Double(max(1, c.tokenCount))
            if c.shared == 0 { zeroOverlap += 1 }
        }
        f[6] = overlapSum / n
        f[7] = overlapMax
        f[8] = Double(covered.reduce(0) { $0 + ($1 ? 1 : 0) }) / t
        f[9] = inverseRankSum / n
        f[10] = Double(maxRank) / 8
        f[11] = Double(top1) / n
        f[12] = Double(top2) / n
        f[13] = Double(articles.count) / 4
        let slots = Double(slotCount)
        f[14] = slots / n
        f[15] = slots / 4
        f[16] = priorSum / 4
        f[17] = leadSum / n
        f[18] = densitySum / n
        f[19] = overlapMin
        f[20] = Double(zeroOverlap) / n
        var duplicates = 0
        for i in s.indices {
            for j in s.indices where j > i && s[i].articleKey != s[j].articleKey {
                let common = SortedIDs.overlap(tokenIDs[i], tokenIDs[j])
                let union = tokenIDs[i].count + tokenIDs[j].count - common
                if union > 0, Double(common) / Double(union) >= nearDuplicateJaccard { duplicates += 1 }
            }
        }
        f[21] = Double(duplicates) / 2
        f[24] = Double(top3) / n
        f[25] = Double(rank5Plus) / n
        return f
    }
}
