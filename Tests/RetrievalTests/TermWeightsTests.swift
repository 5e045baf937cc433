import FlywheelCore
import Foundation
import Testing

@testable import Retrieval

/// The expansion model's per-article weights as sorted arrays (``TermWeights``): the same
/// lookups, equality and encoded form as the term → weight dictionary they replace, and the
/// same weights, bit for bit, from retraining.
@Suite struct TermWeightsTests {
    @Test func holdsItsTermsAscendingAndLooksThemUp() {
        let w: TermWeights = ["refund": 2, "card": 0.5, "blender": 1]
        #expect(w.keys == ["blender", "card", "refund"])
        #expect(w.values == [1, 0.5, 2])
        #expect(w["card"] == 0.5)
        #expect(w["parcel"] == nil)
        #expect(w.count == 3)
        #expect(TermWeights().isEmpty)
        #expect(Dictionary(uniqueKeysWithValues: w.map { ($0, $1) }) == ["refund": 2, "card": 0.5, "blender": 1])
    }

    @Test func mergingWritesTheUpdatesOverAndKeepsTheRest() {
        let w: TermWeights = ["b": 1, "d": 2, "f": 3]
        let merged = w.merged(with: [(key: "a", value: 9), (key: "d", value: 5), (key: "g", value: 7)])
        #expect(merged == ["a": 9, "b": 1, "d": 5, "f": 3, "g": 7])
        #expect(w.merged(with: []) == w)
        #expect(TermWeights().merged(with: [(key: "x", value: 1)]) == ["x": 1])
    }

    @Test func filteringAndScalingKeepTheOrder() {
        let w: TermWeights = ["a": 0.1, "b": 1, "c": 0.2, "d": 4]
        #expect(w.filtered { $0 >= 0.2 } == ["b": 1, "c": 0.2, "d": 4])
        #expect(w.scaled(by: 0.5) == ["a": 0.05, "b": 0.5, "c": 0.1, "d": 2])
    }

    @Test func encodesAsTheDictionaryItReplaces() throws {
        let w: TermWeights = ["refund": 2, "card": 0.5]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let asDictionary = try encoder.encode(["refund": 2.0, "card": 0.5])
        #expect(try encoder.encode(w) == asDictionary)
        #expect(try JSONDecoder().decode(TermWeights.self, from: asDictionary) == w)
    }

    /// The retraining as it was written with dictionaries: add each mark's weight to each of its
    /// ticket's terms in mark order, then forget weights under the minimum and cap per article.
    static func reference(
        _ previous: [ArticleID: [String: Double]], marks: [(ArticleID, [String], Double)], keep: Double,
        minimum: Double, cap: Int
    ) -> [ArticleID: [String: Double]] {
        var next = previous.mapValues { $0.mapValues { $0 * keep } }
        for (article, terms, w) in marks {
            for term in terms { next[article, default: [:]][term, default: 0] += w }
        }
        var result: [ArticleID: [String: Double]] = [:]
        for (article, terms) in next {
            var kept = terms.filter { $0.value >= minimum }
            if kept.count > cap {
                let top = kept.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(cap)
                kept = Dictionary(uniqueKeysWithValues: top.map { ($0.key, $0.value) })
            }
            if !kept.isEmpty { result[article] = kept }
        }
        return result
    }

    @Test func retrainingGivesTheDictionarySumsBitForBit() {
        // Eight rounds of random marks with uneven weights (floating-point sums depend on their
        // order), a decay between rounds, a minimum and a cap that bind.
        var rng = RandomStream(seed: 7, purpose: "term-weights")
        let words = (0..<40).map { "w\($0)" }
        let articles = (0..<6).map { ArticleID("d\($0)") }
        var reference: [ArticleID: [String: Double]] = [:]
        var model: [ArticleID: TermWeights] = [:]
        for _ in 0..<8 {
            let marks = (0..<120).map { _ in
                (
                    articles[rng.int(below: articles.count)],
                    Array(Set((0..<5).map { _ in words[rng.int(below: words.count)] })).sorted(),
                    rng.uniform() + 0.01
                )
            }
            reference = Self.reference(reference, marks: marks, keep: 0.83, minimum: 0.3, cap: 12)
            var updates = ExpansionModel.Updates(ExpansionModel.decayed(model, by: 0.83))
            for (article, terms, w) in marks { updates.add(w, to: terms, of: article) }
            model = ExpansionModel.pruned(updates.applied(), minimum: 0.3, cap: 12)
            #expect(model.keys.sorted() == reference.keys.sorted())
            for (article, terms) in reference {
                let learned = model[article] ?? TermWeights()
                #expect(learned.keys == terms.keys.sorted())
                #expect(learned.values.map(\.bitPattern) == terms.keys.sorted().map { terms[$0]!.bitPattern })
            }
        }
    }
}
