import FlywheelCore

extension ExtractiveGenerator {
    /// How much one adoption annotation says for (+) or against (−) the sentences of its reply.
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
    /// 1. the sentence scorer is refitted on the adoption examples' sentences (good when the
    ///    evidence weight is positive, bad when negative, weighted by its size), with features
    ///    computed under the current prior;
    /// 2. the sentence prior records that evidence for each (article, position);
    /// 3. the length and tone policy move with the rationales (``GenerationPolicy``);
    /// 4. the reward model, given the new prior, is refitted on the preference pairs.
    /// Every model is regularised towards its previous self, so small batches move it a little.
    public func retrained(preferences: [PreferenceExample], adoptions: [AdoptionExample]) -> ExtractiveGenerator {
        var next = self
        var rows: [(features: [Double], good: Bool, weight: Double)] = []
        for ex in adoptions {
            let w = Self.sentenceEvidence(ex.annotation)
            guard w != 0 else { continue }
            let tokens = TextTokens.tokenSet(ex.ticket.text)
            for s in ex.reply.sentences {
                let c = SentenceFeatures.candidate(s, ticketTokens: tokens, prior: prior)
                rows.append((SentenceFeatures.vector(c, ticketTokens: tokens.count), w > 0, abs(w)))
                next.prior.record(article: s.article, position: s.position, weight: w)
            }
        }
        next.scorer = scorer.trained(rows: rows, l2: config.scorerL2)
        next.policy = policy.updated(with: adoptions, config: config)
        next.reward.prior = next.prior
        next.reward = next.reward.trained(on: preferences)
        next.version += 1
        return next
    }
}
