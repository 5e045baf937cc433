import FlywheelCore
import Testing

import Corpora
@testable import WorldGenerator

@Test func fillReplacesKnownSlotsAndKeepsUnknownOnes() {
    #expect(
        SyntheticText.fill("refund within {days} days in {region}", ["days": "7", "region": "Japan"])
            == "refund within 7 days in Japan")
    #expect(SyntheticText.fill("{unknown} stays", [:]) == "{unknown} stays")
    #expect(SyntheticText.slots(in: "{a} and {b} then {a}") == ["a", "b"])
}

@Test func indefiniteArticlesAgreeWithTheNextWord() {
    #expect(SyntheticText.fixIndefiniteArticles("a entire home and a apartment") == "an entire home and an apartment")
    #expect(
        SyntheticText.fixIndefiniteArticles("a unique stay, a villa, data entry")
            == "a unique stay, a villa, data entry")
}

@Test func customerSentencesEndWithAQuestionMarkOnlyWhenAsking() {
    #expect(SyntheticText.terminated("can i bring my dog") == "can i bring my dog?")
    #expect(SyntheticText.terminated("the owner kicked me out") == "the owner kicked me out.")
}

@Test func typosKeepFirstAndLastLettersAndShortWords() {
    var rng = RandomStream(seed: 1, purpose: "typo-test")
    let text = "cancellation reservation refund is on"
    let typed = SyntheticText.typos(text, rate: 1, rng: &rng)
    let before = text.split(separator: " "), after = typed.split(separator: " ")
    #expect(after.count == before.count)
    for (b, a) in zip(before, after) where b.count >= 4 {
        #expect(a != b && a.first == b.first && a.last == b.last)
    }
    #expect(after[3] == "is" && after[4] == "on")
    var again = RandomStream(seed: 1, purpose: "typo-test")
    #expect(SyntheticText.typos(text, rate: 0, rng: &again) == text)
}

@Test func fillLeavesAnUnclosedBraceAsWritten() {
    #expect(SyntheticText.fill("in {region} or {oops", ["region": "Japan"]) == "in Japan or {oops")
    #expect(SyntheticText.fill("no slots", ["region": "Japan"]) == "no slots")
    #expect(SyntheticText.fill("{a}{b}", ["a": "1", "b": "2"]) == "12")
}

@Test func indefiniteArticlesAreFixedOnlyInATextWithALowerCaseA() {
    #expect(SyntheticText.fixIndefiniteArticles("A entire home") == "A entire home")
    #expect(SyntheticText.fixIndefiniteArticles("A entire home, a apartment") == "An entire home, an apartment")
    #expect(SyntheticText.fixIndefiniteArticles("pay a") == "pay a")
    #expect(SyntheticText.fixIndefiniteArticles("a") == "a")
}

/// The byte-level helpers are exact only on ASCII: every generated article and ticket is ASCII.
@Test func generatedTextIsASCII() {
    let world = SyntheticWorld.generate(.init(seed: 11, articles: 400, tickets: 3000, weeks: 4))
    for a in world.articles { #expect((a.title + a.body).utf8.allSatisfy { $0 < 0x80 }, "\(a.id)") }
    for r in world.tickets {
        let texts = [r.ticket.text, r.truth.referenceResponse ?? ""] + r.truth.nuggets.map(\.text)
        #expect(texts.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } }, "\(r.ticket.id)")
    }
}

/// `typos` on bytes makes the same changes as its definition on characters (the generator's
/// original code, kept here as the reference) for the same draws.
@Test func typosMatchTheCharacterLevelDefinition() {
    func reference(_ text: String, rate: Double, rng: inout RandomStream) -> String {
        guard rate > 0 else { return text }
        var words = text.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        for i in words.indices {
            let w = Array(words[i])
            guard w.count >= 4, w.allSatisfy({ $0.isLetter && $0.isASCII }) else { continue }
            guard rng.bernoulli(rate) else { continue }
            var chars = w
            let pos = 1 + rng.int(below: chars.count - 2)
            switch rng.int(below: 3) {
            case 0: chars.swapAt(pos, pos + 1 < chars.count ? pos + 1 : pos - 1)
            case 1: chars.remove(at: pos)
            default: chars.insert(chars[pos], at: pos)
            }
            words[i] = String(chars)
        }
        return words.joined(separator: " ")
    }
    let texts = [
        "", " ", "hi  there ", "Caller: my reservation in Tokyo, can I get a refund? thanks",
        "cancellation reservation refund is on", "abcd abc abcde x1yz ab-cd double  space end "
    ]
    for (k, text) in texts.enumerated() {
        for rate in [0.0, 0.3, 1.0] {
            var a = RandomStream(seed: UInt64(k), purpose: "typo-ref"), b = a
            #expect(SyntheticText.typos(text, rate: rate, rng: &a) == reference(text, rate: rate, rng: &b), "\(text)")
            #expect(a.next() == b.next(), "the same number of draws for \(text)")
        }
    }
}
