import Foundation
import FlywheelCore
import Testing

@testable import Generation

private let fiveDays = "A refund takes 5 business days to appear on your card."
private let tenDays = "A refund takes 10 business days to appear on your card."

private func sentence(_ text: String) -> Reply.Sentence {
    for (rank, article) in TinyKnowledgeBase.articles.enumerated() {
        if let p = SentenceSplitter.split(article.body).firstIndex(of: text) {
            return Reply.Sentence(text: text, article: article.id, articleRank: rank + 1, position: p)
        }
    }
    fatalError("no such sentence: \(text)")
}

private func adoption(
    _ texts: [String], _ outcome: AdoptionOutcome, _ why: RationaleCategory? = nil, tone: Reply.Tone = .friendly
) -> AdoptionExample {
    AdoptionExample(
        ticket: TinyKnowledgeBase.ticket,
        reply: ReplyComposer.compose(texts.map(sentence), tone: tone),
        annotation: AdoptionAnnotation(
            ticket: TinyKnowledgeBase.ticket.id, agent: "ag", outcome: outcome, rationale: why))
}

@Test func rejectionsAsIncorrectDropASentenceAndAdoptionsKeepOne() {
    let g = ExtractiveGenerator()
    let before = g.baseline(for: TinyKnowledgeBase.ticket, articles: TinyKnowledgeBase.articles)
    #expect(before.sentences.map(\.text).contains(tenDays))  // the outdated twin looks relevant
    let feedback =
        Array(repeating: adoption([fiveDays], .used), count: 6)
        + Array(repeating: adoption([tenDays], .rejected, .incorrectInformation), count: 6)
    let trained = g.retrained(preferences: [], adoptions: feedback)
    #expect(
        trained.prior.value(
            article: "kb-refunds-2019", position: 0, ticketTokens: TextTokens.tokenSet(TinyKnowledgeBase.ticket.text))
            < 0)
    #expect(
        trained.prior.value(
            article: "kb-refunds", position: 1, ticketTokens: TextTokens.tokenSet(TinyKnowledgeBase.ticket.text)) > 0)
    let after = trained.baseline(for: TinyKnowledgeBase.ticket, articles: TinyKnowledgeBase.articles)
    #expect(!after.sentences.map(\.text).contains(tenDays))
    #expect(after.sentences.map(\.text).contains(fiveDays))
    #expect(trained.version == 1)
}

@Test func evidenceWeightsFollowOutcomeAndRationale() {
    func w(_ o: AdoptionOutcome, _ r: RationaleCategory?) -> Double {
        ExtractiveGenerator.sentenceEvidence(AdoptionAnnotation(ticket: "t", agent: "a", outcome: o, rationale: r))
    }
    #expect(w(.used, nil) == 1)
    #expect(w(.edited, .toneOrStyle) == 0.5)
    #expect(w(.edited, .incorrectInformation) == 0)
    #expect(w(.rejected, .incorrectInformation) == -1)
    #expect(w(.rejected, .irrelevant) == -0.5)
    #expect(w(.rejected, .tooLong) == 0)
}

@Test func tooLongShortensAndMissingInformationLengthensTheLengthPolicy() {
    let g = ExtractiveGenerator()
    let shorter = g.retrained(
        preferences: [], adoptions: [adoption([fiveDays], .rejected, .tooLong), adoption([fiveDays], .used)])
    #expect(shorter.policy.length == g.policy.length - 1)
    let longer = g.retrained(preferences: [], adoptions: [adoption([fiveDays], .edited, .missingInformation)])
    #expect(longer.policy.length == g.policy.length + 1)
    #expect(g.retrained(preferences: [], adoptions: [adoption([fiveDays], .used)]).policy.length == g.policy.length)
}

@Test func toneComplaintsMoveTheTonePolicyOnceAnotherToneHasEvidence() {
    let g = ExtractiveGenerator()
    let feedback =
        Array(repeating: adoption([fiveDays], .rejected, .toneOrStyle), count: 10)
        + Array(repeating: adoption([fiveDays], .used, tone: .formal), count: 25)
    #expect(g.retrained(preferences: [], adoptions: feedback).policy.tone == .formal)
    // Too little evidence for the other tone: no switch.
    let thin =
        Array(repeating: adoption([fiveDays], .rejected, .toneOrStyle), count: 10)
        + Array(repeating: adoption([fiveDays], .used, tone: .formal), count: 5)
    #expect(g.retrained(preferences: [], adoptions: thin).policy.tone == .friendly)
}

private func preference(
    _ texts: [String], _ a: Reply.Tone, _ b: Reply.Tone, _ choice: PreferenceChoice, bTexts: [String]? = nil
) -> PreferenceExample {
    PreferenceExample(
        ticket: TinyKnowledgeBase.ticket, a: ReplyComposer.compose(texts.map(sentence), tone: a),
        b: ReplyComposer.compose((bTexts ?? texts).map(sentence), tone: b),
        annotation: PreferenceAnnotation(
            ticket: TinyKnowledgeBase.ticket.id, agent: "ag", choice: choice,
            margin: choice == .a || choice == .b ? .slightly : nil))
}

