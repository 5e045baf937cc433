import Corpora
import WorldGenerator
import Foundation
import FlywheelCore
import Testing
import WorldTruth

@testable import World

/// The judge and the zero-noise agent on a small generated marketplace world, whose nuggets are
/// exact fact sentences of the relevant articles and whose `conflicting` lists wrong twins.
@Suite struct SyntheticWorldJudgeTests {
    static let world = SyntheticWorld.generate(SyntheticWorldConfig(seed: 7, articles: 200, tickets: 300, weeks: 4))
    let judge = Judge()

    /// Splits an article body into sentences the way a simple extractive generator would.
    static func sentences(of article: Article) -> [String] {
        var out: [String] = []
        var current = ""
        for c in article.body {
            current.append(c)
            if c == "." || c == "?" || c == "!" {
                let s = current.trimmingCharacters(in: .whitespaces)
                if !s.isEmpty { out.append(s) }
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespaces)
        if !rest.isEmpty { out.append(rest) }
        return out
    }

    static let articles = Dictionary(uniqueKeysWithValues: world.articles.map { ($0.id, $0) })

    func nuggetReply(_ truth: TicketTruth) -> Reply {
        Reply(
            greeting: "Hi, thanks for getting in touch.",
            sentences: truth.nuggets.enumerated().map { i, n in
                Reply.Sentence(
                    text: n.text, article: n.article ?? truth.relevantArticles[0], articleRank: 1, position: i)
            },
            closing: "Let me know if there is anything else I can do for you today.", tone: .friendly)
    }

    @Test func statingEveryNuggetScoresHelpful() throws {
        let records = Self.world.tickets.filter { !$0.truth.nuggets.isEmpty }
        #expect(records.count > 100)
        var helpful = 0
        for r in records {
            let q = judge.quality(of: nuggetReply(r.truth), for: r.truth)
            #expect(q.coverage == 1)
            #expect(q.correctness == 1)
            #expect(q.focus == 1)
            if 1 + 4 * q.total >= 4 { helpful += 1 }
        }
        // length can fall outside the band for one-nugget tickets; most still reach 4
        #expect(Double(helpful) / Double(records.count) > 0.8)
    }

    @Test func swappingInTheTwinsSentenceIsCaughtAsIncorrect() throws {
        var checked = 0
        for r in Self.world.tickets where !r.truth.conflicting.isEmpty && !r.truth.nuggets.isEmpty {
            let good = nuggetReply(r.truth)
            // the twin's sentence closest to the first nugget without saying it: the same fact
            // with one value changed (twins share their other sentences word for word)
            let nugget = ContentTokens(r.truth.nuggets[0].text)
            var best: (text: String, article: ArticleID, overlap: Double)?
            for twin in r.truth.conflicting {
                guard let a = Self.articles[twin] else { continue }
                for s in Self.sentences(of: a) where !nugget.words.isSubset(of: ContentTokens(s).words) {
                    let o = nugget.recall(in: ContentTokens(s))
                    if o > (best?.overlap ?? 0) { best = (s, twin, o) }
                }
            }
            // skip swaps that happen to state another needed fact (tickets needing two twins)
            guard let swap = best, swap.overlap >= 0.5,
                !r.truth.nuggets.contains(where: {
                    ContentTokens($0.text).words.isSubset(of: ContentTokens(swap.text).words)
                })
            else { continue }
            var bad = good
            bad.sentences[0] = Reply.Sentence(text: swap.text, article: swap.article, articleRank: 2, position: 0)
            let qGood = judge.quality(of: good, for: r.truth)
            let qBad = judge.quality(of: bad, for: r.truth)
            #expect(qBad.correctness < qGood.correctness)
            #expect(qBad.failure == .incorrectInformation)
            #expect(qBad.total < qGood.total)
            checked += 1
        }
        #expect(checked > 20)
    }

    @Test func zeroNoiseRelevanceAndFlagsMatchTheTruth() throws {
        let agent = SimulatedAgent(id: "oracle", persona: try TestSupport.persona("oracle"))
        let all = Self.world.articles.map(\.id)
        var state = AgentState(persona: agent.persona)
        for (i, r) in Self.world.tickets.prefix(200).enumerated() {
            var rng = RandomStream(seed: 3, purpose: "shown", ids: [UInt64(i)])
            var shown = r.truth.relevantArticles
            while shown.count < 8 { shown.append(all[rng.int(below: all.count)]) }
            // withhold the first relevant article on every third ticket
            let withheld: ArticleID? = i % 3 == 0 ? r.truth.relevantArticles.first : nil
            let reply = nuggetReply(r.truth)
            let f = agent.respond(
                to: ShownSuggestion(ticket: r.ticket, a: reply, b: reply, articles: Array(shown.prefix(8))),
                truth: r.truth, published: { $0 != withheld }, judge: judge, state: &state,
                rng: RandomStream(seed: 3, purpose: "agent", ids: [UInt64(i)]),
                library: [])
            for mark in f.relevance { #expect(mark.relevant == ((r.truth.relevant[mark.article] ?? 0) > 0)) }
            #expect((f.missingKnowledge != nil) == (withheld != nil))
            if withheld != nil, let m = f.missingKnowledge { #expect(m.note == SimulatedAgent.flagNote(r.ticket.text)) }
            #expect(f.preference?.choice == .tie)  // identical replies
        }
    }
}
