import FlywheelCore
import Testing

@testable import World

/// The judge's speed-ups (token memo, word count without joining) give exactly what the plain
/// computations give.

@Test func judgeWordCountEqualsReplyWordCount() {
    func reply(_ texts: [String], greeting: String = "Hi there,", closing: String = "Thanks.") -> Reply {
        Reply(
            greeting: greeting,
            sentences: texts.enumerated().map { Reply.Sentence(text: $1, article: "a", articleRank: 1, position: $0) },
            closing: closing, tone: .friendly)
    }
    let cases = [
        reply(["Refunds take 5 days.", "Ask  us!"]),
        reply(["Two\nlines", "crlf\r\nstays one word", " leading and trailing "]),
        reply([], greeting: "", closing: ""),
        reply(["", "x"], greeting: "", closing: "Bye"),
        reply(["Café crème 12 €", "e\u{301}tude"]),
        reply(["\u{301}combining after the joining space"])
    ]
    for r in cases {
        #expect(Judge.wordCount(r) == r.wordCount)
        let judged = r.sentences.map { JudgeMemo().judged.value($0.text) }
        #expect(Judge.wordCount(r, judged: judged) == r.wordCount)
    }
}

@Test func memoisedTokensEqualFreshTokens() {
    let text = "Refunds of $12.50 take 5 business days; customers' cards"
    let memo = JudgeMemo().judged
    #expect(memo.value(text).tokens == ContentTokens(text))
    #expect(memo.value(text).tokens == ContentTokens(text))
    #expect(memo.value(text) === memo.value(text))  // computed once per memo
    #expect(memo.value(text).asciiWords == text.split(separator: " ").count)
    #expect(memo.value("Café crème").asciiWords == nil)
    #expect(PureMemo<JudgedText>(shardCapacity: 4) { JudgedText($0) }.value("").tokens == ContentTokens(""))
}

/// A judge's memo belongs to whoever made it (a run): two judges made apart share nothing, the
/// copies of one judge share its memo, and the scores are the same either way.
@Test func judgesMadeApartShareNoMemo() {
    let a = Judge(), b = Judge()
    #expect(a.memo !== b.memo)
    let copy = a
    #expect(copy.memo === a.memo)
    #expect(a.tokenCache.value("Refunds take 5 days.") !== b.tokenCache.value("Refunds take 5 days."))
}
