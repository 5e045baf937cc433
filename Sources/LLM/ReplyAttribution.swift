import FlywheelCore
import Generation

/// Turns an LLM's free text into a ``Reply`` with provenance, so the world's judge and agents
/// can read it like any other: each sentence is attributed to the shown article sentence whose
/// words it shares most (at least ``minimumOverlap`` of the sentence's content words), or to
/// ``unattributed`` when none does — text the articles do not support, which the judge then
/// counts as off-topic.
enum ReplyAttribution {
    /// The article id of sentences no shown article supports.
    static let unattributed = ArticleID("llm:unattributed")
    static let minimumOverlap = 0.5

    static func reply(from text: String, articles: [Article]) -> Reply {
        let sources: [(rank: Int, article: ArticleID, position: Int, words: Set<String>)] =
            articles.enumerated().flatMap { i, article in
                SentenceSplitter.split(article.title + ". " + article.body).enumerated().map { p, sentence in
                    (i + 1, article.id, p, words(sentence))
                }
            }
        let sentences = SentenceSplitter.split(text).map { sentence -> Reply.Sentence in
            let own = words(sentence)
            var best: (score: Double, rank: Int, article: ArticleID, position: Int)?
            if !own.isEmpty {
                for source in sources {
                    let score = Double(own.intersection(source.words).count) / Double(own.count)
                    if score > (best?.score ?? 0) { best = (score, source.rank, source.article, source.position) }
                }
            }
            guard let best, best.score >= minimumOverlap else {
                return Reply.Sentence(text: sentence, article: unattributed, articleRank: 0, position: 0)
            }
            return Reply.Sentence(
                text: sentence, article: best.article, articleRank: best.rank, position: best.position)
        }
        // The LLM writes its own greeting and closing; its tone is not classified.
        return Reply(greeting: "", sentences: sentences, closing: "", tone: .friendly)
    }

    /// Lower-cased letter-and-digit words: those of three or more characters, and numbers.
    static func words(_ text: String) -> Set<String> {
        var out = Set<String>()
        var word = ""
        func keep() {
            if word.count >= 3 || word.first?.isNumber == true { out.insert(word) }
            word = ""
        }
        for c in text.lowercased() {
            if c.isLetter || c.isNumber { word.append(c) } else { keep() }
        }
        keep()
        return out
    }
}
