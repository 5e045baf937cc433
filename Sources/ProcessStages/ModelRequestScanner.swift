import FlywheelCore

/// The plugin side's fast path for the requests that make models — `index` and `publish`
/// (articles in full) and `retrain` (a batch of relevance marks and the tickets they refer to)
/// — read in one pass over the bytes, as ``RetrieveScanner`` reads `retrieve`, instead of
/// through `JSONSerialization`'s dictionaries (a quarter of the served builtin's own CPU beside
/// its model's work, BENCHMARKS.md "Process boundary").
///
/// It takes the shapes Flywheel writes — each key once, in any order; articles with `id`,
/// `title`, `body` and optional `tokens` (passed over); a batch whose `preferences` and
/// `adoptions` are empty (what a plugin asking for `"training": ["relevance"]` gets, version
/// 3) — and returns nil for anything else, which ``WireRequest`` then reads or refuses with its
/// message. So a request it takes gets the answer the slow path would give.
enum ModelRequestScanner {
    enum Request {
        case index(id: Int, model: Int, articles: [Article])
        case publish(id: Int, from: Int, to: Int, articles: [Article])
        case retrain(id: Int, from: Int, to: Int, batch: TrainingBatch)
    }

    static func request(_ line: [UInt8]) -> Request? {
        JSONCursor.scan(line) { $0.modelRequest() }
    }

    /// ``request(_:)`` over a line that a 0 follows in memory (``LineBuffer``'s), in place.
    static func request(terminated line: UnsafeBufferPointer<UInt8>) -> Request? {
        JSONCursor.scan(terminated: line) { $0.modelRequest() }
    }
}

extension JSONCursor {
    fileprivate mutating func modelRequest() -> ModelRequestScanner.Request? {
        var id: Int?
        var op: PluginMessages.Op?
        var model: Int?
        var from: Int?
        var to: Int?
        var articles: [Article]?
        var batch: TrainingBatch?
        let read = object { c, key in
            if key.equals("id") { return c.once(&id) { $0.integer() } }
            if key.equals("op") { return c.once(&op) { $0.plainString().flatMap(PluginMessages.Op.init(rawValue:)) } }
            if key.equals("model") { return c.once(&model) { $0.integer() } }
            if key.equals("from") { return c.once(&from) { $0.integer() } }
            if key.equals("to") { return c.once(&to) { $0.integer() } }
            if key.equals("articles") { return c.once(&articles) { $0.articleList() } }
            if key.equals("batch") { return c.once(&batch) { $0.relevanceBatch() } }
            return false
        }
        guard read, let id, let op else { return nil }
        switch op {
        case .index:
            guard let model, let articles, from == nil, to == nil, batch == nil else { return nil }
            return .index(id: id, model: model, articles: articles)
        case .publish:
            guard let from, let to, let articles, model == nil, batch == nil else { return nil }
            return .publish(id: id, from: from, to: to, articles: articles)
        case .retrain:
            guard let from, let to, let batch, model == nil, articles == nil else { return nil }
            return .retrain(id: id, from: from, to: to, batch: batch)
        default:
            return nil
        }
    }

    fileprivate mutating func articleList() -> [Article]? {
        array { $0.article() }
    }

    fileprivate mutating func article() -> Article? {
        var id: String?
        var title: String?
        var body: String?
        var tokens: Bool?
        let read = object { c, key in
            if key.equals("id") { return c.once(&id) { $0.escapedString() } }
            if key.equals("title") { return c.once(&title) { $0.escapedString() } }
            if key.equals("body") { return c.once(&body) { $0.escapedString() } }
            if key.equals("tokens") { return c.once(&tokens) { $0.skipStrings() ? true : nil } }
            return false
        }
        guard read, let id, let title, let body else { return nil }
        return Article(id: ArticleID(id), title: title, body: body)
    }

    /// `retrain.batch` with no preferences or adoptions (`[]` or absent).
    fileprivate mutating func relevanceBatch() -> TrainingBatch? {
        var iteration: Int?
        var time: Timestamp?
        var tickets: [Ticket]?
        var marks: [RelevanceAnnotation]?
        var preferences: Bool?
        var adoptions: Bool?
        func empty(_ c: inout JSONCursor) -> Bool? {
            c.take(UInt8(ascii: "[")) && c.take(UInt8(ascii: "]")) ? true : nil
        }
        let read = object { c, key in
            if key.equals("iteration") { return c.once(&iteration) { $0.integer() } }
            if key.equals("time") { return c.once(&time) { $0.escapedString().flatMap { Timestamp(iso8601: $0) } } }
            if key.equals("tickets") { return c.once(&tickets) { $0.ticketList() } }
            if key.equals("relevance") { return c.once(&marks) { $0.relevanceList() } }
            if key.equals("preferences") { return c.once(&preferences, empty) }
            if key.equals("adoptions") { return c.once(&adoptions, empty) }
            return false
        }
        guard read, let iteration, let tickets, let marks else { return nil }
        var byID: [TicketID: Ticket] = [:]
        for ticket in tickets { byID[ticket.id] = ticket }
        return TrainingBatch(iteration: iteration, time: time, tickets: byID, relevance: marks)
    }

    fileprivate mutating func relevanceList() -> [RelevanceAnnotation]? {
        array { $0.relevance() }
    }

    fileprivate mutating func relevance() -> RelevanceAnnotation? {
        var ticket: String?
        var agent: String?
        var article: String?
        var rank: Int?
        var relevant: Bool?
        let read = object { c, key in
            if key.equals("ticket") { return c.once(&ticket) { $0.escapedString() } }
            if key.equals("agent") { return c.once(&agent) { $0.escapedString() } }
            if key.equals("article") { return c.once(&article) { $0.escapedString() } }
            if key.equals("rank") { return c.once(&rank) { $0.integer() } }
            if key.equals("relevant") { return c.once(&relevant) { $0.boolean() } }
            return false
        }
        guard read, let ticket, let agent, let article, let rank, let relevant else { return nil }
        return RelevanceAnnotation(
            ticket: TicketID(ticket), agent: AgentID(agent), article: ArticleID(article), rank: rank, relevant: relevant
        )
    }
}
