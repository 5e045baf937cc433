/// A suggested reply with provenance: greeting, sentences that each know the article and
/// position they came from, and a closing.
///
/// The generator builds replies; the judge and the simulated agents (in `World`) score them
/// against the truth; neither side needs the other's code, only this type.
public struct Reply: Hashable, Sendable, Codable {
    /// One sentence of the reply and where it came from.
    public struct Sentence: Hashable, Sendable, Codable {
        public var text: String
        /// The article the sentence was taken from.
        public var article: ArticleID
        /// 1-based rank of that article in the list the generator was given.
        public var articleRank: Int
        /// 0-based index of the sentence within the article body.
        public var position: Int
        public init(text: String, article: ArticleID, articleRank: Int, position: Int) {
            self.text = text
            self.article = article
            self.articleRank = articleRank
            self.position = position
        }
    }

    /// The register a reply is written in.
    public enum Tone: String, CaseIterable, Codable, Sendable {
        case formal, friendly, brief
    }

    public var greeting: String
    public var sentences: [Sentence]
    public var closing: String
    public var tone: Tone

    public init(greeting: String, sentences: [Sentence], closing: String, tone: Tone) {
        self.greeting = greeting
        self.sentences = sentences
        self.closing = closing
        self.tone = tone
    }

    /// The whole reply as the customer would read it.
    public var text: String {
        ([greeting] + sentences.map(\.text) + [closing]).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Length in words (whitespace-separated) of the whole reply.
    public var wordCount: Int { text.split(whereSeparator: { $0 == " " || $0 == "\n" }).count }

    /// The distinct articles the reply cites, in order of first use.
    public var citedArticles: [ArticleID] {
        var seen = Set<ArticleID>()
        return sentences.compactMap { seen.insert($0.article).inserted ? $0.article : nil }
    }
}
