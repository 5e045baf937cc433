import FlywheelCore
import Testing

@testable import Retrieval

struct AnalyzerTests {
    @Test func lowercasesSplitsDropsStopWordsAndStems() {
        let analyzer = Analyzer()
        #expect(analyzer.terms("My card's PIN isn't working!") == ["card", "pin", "work"])
        #expect(analyzer.terms("Refunds for cancelled orders") == ["refund", "cancel", "order"])
    }

    @Test func splitsOnPunctuationAndKeepsUnicodeLetters() {
        let plain = Analyzer(.init(stemming: false, stopWords: false))
        #expect(plain.terms("e-mail: 3.5% ÉTÉ naïve—Straße") == ["e", "mail", "3", "5", "été", "naïve", "straße"])
        #expect(plain.terms("don’t  it's") == ["dont", "it"])
    }

    @Test func stemmingCanBeSwitchedOff() {
        #expect(Analyzer(.init(stemming: false)).terms("Refunds cancelled") == ["refunds", "cancelled"])
    }

    @Test func stopWordListIsTheFullSnowballList() {
        #expect(StopWords.english.count >= 174)
        for word in ["the", "and", "yourselves", "don't", "dont", "against"] {
            #expect(StopWords.english.contains(word), "\(word)")
        }
        #expect(!StopWords.english.contains("refund"))
    }

    @Test func articleFieldsAreAnalyzedSeparately() {
        let a = Article(id: "a1", title: "Refund policy", body: "Refunds take 5 days.")
        let f = Analyzer().fields(a)
        #expect(f.title == ["refund", "polici"])
        #expect(f.body == ["refund", "take", "5", "dai"])
    }
}
