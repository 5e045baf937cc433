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
