import FlywheelCore

extension ExtractiveGenerator {
    /// How much one adoption annotation says for (+) or against (−) its reply as a whole.
    ///
    /// | outcome | rationale | weight |
    /// | --- | --- | --- |
    /// | used | any | +1 |
    /// | edited | incorrect_information, outdated | 0 (we cannot tell which sentence was fixed) |
    /// | edited | other or none | +0.5 |
    /// | rejected | incorrect_information, outdated | −1 |
    /// | rejected | irrelevant | −0.5 |
    /// | rejected | missing_information, too_long, tone_or_style, other, none | 0 (not the sentences' fault) |
    public static func sentenceEvidence(_ a: AdoptionAnnotation) -> Double {
        let wrong = a.rationale == .incorrectInformation || a.rationale == .outdated
        switch a.outcome {
        case .used: return 1
        case .edited: return wrong ? 0 : 0.5
        case .rejected: return wrong ? -1 : (a.rationale == .irrelevant ? -0.5 : 0)
        }
    }

    /// The generator after learning from one batch of annotations: a pure, deterministic
    /// function of (this generator, `preferences`, `adoptions`), independent of any randomness.
    ///
    /// In order:
    /// 1. the sentence prior — the learned feature of the linear sentence scorer — records each
    ///    adoption's evidence for its reply's sentences (``sentenceCredit(_:)``) and its
    ///    ticket's words;
    /// 2. the length and tone policy move with the rationales and adoption records; a tone
    ///    switch also needs the preference pairs that show the same sentences in both tones not
    ///    to contradict it (``GenerationPolicy``);
    /// 3. the reward model, given the new prior, is refitted on the preference pairs,
    ///    regularised towards its previous weights, so small batches move it a little.
    ///
    /// The scorer's other weights stay as configured: refitting them as a classifier of
    /// adopted against rejected sentences was tried and made replies worse (helpfulness 4.13 →
    /// 3.34 on the generated world), because the outcome is per reply, not per sentence, so
    /// ticket-level difficulty confounds every sentence feature. See docs/reply-generation.md.
    /// The evidence of one adoption for each sentence of its reply, in order.
    ///
    /// Positive evidence (the reply was used or edited) goes to every sentence in full: each
    /// was acceptable. Negative evidence is blame, and one wrong sentence suffices to reject a
    /// reply, so it is shared out, summing to the reply's evidence: when the reply holds
    /// near-duplicate sentences from different articles (two versions of one policy, the
    /// usual source of a contradiction) the blame is split among those suspects only; else
    /// among all sentences. Without this split, the right version of a fact — which appears
    /// in the rejected replies alongside its wrong twin — is punished as hard as the twin.
    public static func sentenceCredit(_ example: AdoptionExample) -> [Double] {
        sentenceCredit(example, cache: nil)
    }

    /// ``sentenceCredit(_:)``, reading the sentences' tokens from `cache` where it has them
    /// (the same token sets, as sorted interned ids; the same counts).
    static func sentenceCredit(_ example: AdoptionExample, cache: ArticleAnalysisCache?) -> [Double] {
        let w = sentenceEvidence(example.annotation)
        let s = example.reply.sentences
        guard w < 0, !s.isEmpty else { return s.map { _ in w } }
        // the cache's interned ids when it has every sentence, else a local interning of all
        var tokens: [[Int32]] = []
        for sentence in s {
            guard let a = cache?.sentence(of: sentence.article, at: sentence.position), a.text == sentence.text
            else { break }
            tokens.append(a.tokenIDs)
        }
        if tokens.count < s.count {
            var intern: [String: Int32] = [:]
            tokens = s.map { SentenceFeatures.internSorted(TextTokens.tokenSet($0.text), &intern) }
        }
        var suspect = [Bool](repeating: false, count: s.count)
        for i in s.indices {
            for j in s.indices where j > i && s[i].article != s[j].article {
                let common = SortedIDs.overlap(tokens[i], tokens[j])
                let union = tokens[i].count + tokens[j].count - common
                if union > 0, Double(common) / Double(union) >= ReplyFeatures.nearDuplicateJaccard {
                    suspect[i] = true
                    suspect[j] = true
                }
            }
        }
        let suspects = suspect.filter { $0 }.count
        if suspects == 0 { return s.map { _ in w / Double(s.count) } }
        return suspect.map { $0 ? w / Double(suspects) : 0 }
    }

