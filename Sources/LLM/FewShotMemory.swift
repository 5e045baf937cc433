import FlywheelCore

/// What the OpenAI generator learns: replies agents endorsed — suggestion A used as-is, or the
/// reply an agent preferred in a pairwise comparison — kept as few-shot examples with the
/// ticket they answered. Only annotations reach it (never a ``TicketTruth``). The newest
/// `capacity` are kept; a prompt shows those whose tickets share the most words with the
/// current one.
struct FewShotMemory: Sendable, Hashable {
    struct Example: Sendable, Hashable {
        var ticket: TicketID
        var time: Timestamp
        var ticketText: String
        var replyText: String
        var ticketWords: Set<String>
    }

    var capacity: Int
    private(set) var examples: [Example] = []

    init(capacity: Int) { self.capacity = capacity }

    /// The memory after one training batch: its endorsed replies added (one per ticket and
    /// text), newest first, cut to ``capacity``. Pure and deterministic.
    func learning(from batch: TrainingBatch) -> FewShotMemory {
        var endorsed: [(ServedSuggestion, Reply)] = []
        for (served, annotation) in batch.adoptions where annotation.outcome == .used {
            endorsed.append((served, served.a))
        }
        for (served, annotation) in batch.preferences {
            switch annotation.choice {
            case .a: endorsed.append((served, served.a))
            case .b: endorsed.append((served, served.b))
            case .tie, .bothBad: break
            }
        }
        var copy = self
        var seen = Set(examples.map { "\($0.ticket.rawValue)\u{1F}\($0.replyText)" })
        for (served, reply) in endorsed {
            let text = reply.text
            guard !text.isEmpty, seen.insert("\(served.ticket.id.rawValue)\u{1F}\(text)").inserted else { continue }
            copy.examples.append(
                Example(
                    ticket: served.ticket.id, time: served.ticket.createdAt, ticketText: served.ticket.text,
                    replyText: text, ticketWords: ReplyAttribution.words(served.ticket.text)))
        }
        copy.examples.sort { ($0.time, $1.ticket.rawValue, $0.replyText) > ($1.time, $0.ticket.rawValue, $1.replyText) }
        if copy.examples.count > capacity { copy.examples.removeLast(copy.examples.count - capacity) }
        return copy
    }

    /// The examples for `ticket`, most similar first (Jaccard similarity of their ticket words;
    /// ties: newer first), from position `skip` on, at most `count`.
    func examples(for ticket: Ticket, skip: Int, count: Int) -> [Example] {
        guard count > 0, !examples.isEmpty else { return [] }
        let words = ReplyAttribution.words(ticket.text)
        let scored = examples.enumerated().map { i, e -> (Double, Int) in
            let union = words.union(e.ticketWords).count
            return (union == 0 ? 0 : Double(words.intersection(e.ticketWords).count) / Double(union), i)
        }
        let ranked = scored.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 < $1.1 }
        return ranked.dropFirst(skip).prefix(count).map { examples[$0.1] }
    }
}
