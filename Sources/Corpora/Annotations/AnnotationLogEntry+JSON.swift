import FlywheelCore

/// Reads one log line (docs/annotations.md) from its parsed JSON, strictly: unknown keys,
/// missing required keys and values outside a vocabulary are errors naming the key.
extension AnnotationLogEntry {
    /// The keys each kind of line may have.
    static let keys: [String: [String]] = [
        "exposure": ["kind", "ticket", "time", "shown", "reply_a", "reply_b", "propensity_a"],
        SignalKind.preference.rawValue: ["kind", "ticket", "agent", "time", "choice", "margin", "seconds", "persona"],
        SignalKind.adoption.rawValue: [
            "kind", "ticket", "agent", "time", "outcome", "rationale", "rationale_text", "seconds", "persona"
        ],
        SignalKind.relevance.rawValue: [
            "kind", "ticket", "agent", "time", "article", "rank", "relevant", "seconds", "persona"
        ],
        SignalKind.missingKnowledge.rawValue: ["kind", "ticket", "agent", "time", "note", "seconds", "persona"]
    ]
    /// Every value of `"kind"`.
    public static var kinds: [String] { ["exposure"] + SignalKind.allCases.map(\.rawValue) }

    public init(json: JSONValue) throws(LogFieldError) {
        let o = LogObject(value: json, path: "")
        let kind = try o.string("kind")
        guard let allowed = Self.keys[kind] else {
            throw LogFieldError(
                field: "kind", "unknown kind \"\(kind)\"; expected one of \(Self.kinds.joined(separator: ", "))")
        }
        try o.rejectUnknown(allowed)
        let ticket = TicketID(try o.string("ticket"))
        let time = try o.time("time")
        if kind == "exposure" {
            let shown = try o.array("shown").enumerated().map { i, v throws(LogFieldError) in
                guard let id = v.textValue else {
                    throw LogFieldError(field: "shown[\(i)]", "expected an article id, found \(v.typeName)")
                }
                return ArticleID(id)
            }
            let (a, textA) = try o.reply("reply_a")
            let (b, textB) = try o.reply("reply_b")
            let p = try o.optionalNumber("propensity_a")
            if let p, !(p > 0 && p <= 1) {
                throw LogFieldError(field: "propensity_a", "expected a probability in (0, 1], found \(p)")
            }
            self = .exposure(
                Exposure(
                    ticket: ticket, time: time, shown: shown, a: a, b: b, textA: textA, textB: textB, propensityA: p))
            return
        }
        let agent = AgentID(try o.string("agent"))
        let annotation: Annotation
        switch SignalKind(rawValue: kind)! {
        case .preference:
            let choice = try o.vocabulary("choice", PreferenceChoice.self)
            annotation = .preference(
                PreferenceAnnotation(
                    ticket: ticket, agent: agent, choice: choice,
                    margin: try o.optionalVocabulary("margin", PreferenceMargin.self)))
        case .adoption:
            annotation = .adoption(
                AdoptionAnnotation(
                    ticket: ticket, agent: agent, outcome: try o.vocabulary("outcome", AdoptionOutcome.self),
                    rationale: try o.optionalVocabulary("rationale", RationaleCategory.self),
                    rationaleText: try o.optionalString("rationale_text")))
        case .relevance:
            let rank = try o.integer("rank")
            guard rank >= 0 else {
                throw LogFieldError(
                    field: "rank", "expected a rank ≥ 0 (0: linked from outside the shown list), found \(rank)")
            }
            annotation = .relevance(
                RelevanceAnnotation(
                    ticket: ticket, agent: agent, article: ArticleID(try o.string("article")), rank: rank,
                    relevant: try o.bool("relevant")))
        case .missingKnowledge:
            annotation = .missingKnowledge(
                MissingKnowledgeAnnotation(ticket: ticket, agent: agent, note: try o.optionalString("note")))
        }
        let seconds = try o.optionalNumber("seconds")
        if let seconds, !(seconds >= 0) {
            throw LogFieldError(field: "seconds", "expected seconds ≥ 0, found \(seconds)")
        }
        self = .annotation(
            LoggedAnnotation(
                time: time, annotation: annotation, seconds: seconds, persona: try o.optionalString("persona")))
    }
}

/// A log line's problem, by key; the reader adds the file and line.
public struct LogFieldError: Error, Sendable {
    public var field: String?
    public var message: String
    init(field: String?, _ message: String) {
        self.field = field
        self.message = message
    }
}

extension AnnotationLogEntry {
    /// Reads one line of text (as stored in a results store's log).
    public init(jsonLine: String) throws(LogFieldError) {
        var bytes = Array(jsonLine.utf8)
        let parsed: Result<JSONValue, JSONSyntaxError> = bytes.withUnsafeMutableBufferPointer { buffer in
            var c = JSONCursor(UnsafeBufferPointer(buffer))
            do throws(JSONSyntaxError) {
                let v = try c.value()
                try c.expectEnd()
                return .success(v)
            } catch {
                return .failure(error)
            }
        }
        switch parsed {
        case .success(let v): try self.init(json: v)
        case .failure(let e): throw LogFieldError(field: e.field, e.message)
        }
    }
}
