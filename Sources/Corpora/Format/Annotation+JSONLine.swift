import FlywheelCore

/// `annotations.jsonl` lines: one ``Annotation`` with `"kind"` first, then the kind's fields in
/// the order of their `CodingKeys`.
extension Annotation {
    init(jsonLine c: inout JSONCursor) throws(JSONSyntaxError) {
        var kind: String?, ticket: String?, agent: String?, choice: String?, margin: String?
        var outcome: String?, rationale: String?, rationaleText: String?, article: String?, note: String?
        var rank: Int?, relevant: Bool?
        try c.forEachKey { (c, key) throws(JSONSyntaxError) in
            if c.consumeNull() { return }
            if key.equals("kind") {
                kind = try c.string()
            } else if key.equals("ticket") {
                ticket = try c.string()
            } else if key.equals("agent") {
                agent = try c.string()
            } else if key.equals("choice") {
                choice = try c.string()
            } else if key.equals("margin") {
                margin = try c.string()
            } else if key.equals("outcome") {
                outcome = try c.string()
            } else if key.equals("rationale") {
                rationale = try c.string()
            } else if key.equals("rationale_text") {
                rationaleText = try c.string()
            } else if key.equals("article") {
                article = try c.string()
            } else if key.equals("note") {
                note = try c.string()
            } else if key.equals("rank") {
                rank = try c.int()
            } else if key.equals("relevant") {
                relevant = try c.bool()
            } else {
                try c.skipValue()
            }
        }
        try c.expectEnd()
        func required<T>(_ v: T?, _ field: String) throws(JSONSyntaxError) -> T {
            guard let v else { throw JSONSyntaxError(field: field, message: "missing required field") }
            return v
        }
        func vocabulary<E: RawRepresentable & CaseIterable>(_ raw: String?, _ field: String, _: E.Type)
            throws(JSONSyntaxError) -> E?
        where E.RawValue == String {
            guard let raw else { return nil }
            guard let v = E(rawValue: raw) else {
                throw JSONSyntaxError(
                    field: field,
                    message:
                        "unknown value \"\(raw)\"; expected one of \(E.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            return v
        }
        let k = try required(vocabulary(kind, "kind", SignalKind.self), "kind")
        let t = TicketID(try required(ticket, "ticket"))
        let a = AgentID(try required(agent, "agent"))
        switch k {
        case .preference:
            self = .preference(
                PreferenceAnnotation(
                    ticket: t, agent: a,
                    choice: try required(vocabulary(choice, "choice", PreferenceChoice.self), "choice"),
                    margin: try vocabulary(margin, "margin", PreferenceMargin.self)))
        case .adoption:
            self = .adoption(
                AdoptionAnnotation(
                    ticket: t, agent: a,
                    outcome: try required(vocabulary(outcome, "outcome", AdoptionOutcome.self), "outcome"),
                    rationale: try vocabulary(rationale, "rationale", RationaleCategory.self),
                    rationaleText: rationaleText))
        case .relevance:
            self = .relevance(
                RelevanceAnnotation(
                    ticket: t, agent: a, article: ArticleID(try required(article, "article")),
                    rank: try required(rank, "rank"), relevant: try required(relevant, "relevant")))
        case .missingKnowledge:
            self = .missingKnowledge(MissingKnowledgeAnnotation(ticket: t, agent: a, note: note))
        }
    }

    /// One line of `annotations.jsonl`, keys in a fixed order.
    func appendJSONLine(to out: inout [UInt8]) {
        var o = JSONOutput.ObjectWriter(&out)
        o.string("kind", kind.rawValue, &out)
        o.string("ticket", ticket.rawValue, &out)
        o.string("agent", agent.rawValue, &out)
        switch self {
        case .preference(let p):
            o.string("choice", p.choice.rawValue, &out)
            o.optionalString("margin", p.margin?.rawValue, &out)
        case .adoption(let p):
            o.string("outcome", p.outcome.rawValue, &out)
            o.optionalString("rationale", p.rationale?.rawValue, &out)
            o.optionalString("rationale_text", p.rationaleText, &out)
        case .relevance(let p):
            o.string("article", p.article.rawValue, &out)
            o.int("rank", p.rank, &out)
            o.bool("relevant", p.relevant, &out)
        case .missingKnowledge(let p):
            o.optionalString("note", p.note, &out)
        }
        o.close(&out)
    }
}
