import FlywheelCore
import Testing

@testable import Generation

/// Pairs of candidate replies for the tiny ticket, labelled by `rule` (true: A is better).
private func pairs(count: Int, margin: PreferenceMargin = .clearly, choice: (Reply, Reply) -> PreferenceChoice)
    -> [PreferenceExample]
{
    var config = GenerationConfig()
    config.candidates = 6
    let g = ExtractiveGenerator(config: config)
    var out: [PreferenceExample] = []
    for n in 0..<count {
        var rng = RandomStream(seed: 5, purpose: "rm-test", ids: [UInt64(n)])
        let c = g.candidates(for: TinyKnowledgeBase.ticket, articles: TinyKnowledgeBase.articles, rng: &rng)
        let a = c[1 + n % 5]
        let b = c[(2 + n) % 6]
        let ch = choice(a, b)
        out.append(
            PreferenceExample(
                ticket: TinyKnowledgeBase.ticket, a: a, b: b,
                annotation: PreferenceAnnotation(
                    ticket: TinyKnowledgeBase.ticket.id, agent: "ag", choice: ch,
                    margin: ch == .a || ch == .b ? margin : nil)))
    }
    return out
}

private func shorterWins(_ a: Reply, _ b: Reply) -> PreferenceChoice {
    a.sentences.count == b.sentences.count ? .tie : (a.sentences.count < b.sentences.count ? .a : .b)
}

@Test func untrainedRewardIsZeroEverywhere() {
    let rm = RewardModel()
    #expect(rm.isUntrained)
    #expect(
        rm.score(
            ExtractiveGenerator().baseline(for: TinyKnowledgeBase.ticket, articles: TinyKnowledgeBase.articles),
            ticket: TinyKnowledgeBase.ticket) == 0)
}

@Test func learnsAConsistentPreferenceAndRanksHeldOutRepliesByIt() {
    let rm = RewardModel().trained(on: pairs(count: 60, choice: shorterWins))
    #expect(!rm.isUntrained)
    // Held-out pairs (other seeds): the model orders every strict pair as the rule does.
    let heldOut = pairs(count: 40, choice: shorterWins).enumerated().map { i, p in
        pairs(count: 80 + i, choice: shorterWins).last!
    }
    var agree = 0, strict = 0
    for p in heldOut where p.annotation.choice != .tie {
        strict += 1
        let pa = rm.probability(p.a, over: p.b, ticket: p.ticket)
        if (pa > 0.5) == (p.annotation.choice == .a) { agree += 1 }
    }
    #expect(strict > 10)
    #expect(agree == strict)
}

@Test func theMarginWeighsThePair() {
    let slight = RewardModel().trained(on: pairs(count: 30, margin: .slightly, choice: shorterWins))
    let much = RewardModel().trained(on: pairs(count: 30, margin: .much, choice: shorterWins))
    let norm: (RewardModel) -> Double = { $0.weights.reduce(0) { $0 + $1 * $1 } }
    // The same labels with weight 3 instead of 1 fight the same L2 pull harder.
    #expect(norm(much) > norm(slight))
}

@Test func tiesAreHalfTargetsAndBothBadIsSkipped() {
    let ties = pairs(count: 20) { _, _ in .tie }
    let tied = RewardModel().trained(on: ties)
    #expect(tied.weights.allSatisfy { abs($0) < 1e-9 })
    #expect(tied.trainedPairs > 0)
    let bad = RewardModel().trained(on: pairs(count: 20) { _, _ in .bothBad })
    #expect(bad == RewardModel())
}

@Test func trainingIsDeterministic() {
    let data = pairs(count: 40, choice: shorterWins)
    #expect(RewardModel().trained(on: data) == RewardModel().trained(on: data))
}

@Test func logisticFitSolvesASmallSystem() {
    #expect(
        LogisticFit.solve([[2, 1], [1, 3]], [3, 5])!.enumerated().allSatisfy { i, x in abs(x - [0.8, 1.4][i]) < 1e-12 })
    #expect(LogisticFit.solve([[1, 1], [1, 1]], [1, 2]) == nil)
}
