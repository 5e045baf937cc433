import FlywheelCore

/// How a near-duplicate policy differs from its twin: in exactly one slot value.
public enum SyntheticTwinKind: String, CaseIterable, Codable, Sendable {
    /// Same policy for another region.
    case region
    /// Same policy for another listing type.
    case listing
    /// Same policy with one number (days, hours, percent, amount, nights, count) changed.
    case timing
}

/// The recipe of one policy article: its topic, scope and facts with their slot values.
/// Rendering it (``SyntheticPolicy/render()``) gives the article's title and sentences.
struct SyntheticPolicy: Hashable, Sendable {
    var topic: Int
    var region: Int
    var listing: Int
    /// Indices into the topic's facts, in article order.
    var facts: [Int]
    /// Per fact (same order as `facts`): numeric slot name → value.
    var values: [[String: Int]]
    var title: Int
    var intro: Int
    var closings: [Int]

    struct Rendered {
        var title: String
        var sentences: [String]
        /// The fact sentences, in the order of `facts` (each also appears in `sentences`).
        var factSentences: [String]
        var body: String { sentences.joined(separator: ". ") + "." }
    }

    func render() -> Rendered {
        let t = MarketplaceCatalogue.topics[topic]
        let r = MarketplaceScopes.regions[region]
        let l = MarketplaceScopes.listingTypes[listing]
        var scope: [String: String] = [
            "region": r.name, "listing": l.name, "name": t.name, "currency": r.currency
        ]
        let title = SyntheticText.capitalized(
            SyntheticText.fixIndefiniteArticles(SyntheticText.fill(t.titles[title], scope)))
        var sentences = [
            SyntheticText.capitalized(
                SyntheticText.fixIndefiniteArticles(SyntheticText.fill(MarketplaceCatalogue.intros[intro], scope)))
        ]
        var factSentences: [String] = []
        for (k, f) in facts.enumerated() {
            var slots = scope
            for (name, v) in values[k] {
                slots[name] = name == "amount" ? "\(v * r.amountScale) \(r.currency)" : String(v)
            }
            let s = SyntheticText.capitalized(
                SyntheticText.fixIndefiniteArticles(SyntheticText.fill(t.facts[f].article, slots)))
            factSentences.append(s)
            sentences.append(s)
        }
        scope["name"] = nil
        for c in closings {
            sentences.append(SyntheticText.fill(MarketplaceCatalogue.closings[c], scope))
        }
        return Rendered(title: title, sentences: sentences, factSentences: factSentences)
    }

    /// Numeric slots used by fact `position`, in template order.
    func numericSlots(at position: Int) -> [String] {
        let template = MarketplaceCatalogue.topics[topic].facts[facts[position]].article
        return SyntheticText.slots(in: template).filter { MarketplaceSlot(rawValue: $0) != nil }
    }
}

extension SyntheticText {
    /// "a entire home" → "an entire home", "a apartment" → "an apartment" (vowels a, e, i, o;
    /// "u" is left alone because "a unique stay" is right).
    static func fixIndefiniteArticles(_ text: String) -> String {
        guard text.contains("a ") else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 4)
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "a" || c == "A", i + 2 < chars.count, chars[i + 1] == " ",
                i == 0 || chars[i - 1] == " ",
                "aeioAEIO".contains(chars[i + 2])
            {
                out.append(c)
                out.append("n")
            } else {
                out.append(c)
            }
            i += 1
        }
        return out
    }
}
