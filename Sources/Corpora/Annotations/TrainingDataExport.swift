import FlywheelCore

/// The formats trainers read, built from one job's annotation log and the corpus' texts
/// (docs/annotations.md, "Training data"; JSON Schemas in docs/schemas/).
public enum TrainingFormat: String, CaseIterable, Sendable {
    /// Preference pairs `{prompt, chosen, rejected}` (DPO and other pairwise trainers).
    case dpo
    /// Adopted replies as chat records `{messages: [{role, content}…]}`.
    case sft
    /// Relevance marks as TREC qrels `ticket 0 article grade`.
    case qrels
    /// Relevance marks as `{query, positive, negative}` triples (contrastive retriever training).
    case triples
}

/// Which annotations an export keeps: by the agent's persona (lines without one are dropped when
/// personas are given) and by agent id. Empty sets keep everything.
public struct TrainingDataFilter: Sendable {
    public var personas: Set<String> = []
    public var agents: Set<AgentID> = []
    public init(personas: Set<String> = [], agents: Set<AgentID> = []) {
        self.personas = personas
        self.agents = agents
    }
    func keeps(_ a: LoggedAnnotation) -> Bool {
        (personas.isEmpty || a.persona.map(personas.contains) == true)
            && (agents.isEmpty || agents.contains(a.annotation.agent))
    }
}

/// Builds training records from a log.
///
/// ```swift
/// let export = TrainingDataExport(entries: entries, ticketText: texts, articles: byID)
/// for line in export.lines(.dpo, filter: TrainingDataFilter(personas: ["careful-expert"])) { print(line) }
/// ```
public struct TrainingDataExport: Sendable {
    public var entries: [AnnotationLogEntry]
    public var ticketText: [TicketID: String]
    public var articles: [ArticleID: Article]

    public init(entries: [AnnotationLogEntry], ticketText: [TicketID: String], articles: [ArticleID: Article]) {
        self.entries = entries
        self.ticketText = ticketText
        self.articles = articles
    }

    /// The records, one per line, in log order (qrels and triples: tickets in order of first
    /// mark, articles by id).
    public func lines(_ format: TrainingFormat, filter: TrainingDataFilter = .init()) -> [String] {
        var exposures: [TicketID: Exposure] = [:]
        var kept: [LoggedAnnotation] = []
        for entry in entries {
            switch entry {
            case .exposure(let e): exposures[e.ticket] = exposures[e.ticket] ?? e
            case .annotation(let a): if filter.keeps(a) { kept.append(a) }
            }
        }
        switch format {
        case .dpo: return dpo(kept, exposures)
        case .sft: return sft(kept, exposures)
        case .qrels:
            return judgments(kept).flatMap { ticket, grades in
                grades.keys.sorted().map { "\(ticket) 0 \($0) \(grades[$0]! ? 1 : 0)" }
            }
        case .triples: return triples(kept)
        }
    }

    func dpo(_ kept: [LoggedAnnotation], _ exposures: [TicketID: Exposure]) -> [String] {
        kept.compactMap { a in
            guard case .preference(let p) = a.annotation, p.choice == .a || p.choice == .b,
                let e = exposures[p.ticket], let ta = e.textA, let tb = e.textB, let prompt = ticketText[p.ticket]
            else { return nil }
            var o = LineObject()
            o.string("prompt", prompt)
            o.string("chosen", p.choice == .a ? ta : tb)
            o.string("rejected", p.choice == .a ? tb : ta)
            o.string("ticket", p.ticket.rawValue)
            o.string("agent", p.agent.rawValue)
            if let m = p.margin { o.string("margin", m.rawValue) }
            return o.closed()
        }
    }

    func sft(_ kept: [LoggedAnnotation], _ exposures: [TicketID: Exposure]) -> [String] {
        kept.compactMap { a in
            guard case .adoption(let d) = a.annotation, d.outcome.isAdopted,
                let reply = exposures[d.ticket]?.textA, let prompt = ticketText[d.ticket]
            else { return nil }
            func message(_ role: String, _ content: String) -> String {
                var m = LineObject()
                m.string("role", role)
                m.string("content", content)
                return m.closed()
            }
            var o = LineObject()
            o.raw("messages", "[" + message("user", prompt) + "," + message("assistant", reply) + "]")
            o.string("ticket", d.ticket.rawValue)
            o.string("agent", d.agent.rawValue)
            o.string("outcome", d.outcome.rawValue)
            return o.closed()
        }
    }

    /// Each marked (ticket, article): relevant when at least half its marks say so; tickets in
    /// order of first mark.
    func judgments(_ kept: [LoggedAnnotation]) -> [(TicketID, [ArticleID: Bool])] {
        var order: [TicketID] = []
        var votes: [TicketID: [ArticleID: (yes: Int, all: Int)]] = [:]
        for a in kept {
            guard case .relevance(let r) = a.annotation else { continue }
            if votes[r.ticket] == nil { order.append(r.ticket) }
            var v = votes[r.ticket, default: [:]][r.article] ?? (0, 0)
            v.all += 1
            if r.relevant { v.yes += 1 }
            votes[r.ticket, default: [:]][r.article] = v
        }
        return order.map { t in (t, votes[t]!.mapValues { 2 * $0.yes >= $0.all }) }
    }

    func triples(_ kept: [LoggedAnnotation]) -> [String] {
        var out: [String] = []
        for (ticket, grades) in judgments(kept) {
            guard let query = ticketText[ticket] else { continue }
            let positives = grades.keys.filter { grades[$0]! }.sorted()
            let negatives = grades.keys.filter { !grades[$0]! }.sorted()
            for p in positives {
                guard let pa = articles[p] else { continue }
                for n in negatives {
                    guard let na = articles[n] else { continue }
                    var o = LineObject()
                    o.string("query", query)
                    o.string("positive", Self.text(pa))
                    o.string("negative", Self.text(na))
                    o.string("query_id", ticket.rawValue)
                    o.string("positive_id", p.rawValue)
                    o.string("negative_id", n.rawValue)
                    out.append(o.closed())
                }
            }
        }
        return out
    }

    /// An article as a retriever indexes it: title, then body.
    static func text(_ a: Article) -> String { a.title.isEmpty ? a.body : a.title + "\n" + a.body }
}
