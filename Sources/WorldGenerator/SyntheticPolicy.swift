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
        let space = UInt8(ascii: " ")
        let bytes = Array(text.utf8)
        // Only a text with a lower-case "a " is looked at (so a lone "A apartment" stays as written).
        guard bytes.indices.dropLast().contains(where: { bytes[$0] == UInt8(ascii: "a") && bytes[$0 + 1] == space })
        else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 4)
        for (i, c) in bytes.enumerated() {
            out.append(c)
            if c == UInt8(ascii: "a") || c == UInt8(ascii: "A"), i + 2 < bytes.count, bytes[i + 1] == space,
                i == 0 || bytes[i - 1] == space, "aeioAEIO".utf8.contains(bytes[i + 2])
            {
                out.append(UInt8(ascii: "n"))
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
