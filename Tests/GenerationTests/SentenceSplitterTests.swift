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

/// The ASCII tokenizer stems on bytes; it must cut exactly what ``TextTokens/stem(_:)`` cuts.
@Test func theByteStemCutsWhatTheStringStemCuts() {
    let words = [
        "policies", "ties", "pies", "series", "address", "bus", "status", "this", "analysis", "refunds", "days",
        "yes", "gas", "cats", "s", "ss", "abcs", "12s", "2026s", "fees", "ies", "aies", "is", "us", "caries",
        "houses", "boss", "menus", "taxis", "refund"
    ]
    for word in words {
        let bytes = Array(word.utf8)
        let expected = TextTokens.stem(word)
        let cut = TextTokens.asciiStemCut(bytes)
        let stemmed =
            cut == 0
            ? word
            : String(decoding: bytes.dropLast(cut), as: UTF8.self) + (cut == 3 ? "y" : "")
        #expect(stemmed == expected, "\(word)")
    }
    #expect(TextTokens.asciiTokens("Policies, ties and RefUnds: 3 days") == ["policy", "tie", "refund", "3", "day"])
}
