import ArgumentParser
import Corpora
import FlywheelCore

/// `flywheel corpus inspect DIR`: what a corpus holds, at a glance.
struct CorpusInspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Print a corpus' counts, topics, text lengths, relevant articles per ticket and date range.",
        discussion: """
            Reads the manifest (checking checksums) and streams the tickets once. Text lengths \
            are whitespace-separated words (articles: title + body). A ticket's topic is the \
            topic of its highest-graded relevant article.

            Example:
              flywheel corpus inspect corpora/marketplace --topics 15
            """
    )

    @Argument(help: "The corpus folder.")
    var directory: String

    @Option(help: "How many topics to list (most tickets first).")
    var topics = 12

    func run() async throws {
        let corpus = try CorpusReader(directory: directory)
        let s = try CorpusStatistics(corpus: corpus)
        let m = corpus.manifest
        print("corpus \(m.name) (schema \(m.schemaVersion)) at \(directory)")
        print("  source:  \(m.source)")
        print("  license: \(m.license)")
        print("  made by: \(m.command)")
        print(
            "counts: \(s.articles) articles, \(s.tickets) tickets, \(s.annotations.map(String.init) ?? "no") annotations"
        )
        if let first = s.firstTicket, let last = s.lastTicket {
            let weeks = Double((last - first).seconds) / 604_800
            print("tickets: \(first) to \(last) (\(fmt(weeks, 1)) weeks)")
        }
        print(
            "truth: \(s.ticketsWithNuggets) tickets with nuggets, \(s.ticketsWithReference) with a reference reply; \(s.articlesWithIntroducedAt) articles with introduced_at"
        )
        print("")
        print("words           min  median     p90     max    mean")
        for (label, d) in [("articles", s.articleWords), ("tickets", s.ticketWords)] {
            print(
                "  \(pad(label, 10))\(lpad(d.min, 6))\(lpad(d.median, 8))\(lpad(d.p90, 8))\(lpad(d.max, 8))\(lpad(fmt(d.mean, 1), 8))"
            )
        }
        print("")
        let h = s.relevantPerTicket.histogram
        let cells = h.enumerated().map { i, n in "\(i == h.count - 1 ? "\(i)+" : "\(i)"): \(n)" }
        print(
            "relevant articles per ticket: \(cells.joined(separator: ", ")) (mean \(fmt(s.relevantPerTicket.mean, 2)), max \(s.relevantPerTicket.max))"
        )
        print("")
        if s.topics.isEmpty {
            print("topics: none (articles carry no topic)")
        } else {
            print("topics: \(s.topics.count) (top \(min(topics, s.topics.count)) by tickets)")
            let width = max(8, s.topics.prefix(topics).map(\.topic.count).max() ?? 8) + 2
            print("  \(pad("topic", width))\(lpad("articles", 9))\(lpad("tickets", 9))")
            for t in s.topics.prefix(topics) {
                print("  \(pad(t.topic, width))\(lpad(t.articles, 9))\(lpad(t.tickets, 9))")
            }
        }
    }
}

func pad(_ s: String, _ w: Int) -> String { s.count >= w ? s + " " : s + String(repeating: " ", count: w - s.count) }
func lpad(_ v: some CustomStringConvertible, _ w: Int) -> String {
    let s = v.description
    return s.count >= w ? " " + s : String(repeating: " ", count: w - s.count) + s
}
