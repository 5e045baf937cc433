import FlywheelCore

/// A first stage written outside Flywheel: word overlap between ticket and article, plus word
/// boosts per article learned from agents' relevance marks (a ticket word marked relevant for an
/// article pulls the article up for later tickets with that word; marked not relevant, down).
/// It only ever sees what the protocols hand it: tickets, articles and annotations.
struct OverlapRetriever: LearningRetriever {
    /// Each published article's distinct words, in article-id order.
    var articles: [(id: ArticleID, words: Set<String>)]
    var boosts: [ArticleID: [String: Double]] = [:]

    init(_ published: [Article]) {
        articles = published.sorted { $0.id < $1.id }.map { ($0.id, Set(Self.words($0.title + " " + $0.body))) }
    }

    /// Lower-cased runs of letters and digits, at least three long.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { $0.count >= 3 }
    }

    func retrieve(_ ticket: Ticket, depth: Int) -> RankedList {
        let query = Set(Self.words(ticket.text))
        var scored: [(id: ArticleID, score: Double)] = []
        for article in articles {
            let overlap =
                Double(query.intersection(article.words).count) / Double(max(1, article.words.count)).squareRoot()
            let learned = boosts[article.id].map { b in query.reduce(0) { $0 + (b[$1] ?? 0) } } ?? 0
            let score = overlap + learned
            if score > 0 { scored.append((article.id, score)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
        return RankedList(
            ticket: ticket.id, entries: scored.prefix(depth).map { .init(article: $0.id, score: $0.score) })
    }

    func retrained(with batch: TrainingBatch) -> OverlapRetriever {
        var copy = self
        for mark in batch.relevance {
            guard let ticket = batch.tickets[mark.ticket] else { continue }
            for word in Set(Self.words(ticket.text)) {
                copy.boosts[mark.article, default: [:]][word, default: 0] += mark.relevant ? 0.05 : -0.02
            }
        }
        return copy
    }

    func publishing(_ published: [Article]) -> OverlapRetriever {
        var copy = self
        let known = Set(articles.map(\.id))
        copy.articles += published.filter { !known.contains($0.id) }.map {
            ($0.id, Set(Self.words($0.title + " " + $0.body)))
        }
        copy.articles.sort { $0.id < $1.id }
        return copy
    }
}
