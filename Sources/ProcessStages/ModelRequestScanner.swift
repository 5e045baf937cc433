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
        guard take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = key(), take(UInt8(ascii: ":")) else { return nil }
            if key.equals("id"), id == nil {
                id = integer()
                if id == nil { return nil }
            } else if key.equals("op"), op == nil {
                guard let name = plainString(), let o = PluginMessages.Op(rawValue: name) else { return nil }
                op = o
            } else if key.equals("model"), model == nil {
                model = integer()
                if model == nil { return nil }
            } else if key.equals("from"), from == nil {
                from = integer()
                if from == nil { return nil }
            } else if key.equals("to"), to == nil {
                to = integer()
                if to == nil { return nil }
            } else if key.equals("articles"), articles == nil {
                articles = articleList()
                if articles == nil { return nil }
            } else if key.equals("batch"), batch == nil {
                batch = relevanceBatch()
                if batch == nil { return nil }
            } else {
                return nil
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), let id, let op else { return nil }
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
        var tokens = false
        guard take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = key(), take(UInt8(ascii: ":")) else { return nil }
            if key.equals("id"), id == nil {
                id = escapedString()
                if id == nil { return nil }
            } else if key.equals("title"), title == nil {
                title = escapedString()
                if title == nil { return nil }
            } else if key.equals("body"), body == nil {
                body = escapedString()
                if body == nil { return nil }
            } else if key.equals("tokens"), !tokens {
                guard skipStrings() else { return nil }
                tokens = true
            } else {
                return nil
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), let id, let title, let body else { return nil }
        return Article(id: ArticleID(id), title: title, body: body)
    }

    /// `retrain.batch` with no preferences or adoptions (`[]` or absent).
    fileprivate mutating func relevanceBatch() -> TrainingBatch? {
        var iteration: Int?
        var time: Timestamp?
        var timed = false
        var tickets: [Ticket]?
        var marks: [RelevanceAnnotation]?
        var preferences = false
        var adoptions = false
        guard take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = key(), take(UInt8(ascii: ":")) else { return nil }
            if key.equals("iteration"), iteration == nil {
                iteration = integer()
                if iteration == nil { return nil }
            } else if key.equals("time"), !timed {
                time = escapedString().flatMap { Timestamp(iso8601: $0) }
                if time == nil { return nil }
                timed = true
            } else if key.equals("tickets"), tickets == nil {
                tickets = ticketList()
                if tickets == nil { return nil }
            } else if key.equals("relevance"), marks == nil {
                marks = relevanceList()
                if marks == nil { return nil }
            } else if key.equals("preferences"), !preferences {
                guard take(UInt8(ascii: "[")), take(UInt8(ascii: "]")) else { return nil }
                preferences = true
            } else if key.equals("adoptions"), !adoptions {
                guard take(UInt8(ascii: "[")), take(UInt8(ascii: "]")) else { return nil }
                adoptions = true
            } else {
                return nil
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), let iteration, let tickets, let marks else { return nil }
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
        guard take(UInt8(ascii: "{")) else { return nil }
        repeat {
            guard let key = key(), take(UInt8(ascii: ":")) else { return nil }
            if key.equals("ticket"), ticket == nil {
                ticket = escapedString()
                if ticket == nil { return nil }
            } else if key.equals("agent"), agent == nil {
                agent = escapedString()
                if agent == nil { return nil }
            } else if key.equals("article"), article == nil {
                article = escapedString()
                if article == nil { return nil }
            } else if key.equals("rank"), rank == nil {
                rank = integer()
                if rank == nil { return nil }
            } else if key.equals("relevant"), relevant == nil {
                relevant = boolean()
                if relevant == nil { return nil }
            } else {
                return nil
            }
        } while take(UInt8(ascii: ","))
        guard take(UInt8(ascii: "}")), let ticket, let agent, let article, let rank, let relevant else { return nil }
        return RelevanceAnnotation(
            ticket: TicketID(ticket), agent: AgentID(agent), article: ArticleID(article), rank: rank, relevant: relevant
        )
    }
}
