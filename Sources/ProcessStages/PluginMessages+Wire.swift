import FlywheelCore
import Retrieval

/// The values the protocol's messages carry, as they appear on the wire (snake_case keys).
/// Tickets and articles come with Flywheel's analysed `tokens`, so a plugin can score the very
/// tokens the builtin stages score; from version 5 with only the fields the plugin reads
/// (``PluginMessages/Input``, absent fields left out).

struct WireTicket: Encodable {
    var id: String
    var createdAt: String?
    var text: String?
    var tokens: [String]?
    enum CodingKeys: String, CodingKey {
        case id, text, tokens
        case createdAt = "created_at"
    }
    /// The ticket with every field (versions 1 to 4, or a plugin that reads them all).
    init(_ ticket: Ticket, analyzer: Analyzer) {
        self.init(ticket, analyzer: analyzer, inputs: PluginMessages.Input.all)
    }
}

struct WireArticle: Encodable {
    var id: String
    var title: String?
    var body: String?
    /// Analysed title tokens, then body tokens (BM25 over title + body).
    var tokens: [String]?
    /// The article with every field (versions 1 to 4, or a plugin that reads them all).
    init(_ article: Article, analyzer: Analyzer) {
        self.init(article, analyzer: analyzer, inputs: PluginMessages.Input.all)
    }
}

struct WireEntry: Codable {
    var article: String
    var score: Double
}

/// One list of a retrieve or rerank reply as the decoder reads it: entries, or (a retrieve
/// reply, version 4) the ``CompactList`` form.
enum WireList: Decodable {
    case entries([WireEntry])
    case compact(articles: [Int], scores: String)

    private struct Compact: Decodable {
        var articles: [Int]
        var scores: String
    }

    init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if let entries = try? value.decode([WireEntry].self) {
            self = .entries(entries)
        } else {
            let compact = try value.decode(Compact.self)
            self = .compact(articles: compact.articles, scores: compact.scores)
        }
    }

    /// What is wrong with a compact list (the stage's violation message).
    struct Problem: Error {
        var message: String
    }
}

struct WireReply: Codable {
    var greeting: String
    var sentences: [Sentence]
    var closing: String
    var tone: Reply.Tone
    struct Sentence: Codable {
        var text: String
        var article: String
        var articleRank: Int
        var position: Int
        enum CodingKeys: String, CodingKey {
            case text, article, position
            case articleRank = "article_rank"
        }
    }
    init(_ reply: Reply) {
        greeting = reply.greeting
        closing = reply.closing
        tone = reply.tone
        sentences = reply.sentences.map {
            Sentence(text: $0.text, article: $0.article.rawValue, articleRank: $0.articleRank, position: $0.position)
        }
    }
    var reply: Reply {
        Reply(
            greeting: greeting,
            sentences: sentences.map {
                Reply.Sentence(
                    text: $0.text, article: ArticleID($0.article), articleRank: $0.articleRank, position: $0.position)
            }, closing: closing, tone: tone)
    }
}

struct WireReplyPair: Codable {
    var a: WireReply
    var b: WireReply
}

/// A ``TrainingBatch`` on the wire: the agents' annotations and the tickets they refer to, never
/// a truth.
struct WireBatch: Encodable {
    var iteration: Int
    var time: String?
    var tickets: [WireTicket]
    var relevance: [Relevance]
    var preferences: [Preference]
    var adoptions: [Adoption]

    struct Relevance: Encodable {
        var ticket: String
        var agent: String
        var article: String
        var rank: Int
        var relevant: Bool
    }
    struct Preference: Encodable {
        var ticket: String
        var agent: String
        var choice: PreferenceChoice
        var margin: PreferenceMargin?
        var shown: [String]
        var a: WireReply
        var b: WireReply
    }
    struct Adoption: Encodable {
        var ticket: String
        var agent: String
        var outcome: AdoptionOutcome
        var rationale: RationaleCategory?
        var shown: [String]
        var a: WireReply
    }

    /// The batch with the annotation lists of `parts` (the others empty) and the tickets they
    /// refer to, each with the fields of `inputs`; all parts give the whole batch, every ticket
    /// of it.
    init(
        _ batch: TrainingBatch, analyzer: Analyzer,
        parts: Set<PluginMessages.TrainingPart> = Set(PluginMessages.TrainingPart.allCases),
        inputs: Set<PluginMessages.Input> = PluginMessages.Input.all
    ) {
        iteration = batch.iteration
        time = batch.time?.iso8601
        relevance =
            parts.contains(.relevance)
            ? batch.relevance.map {
                Relevance(
                    ticket: $0.ticket.rawValue, agent: $0.agent.rawValue, article: $0.article.rawValue, rank: $0.rank,
                    relevant: $0.relevant)
            } : []
        preferences =
            parts.contains(.preferences)
            ? batch.preferences.map { served, p in
                Preference(
                    ticket: p.ticket.rawValue, agent: p.agent.rawValue, choice: p.choice, margin: p.margin,
                    shown: served.shown.articles.map(\.rawValue), a: WireReply(served.a), b: WireReply(served.b))
            } : []
        adoptions =
            parts.contains(.adoptions)
            ? batch.adoptions.map { served, a in
                Adoption(
                    ticket: a.ticket.rawValue, agent: a.agent.rawValue, outcome: a.outcome, rationale: a.rationale,
                    shown: served.shown.articles.map(\.rawValue), a: WireReply(served.a))
            } : []
        var ids = Array(batch.tickets.keys)
        if parts.count < PluginMessages.TrainingPart.allCases.count {
            let referred = Set(
                relevance.map(\.ticket) + preferences.map(\.ticket) + adoptions.map(\.ticket))
            ids = ids.filter { referred.contains($0.rawValue) }
        }
        tickets = ids.sorted().map { WireTicket(batch.tickets[$0]!, analyzer: analyzer, inputs: inputs) }
    }
}
