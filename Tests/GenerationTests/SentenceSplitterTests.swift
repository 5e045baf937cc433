import FlywheelCore
import Testing

@testable import Generation

@Test func splitsOnSentenceEndsAndKeepsThePunctuation() {
    #expect(
        SentenceSplitter.split(
            "Standard shipping takes 3 to 7 days. Express costs $12.50 per order! Do you ship abroad? Yes.")
            == [
                "Standard shipping takes 3 to 7 days.", "Express costs $12.50 per order!", "Do you ship abroad?", "Yes."
            ])
}

@Test func decimalsAndLineBreaksAreHandled() {
    #expect(SentenceSplitter.split("Fee is 2.5% of the total.\nCall us") == ["Fee is 2.5% of the total.", "Call us"])
    #expect(SentenceSplitter.split("  ") == [])
}

@Test func tokensAreLowercasedContentWordsWithPluralsStripped() {
    #expect(TextTokens.tokens("The Refunds take 5 days, and it's FREE.") == ["refund", "take", "5", "day", "free"])
    #expect(TextTokens.stem("policies") == "policy")
    #expect(TextTokens.stem("address") == "address")
    #expect(TextTokens.hasSlotValue("costs $12.50"))
    #expect(!TextTokens.hasSlotValue("costs nothing"))
}