@Test func sameSentencePreferencesVetoAToneSwitchTheAdoptionRecordWouldMake() {
    let g = ExtractiveGenerator()
    // The adoption record alone switches friendly → formal (as in the test above) …
    let record =
        Array(repeating: adoption([fiveDays], .rejected, .toneOrStyle), count: 10)
        + Array(repeating: adoption([fiveDays], .used, tone: .formal), count: 25)
    // … but agents shown the same sentences in both tones preferred friendly 2 to 1: no switch.
    let sameSentences = [
        preference([fiveDays], .friendly, .formal, .a), preference([fiveDays], .formal, .friendly, .b),
        preference([fiveDays], .formal, .friendly, .a), preference([fiveDays], .formal, .friendly, .tie)
    ]
    #expect(g.retrained(preferences: sameSentences, adoptions: record).policy.tone == .friendly)
    // Pairs whose sentences differ say nothing about the tone alone, nor do ties and both-bad.
    let confounded = [
        preference([fiveDays], .friendly, .formal, .a, bTexts: [tenDays]),
        preference([fiveDays], .friendly, .formal, .a, bTexts: [fiveDays, tenDays]),
        preference([fiveDays], .friendly, .formal, .tie), preference([fiveDays], .friendly, .formal, .bothBad)
    ]
    let switched = g.retrained(preferences: confounded, adoptions: record).policy
    #expect(switched.tone == .formal)
    #expect(switched.toneDuels.isEmpty)
    // Evidence for the switch, or a draw, does not veto it.
    let draw = [preference([fiveDays], .friendly, .formal, .a), preference([fiveDays], .friendly, .formal, .b)]
    #expect(g.retrained(preferences: draw, adoptions: record).policy.tone == .formal)
}

@Test func retrainingIsAPureFunctionOfModelAndAnnotations() {
    let g = ExtractiveGenerator()
    let feedback = [adoption([fiveDays], .used), adoption([tenDays], .rejected, .incorrectInformation)]
    #expect(g.retrained(preferences: [], adoptions: feedback) == g.retrained(preferences: [], adoptions: feedback))
    #expect(g.retrained(preferences: [], adoptions: []).prior.isEmpty)
}

@Test func thePriorIsConditionedOnTheTicketsWords() {
    var prior = SentencePrior()
    prior.record(article: "us", position: 1, ticketTokens: ["florida", "refund"], weight: 1)
    prior.record(article: "eu", position: 1, ticketTokens: ["florida", "refund"], weight: -1)
    prior.record(article: "eu", position: 1, ticketTokens: ["paris", "refund"], weight: 1)
    #expect(prior.value(article: "us", position: 1, ticketTokens: ["florida"]) > 0)
    #expect(prior.value(article: "eu", position: 1, ticketTokens: ["florida"]) < 0)
    #expect(prior.value(article: "eu", position: 1, ticketTokens: ["paris"]) > 0)
    #expect(prior.value(article: "eu", position: 1, ticketTokens: ["refund"]) == 0)  // one for, one against
    #expect(prior.value(article: "us", position: 2, ticketTokens: ["florida"]) == 0)  // never seen
}

@Test func aTrainedGeneratorRoundTripsThroughJSON() throws {
    let feedback = [adoption([fiveDays], .used), adoption([tenDays], .rejected, .incorrectInformation)]
    let g = ExtractiveGenerator().retrained(preferences: [], adoptions: feedback)
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    let data = try encoder.encode(g)
    #expect(try JSONDecoder().decode(ExtractiveGenerator.self, from: data) == g)
    #expect(try encoder.encode(JSONDecoder().decode(ExtractiveGenerator.self, from: data)) == data)
}

@Test func theAdoptionRecordByLengthVetoesARationaleStep() {
    // Agents adopted 3-sentence replies far more often than 4-sentence ones …
    let record =
        Array(
            repeating: adoption([fiveDays, tenDays, "Refunds are issued to the original payment method."], .used),
            count: 25)
        + Array(
            repeating: adoption(
                [
                    fiveDays, tenDays, "Refunds are issued to the original payment method.",
                    "Our office is closed on public holidays."
                ], .rejected, .irrelevant), count: 25)
    let g = ExtractiveGenerator().retrained(preferences: [], adoptions: record)
    #expect(g.policy.length == 3)
    // … so missing-information rationales no longer lengthen the policy to 4.
    let asked = g.retrained(preferences: [], adoptions: [adoption([fiveDays], .edited, .missingInformation)])
    #expect(asked.policy.length == 3)
}
