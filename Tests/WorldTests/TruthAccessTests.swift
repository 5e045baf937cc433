import FlywheelCore
import Foundation
import Testing
import WorldTruth

@testable import World

/// What agents may know (docs/world.md, "Truth access"): links found by the agent's own search
/// and missing-knowledge flags read the truth only through the persona's skill. At zero skill
/// they are independent of it; at full skill they say exactly what it says.
@Suite struct TruthAccessTests {
    let judge = Judge()
    let samples = 2_000

    /// The refund ticket with its needed article (`refund-policy`, grade 3) either shown or not,
    /// and either published or withheld: the four truth conditions links and flags could leak.
    func episode(_ i: Int) -> (shown: ShownSuggestion, missed: Bool, withheld: Bool) {
        let missed = i % 2 == 1
        let withheld = (i / 2) % 2 == 1
        var articles = TestSupport.shown(a: RefundWorld.full, b: RefundWorld.full).articles
        if missed { articles[0] = "billing" }
        return (
            ShownSuggestion(ticket: RefundWorld.ticket, a: RefundWorld.full, b: RefundWorld.full, articles: articles),
            missed, withheld
        )
    }

    func respond(_ persona: Persona, _ i: Int, seed: UInt64) -> (feedback: AgentFeedback, missed: Bool, withheld: Bool)
    {
        let (shown, missed, withheld) = episode(i)
        var state = AgentState(persona: persona)
        let f = SimulatedAgent(id: "a", persona: persona).respond(
            to: shown, truth: RefundWorld.truth, published: { !(withheld && $0 == "refund-policy") }, judge: judge,
            state: &state, rng: RandomStream(seed: seed, purpose: "agent", ids: [UInt64(i)]),
            library: TestSupport.library)
        return (f, missed, withheld)
    }

    /// Two-proportion z statistic of k1/n1 against k2/n2.
    func z(_ k1: Int, _ n1: Int, _ k2: Int, _ n2: Int) -> Double {
        let p = Double(k1 + k2) / Double(n1 + n2)
        let se = (p * (1 - p) * (1 / Double(n1) + 1 / Double(n2))).squareRoot()
        return se == 0 ? 0 : (Double(k1) / Double(n1) - Double(k2) / Double(n2)) / se
    }

    @Test func zeroSkillLinksAndFlagsAreIndependentOfTheTruth() throws {
        let random = try TestSupport.persona("random")
        var links = [0, 0], flags = [0, 0], n = [0, 0], flagN = [0, 0]
        var needed = 0, linkTotal = 0
        var byArticle: [ArticleID: Int] = [:]
        for i in 0..<samples {
            let (f, missed, withheld) = respond(random, i, seed: 21)
            let ls = f.relevance.filter { $0.rank == 0 }
            n[missed ? 1 : 0] += 1
            links[missed ? 1 : 0] += ls.count
            for l in ls {
                byArticle[l.article, default: 0] += 1
                if l.article == "refund-policy" { needed += 1 }
                linkTotal += 1
            }
            flagN[withheld ? 1 : 0] += 1
            if f.missingKnowledge != nil { flags[withheld ? 1 : 0] += 1 }
        }
        // Tolerance: |z| < 3.29 (two-sided 0.1%) for the rate of links whether or not the needed
        // article was missed, and of flags whether or not it was withheld.
        #expect(abs(z(links[1], n[1], links[0], n[0])) < 3.29)
        #expect(abs(z(flags[1], flagN[1], flags[0], flagN[0])) < 3.29)
        // Linked articles are uniform over the published library: chi-square with 15 degrees of
        // freedom below its 0.1% critical value 37.70; the needed article no more often than any.
        #expect(linkTotal > 100)
        let expected = Double(linkTotal) / Double(TestSupport.library.count)
        let chi2 = TestSupport.library.reduce(0.0) { $0 + pow(Double(byArticle[$1] ?? 0) - expected, 2) / expected }
        #expect(chi2 < 37.70)
        #expect(abs(Double(needed) - expected) <= 3.29 * expected.squareRoot())
    }

    @Test func perfectSearchLinksExactlyTheNeededArticleTheListMissed() throws {
        let oracle = try TestSupport.persona("oracle")
        for i in 0..<200 {
            let (f, missed, withheld) = respond(oracle, i, seed: 22)
            let ls = f.relevance.filter { $0.rank == 0 }.map(\.article)
            // only a published article can be looked up; the flag says exactly "withheld"
            #expect(ls == (missed && !withheld ? ["refund-policy"] : []))
            #expect((f.missingKnowledge != nil) == withheld)
        }
    }

    @Test func partialSearchSkillFindsTheNeededArticleAtItsRate() throws {
        let s = 0.6
        let persona = try TestSupport.persona("oracle").with { $0.relevance.searchSkill = s }
        var right = 0, linked = 0, guessed = 0, notMissed = 0
        for i in 0..<samples {
            let (f, missed, withheld) = respond(persona, i, seed: 23)
            guard !withheld else { continue }
            let ls = f.relevance.filter { $0.rank == 0 }.map(\.article)
            if !missed { notMissed += 1; guessed += ls.count; continue }
            linked += ls.count
            right += ls.filter { $0 == "refund-policy" }.count
        }
        // Knowing (rate s), the agent links and picks the needed article with rate s again, else
        // a random published article (the twin is already shown here); guessing (1 − s), it
        // links a random published article with rate link_missed × guessRate. 16 articles.
        let g = RelevanceBehaviour.guessRate
        let p = (s * s + s * (1 - s) / 16 + (1 - s) * g / 16) / (s + (1 - s) * g)
        print("search skill: right \(right) linked \(linked) guessed \(guessed) notMissed \(notMissed) p \(p)")
        #expect(abs(Double(right) / Double(linked) - p) <= TestSupport.ci99(p: p, n: linked))
        let guessRate = (1 - s) * RelevanceBehaviour.guessRate
        #expect(abs(Double(guessed) / Double(notMissed) - guessRate) <= TestSupport.ci99(p: guessRate, n: notMissed))
    }

    @Test func aFlagCarriesTheTicketsWordsOnly() {
        let text = "Hi, my refund for the blender never arrived! Refund please, order 4411 kitchen"
        let note = SimulatedAgent.flagNote(text)
        let words = note.split(separator: " ").map(String.init)
        #expect(!words.isEmpty && words.count <= 6)
        #expect(Set(words).count == words.count)
        #expect(words.allSatisfy { text.lowercased().contains($0) })
        #expect(words.first == "refund")
    }
}
