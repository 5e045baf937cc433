import FlywheelCore
import Foundation
import Testing

@testable import Generation

/// The sentence prior keeps its words as ids of a vocabulary of its own; its values are those
/// of the word → tally dictionaries it holds, bit for bit, whatever ids the words were given.
struct SentencePriorWordsTests {
    @Test func valuesAreThoseOfTheWordDictionaries() {
        for trial in 0..<4 {
            var rng = RandomStream(seed: UInt64(trial), purpose: "prior-words")
            var prior = SentencePrior()
            for round in 0..<5 {
                let touched = CompiledPriorTests.record(into: &prior, rng: &rng, count: 1 + rng.int(below: 30))
                prior.forgetWeakest(of: touched, keeping: 6)
                CompiledPriorTests.expectValuesOfTheWords(prior, seed: UInt64(10 * trial + round))
            }
        }
    }

    /// Ids follow the order words were first seen, which differs between priors of the same
    /// evidence (and, with parallel retraining, between runs): equality, values and the encoded
    /// form do not.
    @Test func theOrderWordsArriveInChangesNoValue() throws {
        var a = SentencePrior(), b = SentencePrior()
        b.record(article: "x", position: 0, ticketTokens: ["zeta", "card", "hotel"], weight: 0.25)
        a.record(article: "a1", position: 2, ticketTokens: ["refund", "card", "host"], weight: 1)
        a.record(article: "x", position: 0, ticketTokens: ["hotel", "card", "zeta"], weight: 0.25)
        b.record(article: "a1", position: 2, ticketTokens: ["host", "refund", "card"], weight: 1)
        #expect(a.tallies["a1#2"]!.keys != b.tallies["a1#2"]!.keys)  // other ids …
        #expect(a == b)  // … the same evidence
        for tokens in [["card"], ["card", "host", "zeta"], ["unseen"]] {
            for key in ["a1#2", "x#0"] {
                #expect(
                    a.value(key: key, sortedTokens: tokens).bitPattern
                        == b.value(key: key, sortedTokens: tokens).bitPattern)
            }
        }
        let decoded = try JSONDecoder().decode(SentencePrior.self, from: JSONEncoder().encode(a))
        #expect(decoded == a)
        #expect(
            decoded.words(of: "a1#2") == [
                "refund": SentencePrior.Tally(positive: 1), "card": SentencePrior.Tally(positive: 1),
                "host": SentencePrior.Tally(positive: 1)
            ])
        var c = b
        c.record(article: "x", position: 0, ticketTokens: ["card"], weight: -1)
        #expect(c != a)
    }

    /// A copy shares the vocabulary and adds to it; the original's values do not move.
    @Test func copiesShareTheVocabularyNotTheEvidence() {
        var base = SentencePrior()
        base.record(article: "a", position: 0, ticketTokens: ["refund"], weight: 1)
        var next = base
        next.record(article: "a", position: 0, ticketTokens: ["refund", "card"], weight: 1)
        #expect(next.vocabulary === base.vocabulary)
        #expect(base.words(of: "a#0") == ["refund": SentencePrior.Tally(positive: 1)])
        #expect(base.value(key: "a#0", sortedTokens: ["card", "refund"]) == 1.0 / (1 + 2 * 2))
        #expect(next.value(key: "a#0", sortedTokens: ["card", "refund"]) == 3.0 / (3 + 2 * 2))
    }

    /// Ids are dense, in the order words were first seen; a known word keeps its id as the
    /// index grows; unknown words have none.
    @Test func theVocabularyGivesDenseIdsAndKeepsThem() {
        let vocabulary = SentencePrior.Vocabulary()
        let words = (0..<5_000).map { "w\($0 * 7_919 % 5_000)" }
        #expect(vocabulary.ids(words) == (0..<5_000).map { Int32($0) })
        #expect(
            vocabulary.ids(["w0", "new", "w0"]) == [
                vocabulary.knownIDs(["w0"])[0], 5_000, vocabulary.knownIDs(["w0"])[0]
            ])
        #expect(vocabulary.count == 5_001)
        #expect(vocabulary.knownIDs(["absent", words[4_321], "new"]) == [4_321, 5_000])
        #expect(vocabulary.words([4_321, 5_000, 0]) == [words[4_321], "new", words[0]])
        let rebuilt = SentencePrior.Vocabulary(words: Array(vocabulary.prefix(5_001)))
        #expect(rebuilt.knownIDs(words + ["new"]) == (0...5_000).map { Int32($0) })
    }
}