    public func retrained(
        preferences: [PreferenceExample], adoptions: [AdoptionExample], at time: Timestamp? = nil
    ) -> ExtractiveGenerator {
        var next = self
        var touched: [String] = []
        for ex in adoptions {
            let w = Self.sentenceEvidence(ex.annotation)
            guard w != 0 else { continue }
            let tokens = TextTokens.tokens(ex.ticket.text)
            for (s, credit) in zip(ex.reply.sentences, Self.sentenceCredit(ex, cache: analysis)) {
                next.prior.record(article: s.article, position: s.position, ticketTokens: tokens, weight: credit)
                if credit != 0 { touched.append(SentencePrior.key(s.article, s.position)) }
            }
        }
        let forgotten = next.prior.forgetWeakest(of: touched, keeping: config.priorWords)
        if next.prior.needsCompaction { next.prior.compactVocabulary() }
        next.policy = policy.updated(with: adoptions, preferences: preferences, config: config)
        next.reward.prior = next.prior
        // the compiled prior follows incrementally when this generator's was current
        if next.prior.isEmpty {
            next.compiledPrior = CompiledPriorSlot()
        } else if let base = compiledPrior.value, base.canUpdate(to: next.prior) {
            next.compiledPrior = CompiledPriorSlot(
                CompiledPrior(
                    updating: base, prior: next.prior, touched: touched, forgotten: forgotten, cache: next.analysis))
        } else {
            next.compiledPrior = CompiledPriorSlot(CompiledPrior(next.prior, cache: next.analysis))
        }
        let current = next
        next.reward = next.reward.trained(on: preferences, at: time) { current.replyFeatures($0, ticket: $1) }
        next.version += 1
        return next
    }

    /// `ReplyFeatures.vector(reply, ticket: ticket, prior: prior)` from the analysis of the
    /// reply's sentences (``analysedSentences(_:ticket:)``, and the compiled prior when there is
    /// one). Equal values: the same token sets, word counts, slot flags and prior values, on
    /// interned ids.
    func replyFeatures(_ reply: Reply, ticket: Ticket) -> [Double] {
        replyFeatures(reply, analysed: analysedSentences(reply, ticket: ticket))
    }

    /// ``replyFeatures(_:ticket:)`` from the reply's already analysed sentences.
    func replyFeatures(
        _ reply: Reply,
        analysed: (
            candidates: [SentenceCandidate], found: [AnalyzedSentence], ticketIDs: [Int32], ticketTokenCount: Int
        )
    ) -> [Double] {
        ReplyFeatures.vector(
            analysed.candidates, tokenIDs: analysed.found.map(\.tokenIDs), ticketIDs: analysed.ticketIDs,
            ticketTokenCount: analysed.ticketTokenCount, tone: reply.tone,
            frameWords: TextTokens.wordCount(reply.greeting) + TextTokens.wordCount(reply.closing))
    }

    /// The reply's sentences as the scorer sees them (features with this generator's prior),
    /// read from the cached analysis where it still has them and analysed from their text where
    /// not (``ArticleAnalysisCache/sentence(_:)``): the same values either way, so what else the
    /// process served meanwhile changes nothing.
    func analysedSentences(_ reply: Reply, ticket: Ticket) -> (
        candidates: [SentenceCandidate], found: [AnalyzedSentence], ticketIDs: [Int32], ticketTokenCount: Int
    ) {
        // every sentence's tokens are interned before the ticket's are looked up
        let found = reply.sentences.map { analysis.sentence($0) }
        let words = analysis.ticketWords.value(ticket.text)
        let ticketIDs = analysis.knownIDs(words.sorted)
        let ticketPrior = TicketPrior(prior, compiled: compiledPrior.value, ticketWords: words)
        let keys = SentenceFeatures.articleKeys(reply.sentences)
        let cands = reply.sentences.indices.map { i in
            let s = reply.sentences[i]
            return SentenceFeatures.candidate(
                rank: s.articleRank, position: s.position, articleKey: keys[i], analyzed: found[i],
                ticketIDs: ticketIDs,
                prior: ticketPrior.value(keyID: found[i].priorKeyID, article: s.article, position: s.position))
        }
        return (cands, found, ticketIDs, words.sorted.count)
    }
}
